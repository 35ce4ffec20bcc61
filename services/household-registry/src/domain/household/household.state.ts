import { assertNever } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type {
  HouseholdEvent,
  HouseholdImported,
  HouseholdRegistered,
  IncomeRecordData,
  RigidExpenditureRecorded,
  RiskEventReported,
} from './household.events';
import type { HouseholdFlags, HouseholdStatus, ReportingPeriod, ThreePlusOneStatus } from './household.values';
import type { LegacyMonitoringRecord } from './legacy-monitoring.values';
import {
  ERASED_MEMBER_PERSONAL,
  isErasedPersonalData,
  type ErasedPersonalData,
  type MemberPersonal,
  type MemberPersonalState,
  type MemberProfile,
} from './member.values';
import type { HouseholdWarning } from './household-warning.catalogue';

/** A current member of the household. */
export interface HouseholdMember {
  readonly memberId: string;
  /** Erased for every member once the household's personal data was erased. */
  readonly personal: MemberPersonalState;
  readonly profile: MemberProfile;
}

/** The income record in force for a period, with the per-capita figure in force now. */
export type IncomeRecord = IncomeRecordData;

/** The rigid expenditure record in force for a period. */
export type RigidExpenditureRecord = Omit<RigidExpenditureRecorded['data'], 'householdId'>;

/** A reported risk event. */
export type RiskEventRecord = Omit<RiskEventReported['data'], 'householdId'>;

/** A registered household as its decider needs it. */
export interface RegisteredHousehold {
  readonly kind: 'registered';
  readonly householdId: string;
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly status: HouseholdStatus;
  readonly flags: HouseholdFlags;
  /** Current members, in the order they were added. */
  readonly members: readonly HouseholdMember[];
  /** Ids of removed members: removing one again is a no-op, adding one again is refused. */
  readonly removedMemberIds: readonly string[];
  /** The latest record per period. */
  readonly incomes: readonly IncomeRecord[];
  /** The latest record per period. */
  readonly rigidExpenditures: readonly RigidExpenditureRecord[];
  readonly riskEvents: readonly RiskEventRecord[];
  /** The last "3+1" assessment; null before the first. */
  readonly threePlusOne: ThreePlusOneStatus | null;
  /** Monitoring records older systems declared, kept for the assistance context; never a status. */
  readonly legacyMonitoring: readonly LegacyMonitoringRecord[];
  /** Open data-quality warnings, in the order they were raised. */
  readonly warnings: readonly HouseholdWarning[];
  /** When the household's personal data was erased; absent until then. */
  readonly personalDataErasedAt?: string;
}

/** State of the Household aggregate: nothing before registration. */
export type HouseholdState = { readonly kind: 'unregistered' } | RegisteredHousehold;

/** The state of an empty stream. */
export const initialState: HouseholdState = { kind: 'unregistered' };

/** Flags of a newly registered household: neither applies until set. */
const NO_FLAGS: HouseholdFlags = { relocatedToResettlementSite: false, urbanHukou: false };

function replaceForPeriod<T extends { readonly period: ReportingPeriod }>(
  records: readonly T[],
  record: T,
): readonly T[] {
  return [...records.filter((r) => !isDeepStrictEqual(r.period, record.period)), record];
}

function upsertMember(members: readonly HouseholdMember[], member: HouseholdMember): readonly HouseholdMember[] {
  return members.some((m) => m.memberId === member.memberId)
    ? members.map((m) => (m.memberId === member.memberId ? member : m))
    : [...members, member];
}

