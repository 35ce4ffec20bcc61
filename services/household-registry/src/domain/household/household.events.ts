import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { Fen, IncomeComponents, IsoDate } from '@relapse-watch/domain-kernel';
import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type { RiskTypeCode } from '../risk-types/risk-types';
import type { HouseholdFlags, HouseholdStatus, ReportingPeriod, ThreePlusOneStatus } from './household.values';
import type { LegacyMonitoringRecord } from './legacy-monitoring.values';
import type { ErasedPersonalData, MemberPersonal, MemberProfile, MemberRemovalReason } from './member.values';
import type { HouseholdWarning } from './household-warning.catalogue';

// Internal events of the registry (STYLE.md shape 6): what other services see are the
// integration events of libs/contracts. Every payload names its household, so a projection
// needs no stream-name parsing; personal data sits only under `personal`, which the privacy
// issue encrypts whole. Amounts are integer fen, named `…Fen`.

/** A household was registered in a village. */
export type HouseholdRegistered = DomainEvent<
  'HouseholdRegistered',
  {
    readonly householdId: string;
    readonly villageCode: string;
    readonly householdNumber: string;
    readonly status: HouseholdStatus;
  }
>;

/**
 * A household was registered from a registry sheet with everything the sheet records about it
 * (see the `ImportHousehold` command): its state afterwards is exactly what the separate events
 * (registration, members added, income, rigid expenditure, "3+1", flags) would have left. Names and ID numbers are
 * only in `personal`, keyed by member id.
 */
export type HouseholdImported = DomainEvent<
  'HouseholdImported',
  {
    readonly householdId: string;
    readonly villageCode: string;
    readonly householdNumber: string;
    readonly status: HouseholdStatus;
    readonly flags: HouseholdFlags;
    /** The members in the order they were added (the head first), without personal data. */
    readonly members: readonly { readonly memberId: string; readonly profile: MemberProfile }[];
    /** The income records, one per period. */
    readonly incomes: readonly IncomeRecordData[];
    /** The rigid-expenditure records, one per period; absent from events stored before the sheet had these columns. */
    readonly rigidExpenditures?: readonly Omit<RigidExpenditureRecorded['data'], 'householdId'>[];
    readonly threePlusOne: ThreePlusOneStatus | null;
    /** The monitoring record a 监测户 row declared, kept as declared; null for other rows. */
    readonly legacyMonitoring: LegacyMonitoringRecord | null;
    /** PERSONAL DATA: sealed as a whole under the household's key; reads as erased after an erasure. */
    readonly personal:
      { readonly members: readonly ({ readonly memberId: string } & MemberPersonal)[] } | ErasedPersonalData;
  }
>;

/** A member joined the household. */
export type MemberAdded = DomainEvent<
  'MemberAdded',
  {
    readonly householdId: string;
    readonly memberId: string;
    /** PERSONAL DATA: sealed under the household's key; reads as erased after an erasure. */
    readonly personal: MemberPersonal | ErasedPersonalData;
    readonly profile: MemberProfile;
  }
>;

/** What is recorded about a member changed; the payload is the member's full new record. */
export type MemberUpdated = DomainEvent<
  'MemberUpdated',
  {
    readonly householdId: string;
    readonly memberId: string;
    /** PERSONAL DATA: sealed under the household's key; reads as erased after an erasure. */
    readonly personal: MemberPersonal | ErasedPersonalData;
    readonly profile: MemberProfile;
  }
>;

/** A member left the household. */
export type MemberRemoved = DomainEvent<
  'MemberRemoved',
  { readonly householdId: string; readonly memberId: string; readonly reason: MemberRemovalReason }
>;

/**
 * Income for a period was recorded; a later record for the same period replaces it. The
 * per-capita figure is stored as computed (kernel `perCapitaNetIncomeFen`, half up to the fen)
 * with the divisor rule and member count it used, so every reader compares the same number with
 * the line.
 */
export type IncomeRecorded = DomainEvent<
  'IncomeRecorded',
  {
    readonly householdId: string;
    readonly period: ReportingPeriod;
    readonly components: IncomeComponents;
    /** wages + gross business + property + transfer − production costs. */
    readonly netIncomeFen: Fen;
    /** Who the figure divides by: the province's rule in force when it was computed. */
    readonly divisorRule: PerCapitaDivisorRule;
    /** How many members that rule counted. */
    readonly divisorMembers: number;
    readonly perCapitaNetIncomeFen: Fen;
  }
>;

/** The figures a per-capita recomputation replaced or set. */
export interface PerCapitaFigure {
  readonly divisorRule: PerCapitaDivisorRule;
  readonly divisorMembers: number;
  /** Null when nobody is left to divide by (the last member left, or the last resident moved away). */
  readonly perCapitaNetIncomeFen: Fen | null;
}

/** An income record as it stands: as recorded, or with a recomputed per-capita figure. */
export type IncomeRecordData = Omit<IncomeRecorded['data'], 'householdId' | keyof PerCapitaFigure> & PerCapitaFigure;

/**
 * A membership change moved the per-capita divisor, so a recorded period's per-capita net income
 * was recomputed from `effectiveOn` (DOMAIN.md: a member who leaves leaves the divisor from that
 * day). Emitted beside the member event, one per income record; the components stay as recorded.
 */
