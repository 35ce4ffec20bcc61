import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type { RiskTypeCode } from '../risk-types/risk-types';
import type { HouseholdFlags, HouseholdStatus, ReportingPeriod, ThreePlusOneStatus } from './household.values';
import type { LegacyMonitoringRecord } from './legacy-monitoring.values';
import type { MemberPersonal, MemberProfile, MemberRemovalReason, RelationToHead } from './member.values';

/**
 * Facts the command handler looks up or reads before deciding, because the decider is pure
 * (STYLE.md shape 3): it never reads the clock and cannot see other streams.
 */
export interface TodayFact {
  /** Today in the officials' time zone (the clock's date, UTC+8 by default): no date recorded may lie after it. */
  readonly today: IsoDate;
  /**
   * Whether the household's village is an urban residents' committee (居委会) in the division
   * tree, for the data-quality warning `household.rural-in-urban-committee`. When absent, that
   * warning stays as it was (see `WarningFacts`).
   */
  readonly villageIsUrbanCommittee?: boolean;
}

/**
 * The per-capita divisor rule of the household's province in force today, which the handler
 * reads from the province's policy stream (`divisorRuleInForceOn`; household members when unset).
 * Every command that records income or changes membership carries it, because per-capita net
 * income is recomputed whenever the members it divides by change.
 */
export interface DivisorFact {
  readonly perCapitaDivisorRule: PerCapitaDivisorRule;
}

/** An amount of yuan as typed on a form (`"12345.60"`) or sent as a JSON number; at most two decimals. */
export type YuanInput = string | number;

/**
 * Register a household in a village. Idempotent: the same registration again produces nothing.
 * Uniqueness of the external household number within the village spans streams, so the handler
 * looks it up in the registry's village index and passes `householdNumberInUse`; two concurrent
 * registrations of one number can both see `false`, so the handler also reserves
 * (village, number) the way resident IDs are reserved (issue 4, deliverable 3).
 */
export interface RegisterHousehold {
  readonly type: 'RegisterHousehold';
  readonly data: {
    /** Id the caller made for the household (the stream is `registry-household-<householdId>`). */
    readonly householdId: string;
    /** 12-digit code of a village-tier division. */
    readonly villageCode: string;
    /** The household number in the national system / the village's register (户编号). */
    readonly householdNumber: string;
    readonly status: HouseholdStatus;
  };
  readonly facts: TodayFact & {
    /** True when another household of this village already holds the number. */
    readonly householdNumberInUse: boolean;
  };
}

/** Facts for a member's resident ID and the per-capita figures a membership change recomputes. */
export interface MemberFacts extends TodayFact, DivisorFact {
  /**
   * True when the ID's first six digits are a known division of registration: the handler looks
   * them up in the registration prefixes since 1980 (numbers keep the code they were issued
   * under). False is not a refusal: the member is recorded and the household gets the warning
   * `resident-id.division-unknown`. Whether the person already belongs to another household is
   * not a fact here: the handler enforces it with the reservation stream keyed by `residentIdHash`.
   */
  readonly registrationDivisionKnown: boolean;
}

/** Add a member. The first member is the head; there is never a second head. */
export interface AddMember {
  readonly type: 'AddMember';
  readonly data: {
    /** Id the caller made for the member; never reused after the member is removed. */
    readonly memberId: string;
    readonly personal: MemberPersonal;
    readonly profile: MemberProfile;
  };
  readonly facts: MemberFacts;
}

/**
 * Replace what is recorded about a member (all fields; unchanged ones are sent as they are).
 * Making a member the head demotes the current head to `formerHeadRelation`.
 */
export interface UpdateMember {
  readonly type: 'UpdateMember';
  readonly data: {
    readonly memberId: string;
    readonly personal: MemberPersonal;
    readonly profile: MemberProfile;
    /** The current head's new relation when this member becomes head; ignored otherwise. */
    readonly formerHeadRelation?: Exclude<RelationToHead, 'head'>;
  };
  readonly facts: MemberFacts;
}

/** Remove a member. The head goes last: make another member head first. The member leaves the per-capita divisor today. */
export interface RemoveMember {
  readonly type: 'RemoveMember';
  readonly data: { readonly memberId: string; readonly reason: MemberRemovalReason };
  readonly facts: TodayFact & DivisorFact;
}

/**
 * Income for a period by component, in yuan (DOMAIN.md): wages, **gross** business income,
 * property and transfer income, and the production and operating costs subtracted once.
 * Per-capita net income divides by the members the divisor rule counts.
 */
export interface RecordIncome {
  readonly type: 'RecordIncome';
  readonly data: {
    readonly period: ReportingPeriod;
    readonly components: {
      /** 工资性收入. */
      readonly wagesYuan: YuanInput;
      /** 生产经营性收入, gross: before production and operating costs. */
      readonly grossBusinessYuan: YuanInput;
      /** 财产性收入. */
      readonly propertyYuan: YuanInput;
      /** 转移性收入. */
      readonly transferYuan: YuanInput;
      /** 生产经营费用支出, subtracted once. */
      readonly productionCostsYuan: YuanInput;
    };
  };
  readonly facts: TodayFact & DivisorFact;
}