function evolveRegistered(state: RegisteredHousehold, event: HouseholdEvent): HouseholdState {
  switch (event.type) {
    case 'HouseholdRegistered':
    case 'HouseholdImported':
      // A stream holds one registration; decide never emits a second one.
      return state;
    case 'MemberAdded':
    case 'MemberUpdated': {
      const { memberId, personal, profile } = event.data;
      return {
        ...state,
        members: upsertMember(state.members, { memberId, personal: memberPersonal(personal), profile }),
      };
    }
    case 'MemberRemoved':
      return {
        ...state,
        members: state.members.filter((m) => m.memberId !== event.data.memberId),
        removedMemberIds: [...state.removedMemberIds, event.data.memberId],
      };
    case 'IncomeRecorded': {
      const { householdId: _householdId, ...record } = event.data;
      return { ...state, incomes: replaceForPeriod(state.incomes, record) };
    }
    case 'PerCapitaIncomeRecomputed': {
      const { period, divisorRule, divisorMembers, perCapitaNetIncomeFen } = event.data;
      return {
        ...state,
        incomes: state.incomes.map((r) =>
          isDeepStrictEqual(r.period, period) ? { ...r, divisorRule, divisorMembers, perCapitaNetIncomeFen } : r,
        ),
      };
    }
    case 'RigidExpenditureRecorded': {
      const { householdId: _householdId, ...record } = event.data;
      return { ...state, rigidExpenditures: replaceForPeriod(state.rigidExpenditures, record) };
    }
    case 'RiskEventReported': {
      const { householdId: _householdId, ...record } = event.data;
      return { ...state, riskEvents: [...state.riskEvents, record] };
    }
    case 'ThreePlusOneStatusRecorded':
      return { ...state, threePlusOne: event.data.threePlusOne };
    case 'HouseholdStatusChanged':
      return { ...state, status: event.data.status };
    case 'HouseholdFlagsChanged':
      return { ...state, flags: event.data.flags };
    case 'LegacyMonitoringRecordNoted':
      return { ...state, legacyMonitoring: [...state.legacyMonitoring, event.data.record] };
    case 'HouseholdWarningRaised': {
      const { rule, field, evidence } = event.data;
      return { ...state, warnings: [...state.warnings, { rule, field, evidence }] };
    }
    case 'HouseholdPersonalDataErased':
      return {
        ...state,
        members: state.members.map((m) => ({ ...m, personal: ERASED_MEMBER_PERSONAL })),
        personalDataErasedAt: event.data.erasedAt,
      };
    case 'HouseholdWarningCleared': {
      const { rule, field, evidence } = event.data;
      const cleared = { rule, field, evidence };
      return { ...state, warnings: state.warnings.filter((w) => !isDeepStrictEqual(w, cleared)) };
    }
    default:
      return assertNever(event, 'household event');
  }
}

/** A household just registered: nothing recorded about it yet. */
function newlyRegistered({
  householdId,
  villageCode,
  householdNumber,
  status,
}: HouseholdRegistered['data']): RegisteredHousehold {
  return {
    kind: 'registered',
    householdId,
    villageCode,
    householdNumber,
    status,
    flags: NO_FLAGS,
    members: [],
    removedMemberIds: [],
    incomes: [],
    rigidExpenditures: [],
    riskEvents: [],
    threePlusOne: null,
    legacyMonitoring: [],
    warnings: [],
  };
}

/** The household a `HouseholdImported` registers: its members get their personal data back by member id. */
function imported(event: HouseholdImported): RegisteredHousehold {
  const { flags, members, incomes, rigidExpenditures, threePlusOne, legacyMonitoring, personal } = event.data;
  const personalOf = new Map<string, MemberPersonalState>(
    isErasedPersonalData(personal)
      ? members.map(({ memberId }) => [memberId, ERASED_MEMBER_PERSONAL])
      : personal.members.map(({ memberId, name, residentId }) => [memberId, { name, residentId }]),
  );
  return {
    ...newlyRegistered(event.data),
    flags,
    // `decide` writes personal data for every member; an empty record would only mean an event edited by hand.
    members: members.map(({ memberId, profile }) => ({
      memberId,
      personal: personalOf.get(memberId) ?? { name: '', residentId: '' },
      profile,
    })),
    incomes,
    rigidExpenditures: rigidExpenditures ?? [],
    threePlusOne,
    // Absent in events stored before records were kept (issue 9): none then.
    legacyMonitoring: legacyMonitoring === null || legacyMonitoring === undefined ? [] : [legacyMonitoring],
  };
}

/** A member's personal data as an event carries it: the value, or erased (read after the key was destroyed). */
function memberPersonal(personal: MemberPersonal | ErasedPersonalData): MemberPersonalState {
  return isErasedPersonalData(personal)
    ? ERASED_MEMBER_PERSONAL
    : { name: personal.name, residentId: personal.residentId };
}

/** Folds one event into the state. Pure; events other than a registration leave an unregistered state as it is. */
export function evolve(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  if (state.kind === 'registered') return evolveRegistered(state, event);
  if (event.type === 'HouseholdImported') return imported(event);
  return event.type === 'HouseholdRegistered' ? newlyRegistered(event.data) : state;
}
