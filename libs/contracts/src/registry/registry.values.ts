import type {
  HOUSING_GRADES,
  KEY_REGION_KINDS,
  LABOUR_CAPACITIES,
  MEMBER_REMOVAL_REASONS,
  MEMBERSHIP_CHANGES,
  MONITORING_CATEGORIES,
  PER_CAPITA_DIVISOR_RULES,
  POLICY_LINES,
  RELATIONS_TO_HEAD,
  SCHOOLING_STAGES,
  WORK_PLACES,
} from './registry.enums';

// Public value types of the registry's integration events. They mirror the registry's
// internal values on purpose, but are owned here: the internal ones may change freely,
// these only with a new contract version.

/** Integer amount in fen (分, 1/100 yuan); fields carrying one end in `Fen`. */
export type Fen = number;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * Base status: ordinary rural (一般农户) or poverty-alleviated (脱贫户) with its year, 2014–2020.
 * Being a monitoring subject is not a status: the assistance context's monitoring cases say it.
 */
export type HouseholdStatusV1 =
  { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };

/** Flags that keep a household in scope whatever its status. */
export interface HouseholdFlagsV1 {
  /** Moved to a centralized resettlement site (易地扶贫搬迁集中安置). */
  readonly relocatedToResettlementSite: boolean;
  /** Registration moved to urban hukou (农转非). */
  readonly urbanHukou: boolean;
}

/** The period an income or expenditure figure covers. */
export type ReportingPeriodV1 =
  | { readonly kind: 'calendar-year'; readonly year: number }
  | { readonly kind: 'twelve-months'; readonly endingOn: IsoDate };

/** A member's relation to the head of household (与户主关系). */
export type RelationToHeadV1 = (typeof RELATIONS_TO_HEAD)[number];

/** Health (健康状况); disability grade 1 is the most severe. */
export type HealthV1 =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'chronic-illness' }
  | { readonly kind: 'serious-illness' }
  | { readonly kind: 'disabled'; readonly grade: 1 | 2 | 3 | 4 };

/** Labour capacity (劳动技能). */
export type LabourCapacityV1 = (typeof LABOUR_CAPACITIES)[number];

/** Employment (务工) and its stability. */
export type EmploymentV1 =
  | { readonly status: 'not-employed' }
  | {
      readonly status: 'employed';
      readonly place: (typeof WORK_PLACES)[number];
      readonly stability: 'stable' | 'unstable';
    };

/** Schooling stage (在校生状况). */
export type SchoolingStageV1 = (typeof SCHOOLING_STAGES)[number];

/** Why a member left the household. */
export type MemberRemovalReasonV1 = (typeof MEMBER_REMOVAL_REASONS)[number];

/** A risk type code: national (`illness`) or a province's own (`51.farm-price-drop`); an open list. */
export type RiskTypeCodeV1 = string;

/** Who per-capita net income is divided by. */
export type PerCapitaDivisorRuleV1 = (typeof PER_CAPITA_DIVISOR_RULES)[number];

/** How a membership change moved the per-capita divisor. */
export type MembershipChangeV1 = (typeof MEMBERSHIP_CHANGES)[number];

/** A category of monitoring subject. */
export type MonitoringCategoryV1 = (typeof MONITORING_CATEGORIES)[number];

/** Housing safety grade: A and B safe, C and D dangerous. */
export type HousingGradeV1 = (typeof HOUSING_GRADES)[number];

/** The six kinds of key region of the concentrated inspection. */
export type KeyRegionKindV1 = (typeof KEY_REGION_KINDS)[number];

/** The two income lines of a province and year. */
export type PolicyLineV1 = (typeof POLICY_LINES)[number];
