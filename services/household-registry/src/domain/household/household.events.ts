import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { Fen, IncomeComponents, IsoDate } from '@relapse-watch/domain-kernel';
import type {
  HouseholdFlags,
  HouseholdStatus,
  ReportingPeriod,
  RiskEventKind,
  ThreePlusOneStatus,
} from './household.values';
import type { MemberPersonal, MemberProfile, MemberRemovalReason } from './member.values';

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
    readonly incomes: readonly Omit<IncomeRecorded['data'], 'householdId'>[];
    /** The rigid-expenditure records, one per period; absent from events stored before the sheet had these columns. */
    readonly rigidExpenditures?: readonly Omit<RigidExpenditureRecorded['data'], 'householdId'>[];
    readonly threePlusOne: ThreePlusOneStatus | null;
    /** PERSONAL DATA: encrypted as a whole by the privacy issue. */
    readonly personal: { readonly members: readonly ({ readonly memberId: string } & MemberPersonal)[] };
  }
>;

/** A member joined the household. */
export type MemberAdded = DomainEvent<
  'MemberAdded',
  {
    readonly householdId: string;
    readonly memberId: string;
    /** PERSONAL DATA: encrypted as a whole by the privacy issue. */
    readonly personal: MemberPersonal;
    readonly profile: MemberProfile;
  }
>;

/** What is recorded about a member changed; the payload is the member's full new record. */
export type MemberUpdated = DomainEvent<
  'MemberUpdated',
  {
    readonly householdId: string;
    readonly memberId: string;
    /** PERSONAL DATA: encrypted as a whole by the privacy issue. */
    readonly personal: MemberPersonal;
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
 * with the member count it used, so every reader compares the same number with the line.
 */
export type IncomeRecorded = DomainEvent<
  'IncomeRecorded',
  {
    readonly householdId: string;
    readonly period: ReportingPeriod;
    readonly components: IncomeComponents;
    readonly netIncomeFen: Fen;
    readonly residentMembers: number;
    readonly perCapitaNetIncomeFen: Fen;
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
    readonly kind: RiskEventKind;
    readonly occurredOn: IsoDate;
    readonly lossFen: Fen;
  }
>;

/** The "3+1" status was assessed and differs from the last assessment. */
export type ThreePlusOneStatusRecorded = DomainEvent<
  'ThreePlusOneStatusRecorded',
  { readonly householdId: string; readonly threePlusOne: ThreePlusOneStatus }
>;

/** The household's status changed. */
export type HouseholdStatusChanged = DomainEvent<
  'HouseholdStatusChanged',
  { readonly householdId: string; readonly status: HouseholdStatus }
>;

/** The household's flags changed. */
export type HouseholdFlagsChanged = DomainEvent<
  'HouseholdFlagsChanged',
  { readonly householdId: string; readonly flags: HouseholdFlags }
>;

/** Every event of the Household aggregate. */
export type HouseholdEvent =
  | HouseholdRegistered
  | HouseholdImported
  | MemberAdded
  | MemberUpdated
  | MemberRemoved
  | IncomeRecorded
  | RigidExpenditureRecorded
  | RiskEventReported
  | ThreePlusOneStatusRecorded
  | HouseholdStatusChanged
  | HouseholdFlagsChanged;

// A record over the union, so adding an event type without listing it here is a compile error.
const EVENT_TYPES: Readonly<Record<HouseholdEvent['type'], true>> = {
  HouseholdRegistered: true,
  HouseholdImported: true,
  MemberAdded: true,
  MemberUpdated: true,
  MemberRemoved: true,
  IncomeRecorded: true,
  RigidExpenditureRecorded: true,
  RiskEventReported: true,
  ThreePlusOneStatusRecorded: true,
  HouseholdStatusChanged: true,
  HouseholdFlagsChanged: true,
};

/** Every event type name of the aggregate, for projections' `handles` lists. */
export const HOUSEHOLD_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly HouseholdEvent['type'][];