export type PerCapitaIncomeRecomputed = DomainEvent<
  'PerCapitaIncomeRecomputed',
  PerCapitaFigure & {
    readonly householdId: string;
    readonly period: ReportingPeriod;
    /** The figures in force until `effectiveOn`. */
    readonly previous: PerCapitaFigure;
    /** The member whose change moved the divisor, and how. */
    readonly cause: {
      readonly memberId: string;
      readonly change: 'member-added' | 'member-updated' | 'member-removed';
    };
    /** The day the new figure holds from: the day of the membership change. */
    readonly effectiveOn: IsoDate;
  }
>;

/** Rigid expenditure for a period was recorded; a later record for the same period replaces it. */
export type RigidExpenditureRecorded = DomainEvent<
  'RigidExpenditureRecorded',
  {
    readonly householdId: string;
    readonly period: ReportingPeriod;
    readonly medicalAfterReimbursementFen: Fen;
    readonly educationFen: Fen;
    readonly disasterLossFen: Fen;
    readonly totalFen: Fen;
  }
>;

/** The household reported a risk event. */
export type RiskEventReported = DomainEvent<
  'RiskEventReported',
  {
    readonly householdId: string;
    readonly riskEventId: string;
    /** A risk type code (national, or `<province>.…`). */
    readonly kind: RiskTypeCode;
    readonly occurredOn: IsoDate;
    readonly lossFen: Fen;
  }
>;

/** The "3+1" status was assessed and differs from the last assessment. */
export type ThreePlusOneStatusRecorded = DomainEvent<
  'ThreePlusOneStatusRecorded',
  { readonly householdId: string; readonly threePlusOne: ThreePlusOneStatus }
>;

/**
 * A monitoring record declared by an older system or sheet was kept, as declared, for the
 * assistance context (published as HouseholdLegacyMonitoringRecordNoted). It is not a status and
 * changes nothing the registry decides on.
 */
export type LegacyMonitoringRecordNoted = DomainEvent<
  'LegacyMonitoringRecordNoted',
  { readonly householdId: string; readonly record: LegacyMonitoringRecord }
>;

/** The household's base status changed. */
export type HouseholdStatusChanged = DomainEvent<
  'HouseholdStatusChanged',
  { readonly householdId: string; readonly status: HouseholdStatus }
>;

/** The household's flags changed. */
export type HouseholdFlagsChanged = DomainEvent<
  'HouseholdFlagsChanged',
  { readonly householdId: string; readonly flags: HouseholdFlags }
>;

/**
 * A data-quality warning was raised (DOMAIN.md "Data quality rules"): after a command's own
 * events, the decider compares the warnings the household's facts now imply with the open ones
 * (`household.warnings.ts`). Never a refusal: something for an official to check.
 */
export type HouseholdWarningRaised = DomainEvent<
  'HouseholdWarningRaised',
  { readonly householdId: string } & HouseholdWarning
>;

/** An open data-quality warning no longer holds (the facts were corrected or flags set). */
export type HouseholdWarningCleared = DomainEvent<
  'HouseholdWarningCleared',
  { readonly householdId: string } & HouseholdWarning
>;

/**
 * The household's personal data was erased (PIPL; crypto-shredding): its data key is destroyed,
 * so the `personal` part of every event of the household reads as erased from then on, in every
 * read model and replay, while the events, their hashes and every other fact stay. Who, when and
 * why; no personal data. After it the household refuses every command (`household.personal-data-erased`).
 */
export type HouseholdPersonalDataErased = DomainEvent<
  'HouseholdPersonalDataErased',
  {
    readonly householdId: string;
    readonly reason: string;
    readonly erasedBy: { readonly userId: string; readonly role: string };
    /** ISO 8601, the handler's clock: also the key store's tombstone time. */
    readonly erasedAt: string;
  }
>;

/** Every event of the Household aggregate. */
export type HouseholdEvent =
  | HouseholdRegistered
  | HouseholdImported
  | MemberAdded
  | MemberUpdated
  | MemberRemoved
  | IncomeRecorded
  | PerCapitaIncomeRecomputed
  | RigidExpenditureRecorded
  | RiskEventReported
  | ThreePlusOneStatusRecorded
  | HouseholdStatusChanged
  | HouseholdFlagsChanged
  | LegacyMonitoringRecordNoted
  | HouseholdWarningRaised
  | HouseholdWarningCleared
  | HouseholdPersonalDataErased;

// A record over the union, so adding an event type without listing it here is a compile error.
const EVENT_TYPES: Readonly<Record<HouseholdEvent['type'], true>> = {
  HouseholdRegistered: true,
  HouseholdImported: true,
  MemberAdded: true,
  MemberUpdated: true,
  MemberRemoved: true,
  IncomeRecorded: true,
  PerCapitaIncomeRecomputed: true,
  RigidExpenditureRecorded: true,
  RiskEventReported: true,
  ThreePlusOneStatusRecorded: true,
  HouseholdStatusChanged: true,
  HouseholdFlagsChanged: true,
  LegacyMonitoringRecordNoted: true,
  HouseholdWarningRaised: true,
  HouseholdWarningCleared: true,
  HouseholdPersonalDataErased: true,
};

/** Every event type name of the aggregate, for projections' `handles` lists. */
export const HOUSEHOLD_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly HouseholdEvent['type'][];
