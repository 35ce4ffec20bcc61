import type { Fen, IsoDate } from '@relapse-watch/domain-kernel';
import type { MeasureCategory } from './assistance-plan.values';

/**
 * What every command of an assistance plan carries as looked-up facts: the monitoring case the
 * plan belongs to (one plan per case), what the case and the registry say today, and today.
 */
export interface PlanFacts {
  readonly caseId: string;
  readonly householdId: string;
  /**
   * The day the county approved the case (认定), or null while it is not identified. A date
   * rather than a yes/no: a start recorded after approval may still have happened before it.
   */
  readonly caseIdentifiedOn: IsoDate | null;
  /** The case's risk types (codes, national or a province's own). */
  readonly riskTypes: readonly string[];
  /** Whether any member of the household has labour capacity, by the registry's members. */
  readonly hasLabourCapacity: boolean;
  readonly today: IsoDate;
}

/** A measure as planned: who does what, when, for how much. */
export interface MeasurePlanData {
  /** Given by the handler (a UUIDv7), so a retried command plans the same measure. */
  readonly measureId: string;
  readonly category: MeasureCategory;
  /** What the measure is within its category, e.g. 低保 / dibao, 公益性岗位 / public-welfare post, 小额信贷 / small loan. */
  readonly kind: string;
  /** The department responsible (责任单位), e.g. 县民政局 / county civil affairs bureau. */
  readonly responsibleDepartment: string;
  readonly plannedStart: IsoDate;
  /** Null for a measure without a planned end (dibao lasts until its periodic review ends it). */
  readonly plannedEnd: IsoDate | null;
  /** Zero for a measure that pays nothing (a training place, a job referral). */
  readonly amountFen: Fen;
  /** The measure keeps going after the risk is eliminated, until this day (过渡期 / transition). */
  readonly continuesAfterEliminationUntil?: IsoDate | null;
}

export interface PlanMeasure {
  readonly type: 'PlanMeasure';
  readonly data: MeasurePlanData;
  readonly facts: PlanFacts;
}

export interface StartMeasure {
  readonly type: 'StartMeasure';
  readonly data: { readonly measureId: string; readonly actualStart: IsoDate };
  readonly facts: PlanFacts;
}

export interface EndMeasure {
  readonly type: 'EndMeasure';
  readonly data: { readonly measureId: string; readonly actualEnd: IsoDate; readonly outcome: string };
  readonly facts: PlanFacts;
}

export interface CancelMeasure {
  readonly type: 'CancelMeasure';
  readonly data: { readonly measureId: string; readonly reason: string };
  readonly facts: PlanFacts;
}

export interface ExtendAfterElimination {
  readonly type: 'ExtendAfterElimination';
  readonly data: { readonly measureId: string; readonly until: IsoDate };
  readonly facts: PlanFacts;
}

/**
 * Re-reads the plan's flags against today's facts: sent when the household's labour capacity
 * changes in the registry, which no measure command would otherwise notice.
 */
export interface RecheckPlanFlags {
  readonly type: 'RecheckPlanFlags';
  readonly data: Readonly<Record<string, never>>;
  readonly facts: PlanFacts;
}

/**
 * What an import knows of the case: everything but the household's labour capacity, which the
 * caseload sheet does not carry (the plan's flags wait for `RecheckPlanFlags`).
 */
export type ImportPlanFacts = Omit<PlanFacts, 'hasLabourCapacity'>;

/**
 * Bring in a case's measures from the national system, all at once, into a plan that does not
 * exist yet: each measure as recorded there (its planned start and end are the days it started
 * and ended, or will), started once its start has come and ended once its end has passed, as the
 * separate commands would record it. What has come or passed is the decider's to judge on today.
 */
export interface ImportMeasures {
  readonly type: 'ImportMeasures';
  readonly data: {
    readonly measures: readonly MeasurePlanData[];
    /** The outcome recorded for a measure whose end has passed (the national record says no more). */
    readonly endedOutcome: string;
  };
  readonly facts: ImportPlanFacts;
}

export type AssistancePlanCommand =
  PlanMeasure | StartMeasure | EndMeasure | CancelMeasure | ExtendAfterElimination | RecheckPlanFlags | ImportMeasures;