/** Rigid expenditure for a period, in yuan (DOMAIN.md). */
export interface RecordRigidExpenditure {
  readonly type: 'RecordRigidExpenditure';
  readonly data: {
    readonly period: ReportingPeriod;
    /** Self-paid medical cost after reimbursement. */
    readonly medicalAfterReimbursementYuan: YuanInput;
    readonly educationYuan: YuanInput;
    readonly disasterLossYuan: YuanInput;
  };
  readonly facts: TodayFact;
}

/** Report a risk event the household met. */
export interface ReportRiskEvent {
  readonly type: 'ReportRiskEvent';
  readonly data: {
    /** Id the caller made for the report; re-sending the same report is a no-op. */
    readonly riskEventId: string;
    /** A risk type code known for the household's province (national list or the province's own). */
    readonly kind: RiskTypeCode;
    readonly occurredOn: IsoDate;
    readonly lossYuan: YuanInput;
  };
  readonly facts: TodayFact & {
    /** Whether `kind` is on the national list or the province's own for this year, as the handler looked it up. */
    readonly riskTypeKnown: boolean;
  };
}

/** Record the "3+1" status as assessed. */
export interface Record3Plus1Status {
  readonly type: 'Record3Plus1Status';
  readonly data: ThreePlusOneStatus;
  /** For the warnings that need them (ages for the compulsory-education rule). */
  readonly facts?: TodayFact;
}

/** Set the base status; anything but ordinary or poverty-alleviated (2014–2020) is refused. */
export interface SetStatus {
  readonly type: 'SetStatus';
  readonly data: { readonly status: HouseholdStatus };
  readonly facts: TodayFact;
}

/** Set both flags. */
export interface SetFlags {
  readonly type: 'SetFlags';
  readonly data: HouseholdFlags;
  /** For the warnings that need them (the village's kind for the urban-committee rule). */
  readonly facts?: TodayFact;
}

/**
 * Keep a monitoring record an older system or sheet declared (a 监测户 row), as declared, for the
 * assistance context. It changes neither the base status nor anything the registry decides on.
 * The same record again produces nothing; a different one is kept beside it (a correction, or
 * an earlier episode).
 */
export interface NoteLegacyMonitoringRecord {
  readonly type: 'NoteLegacyMonitoringRecord';
  readonly data: LegacyMonitoringRecord;
  readonly facts: TodayFact & {
    /** Codes of `riskTypes` that neither the national list nor the province knows, as the handler looked them up. */
    readonly unknownRiskTypes: readonly string[];
  };
}

/**
 * Register a household with everything a registry sheet records about it, as one change: the
 * registration, its members (the head first), the year's income and rigid expenditure, the "3+1"
 * status, the flags and a declared monitoring record.
 * Decided exactly as the separate commands would be, one after the other, and refused whole when
 * any of them is refused (fields are then prefixed: `members[1].personal.residentId`). Only for a
 * household not yet registered: changes to a registered household go through the separate
 * commands. The bulk import's fast path uses it, one event per household instead of one per
 * command. The handler reserves the number and every member's resident ID, as for the separate
 * commands.
 */
export interface ImportHousehold {
  readonly type: 'ImportHousehold';
  readonly data: {
    readonly registration: RegisterHousehold['data'];
    /** The head first, then the others in sheet order. */
    readonly members: readonly AddMember['data'][];
    readonly income?: RecordIncome['data'];
    /** The rigid expenditure of a period (the sheet's year), decided as `RecordRigidExpenditure` after the income. */
    readonly rigidExpenditure?: RecordRigidExpenditure['data'];
    readonly threePlusOne?: ThreePlusOneStatus;
    readonly flags?: HouseholdFlags;
    /** The monitoring columns of a 监测户 row, kept as declared. */
    readonly legacyMonitoring?: LegacyMonitoringRecord;
  };
  readonly facts: TodayFact &
    DivisorFact & {
      readonly householdNumberInUse: boolean;
      /** Per member, in `members` order: whether the ID's registration division is known (see {@link MemberFacts}). */
      readonly registrationDivisionKnown: readonly boolean[];
    };
}

/**
 * Erase the household's personal data (PIPL): the handler destroys the household's data key
 * after the event is stored. Who and when arrive as facts (the decider reads no clock).
 */
export interface ErasePersonalData {
  readonly type: 'ErasePersonalData';
  readonly data: { readonly reason: string };
  readonly facts: {
    /** ISO 8601 instant of the erasure. */
    readonly now: string;
    readonly erasedBy: { readonly userId: string; readonly role: string };
  };
}

/** Every command of the Household aggregate. */
export type HouseholdCommand =
  | RegisterHousehold
  | ImportHousehold
  | AddMember
  | UpdateMember
  | RemoveMember
  | RecordIncome
  | RecordRigidExpenditure
  | ReportRiskEvent
  | Record3Plus1Status
  | SetStatus
  | SetFlags
  | NoteLegacyMonitoringRecord
  | ErasePersonalData;
