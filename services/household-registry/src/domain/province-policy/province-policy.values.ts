import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';

/**
 * The six kinds of key region of the concentrated inspection (DOMAIN.md "The concentrated
 * inspection"), where households are visited one by one.
 */
export const KEY_REGION_KINDS = [
  /** Priority counties for rural revitalization assistance (乡村振兴重点帮扶县). */
  'priority-assistance-county',
  /** Centralized resettlement areas (集中安置区). */
  'centralized-resettlement-area',
  /** Areas with heavy consolidation tasks (巩固任务重的地区). */
  'heavy-consolidation-task',
  /** Areas hit by major natural disasters since last year (去年以来遭受重大自然灾害的地区). */
  'major-natural-disaster',
  /** Areas where newly added monitoring subjects fell markedly (新增监测对象明显下降的地区). */
  'marked-fall-in-new-monitoring',
  /** Areas with heavy rectification tasks from last year's assessment (上年考核整改任务重的地区). */
  'heavy-rectification-task',
] as const;

/** One kind of key region. */
export type KeyRegionKind = (typeof KEY_REGION_KINDS)[number];

/**
 * The two income lines of a province and year (DOMAIN.md "Monitoring threshold"): the monitoring
 * threshold decides who may be monitored; the inspection filter line only picks households for a
 * visit, never eligibility.
 */
export type PolicyLine = 'monitoring-threshold' | 'inspection-filter';

/** One published version of a line. */
export interface LineVersion {
  /** Per-capita net income per year, in fen. */
  readonly amountFen: Fen;
  /** First day the version applies. */
  readonly effectiveFrom: IsoDate;
  /** The policy document it comes from (文号), e.g. `川乡振发〔2024〕12号`. */
  readonly sourceDocument: string;
}

/** A key region as designated, and its revocation once revoked. */
export interface KeyRegion {
  readonly regionId: string;
  readonly kind: KeyRegionKind;
  /** 12-digit codes of the units inside the province it covers, sorted. */
  readonly divisionCodes: readonly string[];
  readonly reason: string;
  readonly effectiveFrom: IsoDate;
  readonly revoked: { readonly reason: string; readonly effectiveFrom: IsoDate } | null;
}

/**
 * Who a household's per-capita net income is divided by (DOMAIN.md "Households and people"):
 * `household-members` (家庭人口), everyone registered in the household, members working away
 * included, whose wages count in full — the default; `resident-members`, only those living in it
 * (常住人口), as the statistics bureau's household survey counts. A province chooses per year.
 */
export type PerCapitaDivisorRule = 'household-members' | 'resident-members';

/** Every divisor rule, for validation and documentation. */
export const PER_CAPITA_DIVISOR_RULES: readonly PerCapitaDivisorRule[] = ['household-members', 'resident-members'];

/** The divisor rule when a province has set none for the year. */
export const DEFAULT_PER_CAPITA_DIVISOR_RULE: PerCapitaDivisorRule = 'household-members';

/** One setting of the divisor rule. */
export interface DivisorRuleVersion {
  readonly rule: PerCapitaDivisorRule;
  /** First day it applies. */
  readonly effectiveFrom: IsoDate;
  /** The policy document it comes from (文号). */
  readonly sourceDocument: string;
}
