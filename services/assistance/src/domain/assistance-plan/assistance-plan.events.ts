import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';
import type { MeasureCategory, MeasureTiming, PlanFlag } from './assistance-plan.values';

// Internal events of one monitoring case's assistance plan (stream `assistance-plan-<caseId>`).
// They stay in the service: what leaves it is the contracts' integration events.

/** The first event of every stream: whose plan it is. */
export interface AssistancePlanOpened {
  readonly type: 'AssistancePlanOpened';
  readonly data: { readonly caseId: string; readonly householdId: string };
}

export interface AssistanceMeasurePlanned {
  readonly type: 'AssistanceMeasurePlanned';
  readonly data: {
    readonly measureId: string;
    readonly category: MeasureCategory;
    readonly kind: string;
    readonly responsibleDepartment: string;
    readonly plannedStart: IsoDate;
    readonly plannedEnd: IsoDate | null;
    readonly amountFen: Fen;
    readonly continuesAfterEliminationUntil: IsoDate | null;
  };
}

export interface AssistanceMeasureStarted {
  readonly type: 'AssistanceMeasureStarted';
  readonly data: {
    readonly measureId: string;
    readonly actualStart: IsoDate;
    /** Decided here, once, from the case as it stood: a later approval does not rewrite it. */
    readonly timing: MeasureTiming;
  };
}

export interface AssistanceMeasureEnded {
  readonly type: 'AssistanceMeasureEnded';
  readonly data: { readonly measureId: string; readonly actualEnd: IsoDate; readonly outcome: string };
}

export interface AssistanceMeasureCancelled {
  readonly type: 'AssistanceMeasureCancelled';
  readonly data: { readonly measureId: string; readonly reason: string; readonly cancelledOn: IsoDate };
}

/** The measure continues after elimination until `until` (it replaces `previousUntil`). */
export interface AssistanceMeasureExtendedAfterElimination {
  readonly type: 'AssistanceMeasureExtendedAfterElimination';
  readonly data: { readonly measureId: string; readonly until: IsoDate; readonly previousUntil: IsoDate | null };
}

/**
 * The plan's flags changed: recorded beside the measure event that changed them (or at a
 * recheck), with the labour capacity they were judged on, so the history shows from when to
 * when a labour-capable household lacked a development measure.
 */
export interface AssistancePlanFlagsChanged {
  readonly type: 'AssistancePlanFlagsChanged';
  readonly data: {
    readonly flags: readonly PlanFlag[];
    readonly hasLabourCapacity: boolean;
    readonly changedOn: IsoDate;
  };
}

/** One measure of an imported plan: the data its planned, started and ended events would carry. */
export interface ImportedMeasure {
  readonly planned: AssistanceMeasurePlanned['data'];
  readonly started: Omit<AssistanceMeasureStarted['data'], 'measureId'> | null;
  readonly ended: Omit<AssistanceMeasureEnded['data'], 'measureId'> | null;
}

/**
 * A case's plan as the national system recorded it, in one event (the first of its stream): the
 * plan that `AssistancePlanOpened` and each measure's planned, started and ended events would
 * leave, decided by the same rules. One event, not three a measure: a province's caseload is
 * hundreds of thousands of cases, and the event store's write rate is what bounds the import.
 */
export interface AssistancePlanImported {
  readonly type: 'AssistancePlanImported';
  readonly data: {
    readonly caseId: string;
    readonly householdId: string;
    readonly measures: readonly ImportedMeasure[];
  };
}

export type AssistancePlanEvent =
  | AssistancePlanOpened
  | AssistancePlanImported
  | AssistanceMeasurePlanned
  | AssistanceMeasureStarted
  | AssistanceMeasureEnded
  | AssistanceMeasureCancelled
  | AssistanceMeasureExtendedAfterElimination
  | AssistancePlanFlagsChanged;

/** Every event type, as a record over the union so that a forgotten type fails to compile. */
const TYPES: { readonly [T in AssistancePlanEvent['type']]: T } = {
  AssistancePlanOpened: 'AssistancePlanOpened',
  AssistancePlanImported: 'AssistancePlanImported',
  AssistanceMeasurePlanned: 'AssistanceMeasurePlanned',
  AssistanceMeasureStarted: 'AssistanceMeasureStarted',
  AssistanceMeasureEnded: 'AssistanceMeasureEnded',
  AssistanceMeasureCancelled: 'AssistanceMeasureCancelled',
  AssistanceMeasureExtendedAfterElimination: 'AssistanceMeasureExtendedAfterElimination',
  AssistancePlanFlagsChanged: 'AssistancePlanFlagsChanged',
};

/** Every event type of the assistance plan. */
export const ASSISTANCE_PLAN_EVENT_TYPES: readonly AssistancePlanEvent['type'][] = Object.values(TYPES);
