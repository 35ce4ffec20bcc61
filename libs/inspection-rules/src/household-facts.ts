import type { IsoDate } from '@relapse-watch/domain-kernel';

// What the inspection knows of a household: its own view, built from the registry's
// integration events (never from the registry's database). Each fact that a rule reads as
// "new since…" keeps the local date it was learnt on (`since`, `recordedOn`).

/** A household's base status: being a monitoring subject is an overlay, never a status. */
export type HouseholdBaseStatus =
  { readonly kind: 'ordinary' } | { readonly kind: 'poverty-alleviated'; readonly yearLeftPoverty: number };

export interface HouseholdFlags {
  /** Relocated to a centralized resettlement site (易地扶贫搬迁): stays in scope. */
  readonly relocatedToResettlementSite: boolean;
  /** Moved to urban hukou (农转非): stays in scope. */
  readonly urbanHukou: boolean;
}

export type MemberHealth =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'chronic-illness' }
  | { readonly kind: 'serious-illness' }
  | { readonly kind: 'disabled'; readonly grade: 1 | 2 | 3 | 4 };

export type MemberEmployment =
  | { readonly status: 'not-employed' }
  | { readonly status: 'employed'; readonly place: string; readonly stability: 'stable' | 'unstable' };

/** One member as the registry publishes it (no name, no ID number). */
export interface MemberFacts {
  readonly memberId: string;
  readonly relationToHead: string;
  readonly health: MemberHealth;
  /** Local date this health value was first seen (a new severe disability is "new since…"). */
  readonly healthSince: IsoDate;
  /** `full`, `partial`, `none`, … (the registry's LABOUR_CAPACITIES words). */
  readonly labourCapacity: string;
  readonly employment: MemberEmployment;
  /** The registry's SCHOOLING_STAGES words. */
  readonly schooling: string;
  readonly medicalInsuranceEnrolled: boolean;
  readonly livesInHousehold: boolean;
}

export type IncomePeriod =
  | { readonly kind: 'calendar-year'; readonly year: number }
  | { readonly kind: 'twelve-months'; readonly endingOn: IsoDate };

/** One income record (the latest for its period), in fen. */
export interface IncomeFacts {
  readonly period: IncomePeriod;
  readonly netIncomeFen: number;
  /** Null when nobody is left to divide by. */
  readonly perCapitaNetIncomeFen: number | null;
  readonly divisorMembers: number;
  readonly transferFen: number;
  readonly recordedOn: IsoDate;
}

export interface RigidExpenditureFacts {
  readonly period: IncomePeriod;
  readonly medicalAfterReimbursementFen: number;
  readonly educationFen: number;
  readonly disasterLossFen: number;
  readonly totalFen: number;
  readonly recordedOn: IsoDate;
}

export interface RiskEventFacts {
  readonly riskEventId: string;
  /** A national risk type code or the province's own (an open list). */
  readonly kind: string;
  readonly occurredOn: IsoDate;
  readonly lossFen: number;
}

export interface ThreePlusOneFacts {
  readonly foodAndClothingSecured: boolean;
  readonly compulsoryEducationSecured: boolean;
  readonly medicalInsuranceCovered: boolean;
  /** `A`, `B` (safe), `C`, `D` (dangerous). */
  readonly housingGrade: string;
  readonly drinkingWaterSafe: boolean;
  readonly recordedOn: IsoDate;
}

/** An open data-quality warning of the registry (its rule code, field, evidence). */
export interface RegistryWarningFacts {
  readonly rule: string;
  readonly field: string;
  readonly memberId: string | null;
  readonly raisedOn: IsoDate;
}

/** A monitoring record the registry import noted from the national system (until the assistance service owns it). */
export interface LegacyMonitoringFacts {
  readonly category: string;
  readonly identifiedOn: IsoDate | null;
  readonly riskTypes: readonly string[];
  readonly eliminated: boolean;
}

/**
 * One monitoring episode of the household (identified → eliminated), as the assistance service
 * will publish it. Until that service exists nobody supplies episodes, so the key-group rule
 * "monitored over a year without elimination" never fires (the registry's legacy record is a
 * note of the national system's state, not an episode with its dates, and is not read for it).
 */
export interface MonitoringEpisodeFacts {
  readonly identifiedOn: IsoDate;
  /** Null while the episode is open. */
  readonly eliminatedOn: IsoDate | null;
}

/** A household as the inspection sees it. */
export interface HouseholdFacts {
  readonly householdId: string;
  /** 12-digit code of the village the household lives in. */
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly status: HouseholdBaseStatus;
  readonly flags: HouseholdFlags;
  readonly members: readonly MemberFacts[];
  /** Oldest period first. */
  readonly incomes: readonly IncomeFacts[];
  readonly rigidExpenditures: readonly RigidExpenditureFacts[];
  /** Oldest first. */
  readonly riskEvents: readonly RiskEventFacts[];
  readonly threePlusOne: ThreePlusOneFacts | null;
  readonly openWarnings: readonly RegistryWarningFacts[];
  /** Warnings ever raised on the household (open or cleared), for "repeated warnings". */
  readonly warningsRaised: number;
  readonly legacyMonitoring: LegacyMonitoringFacts | null;
  /** Local date the household was registered (or first seen). */
  readonly registeredOn: IsoDate;
  /** Monitoring episodes, oldest first; absent until the assistance service supplies them. */
  readonly monitoringEpisodes?: readonly MonitoringEpisodeFacts[];
}
