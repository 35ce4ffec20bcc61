import type { SchoolingStage } from './member.values';

// Data-quality warnings (DOMAIN.md "Data quality rules"): facts that contradict each other or
// reference data, recorded anyway because the field is right more often than the register, and
// kept open on the household until a later change resolves them. Never refusals.

const RULES = {
  'resident-id.division-unknown': {
    key: 'residentIdDivisionUnknown',
    message:
      '身份证号码前6位不是1980年以来的任何行政区划代码，请核实号码 / The first six digits of the resident ID number are no division code known since 1980: check the number',
  },
  'schooling.compulsory-education-contradicted': {
    key: 'compulsoryEducationContradicted',
    message:
      '有6至15周岁成员辍学或不在校，但“义务教育有保障”记为是 / A member aged 6 to 15 has dropped out or is not in school, yet compulsory education is recorded as secured',
  },
  'schooling.age-mismatch': {
    key: 'schoolingAgeMismatch',
    message: '成员年龄与在校生状况不符 / The member’s age does not fit the schooling stage',
  },
  'household.rural-in-urban-committee': {
    key: 'ruralInUrbanCommittee',
    message:
      '农户登记在城镇居民委员会，但未标识易地扶贫搬迁或农转非 / The rural household is registered in an urban residents’ committee without the relocated or urban-hukou flag',
  },
} as const;

/** Rule codes of the household's data-quality warnings. */
export type HouseholdWarningRule = keyof typeof RULES;

/**
 * Every warning rule: a `中文 / English` message and a key that is a plain identifier (for read
 * stores, whose field paths cannot hold the dots and dashes of a rule code).
 */
export const HOUSEHOLD_WARNING_RULES: Readonly<
  Record<HouseholdWarningRule, { readonly key: string; readonly message: string }>
> = RULES;

/** Every warning rule code, in the order warnings are listed. */
export const HOUSEHOLD_WARNING_RULE_CODES = Object.keys(RULES) as readonly HouseholdWarningRule[];

/** What a warning rests on: ids, codes and derived facts, never a name or a full ID number. */
export interface WarningEvidence {
  readonly memberId?: string;
  /** The first six digits of the member's resident ID, not the number. */
  readonly registrationPrefix?: string;
  /** Completed years on the day the warning was evaluated. */
  readonly age?: number;
  readonly schooling?: SchoolingStage;
  readonly villageCode?: string;
}

/** An open data-quality warning of a household. */
export interface HouseholdWarning {
  readonly rule: HouseholdWarningRule;
  /** The field at fault, as in refusals (`personal.residentId`, `profile.schooling`, …). */
  readonly field: string;
  readonly evidence: WarningEvidence;
}
