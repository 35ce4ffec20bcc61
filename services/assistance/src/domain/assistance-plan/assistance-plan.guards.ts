import { freeTextFault, isIsoDate, type IsoDate } from '@relapse-watch/domain-kernel';
import type { PlanFacts } from './assistance-plan.commands';
import { planError, type PlanRuleCode } from './assistance-plan.errors';
import type { AssistancePlanOpened } from './assistance-plan.events';
import type { AssistancePlanState, MeasureRecord, OpenedPlan } from './assistance-plan.state';

/** The opening event when the stream is empty: the first measure planned puts it first. */
export function opening(facts: PlanFacts, state: AssistancePlanState): readonly AssistancePlanOpened[] {
  if (state.kind === 'opened') return [];
  return [{ type: 'AssistancePlanOpened', data: { caseId: facts.caseId, householdId: facts.householdId } }];
}

/** The plan, which must exist already. */
export function openedPlan(state: AssistancePlanState, code: PlanRuleCode = 'plan.not-started'): OpenedPlan {
  if (state.kind === 'none') throw planError(code);
  return state;
}

/** A measure of the plan, which must exist. */
export function measureOf(state: AssistancePlanState, measureId: string): MeasureRecord {
  const measure = openedPlan(state, 'measure.not-found').measures.find((m) => m.measureId === measureId);
  if (measure === undefined) throw planError('measure.not-found', 'measureId');
  return measure;
}

/** Refuses a change to a measure that is over: ended or cancelled measures no longer change. */
export function checkNotOver(measure: MeasureRecord): void {
  if (measure.status === 'ended') throw planError('measure.ended', 'measureId');
  if (measure.status === 'cancelled') throw planError('measure.cancelled', 'measureId');
}

/** Whether a value is a real `YYYY-MM-DD` date (commands come from JSON, whatever their types say). */
export function isDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && isIsoDate(value);
}

/** Refuses a free text (reason, outcome) that is blank, too long or holds control characters. */
export function checkText(value: unknown, code: PlanRuleCode, field: string): void {
  if (freeTextFault(value, 500) !== null) throw planError(code, field);
}

/** The day a measure began: its actual start once started, else its planned start. */
export function startOf(measure: MeasureRecord): IsoDate {
  return measure.actualStart ?? measure.plan.plannedStart;
}
