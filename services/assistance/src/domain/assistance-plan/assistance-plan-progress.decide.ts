import type { CancelMeasure, EndMeasure, ExtendAfterElimination } from './assistance-plan.commands';
import { planError } from './assistance-plan.errors';
import type { AssistancePlanEvent } from './assistance-plan.events';
import { checkNotOver, checkText, isDate, measureOf, startOf } from './assistance-plan.guards';
import type { AssistancePlanState } from './assistance-plan.state';

// A measure after it was planned: it ends (only once started), is cancelled, or is committed to
// continue after the risk is eliminated. Each once; the same command again is a no-op.

/** Ends a measure under way on the day it ended, with what it achieved. */
export function endMeasure(command: EndMeasure, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  const { measureId, actualEnd, outcome } = command.data;
  const measure = measureOf(state, measureId);
  checkText(outcome, 'measure.outcome-required', 'outcome');
  if (measure.status === 'cancelled') throw planError('measure.cancelled', 'measureId');
  if (measure.status === 'planned') throw planError('measure.not-started', 'measureId');
  const started = measure.actualStart ?? '';
  if (!isDate(actualEnd) || actualEnd < started || actualEnd > command.facts.today)
    throw planError('measure.actual-end', 'actualEnd');
  if (measure.status === 'ended') {
    if (measure.actualEnd === actualEnd && measure.outcome === outcome) return [];
    throw planError('measure.already-ended', 'measureId');
  }
  return [{ type: 'AssistanceMeasureEnded', data: { measureId, actualEnd, outcome } }];
}

/** Cancels a measure that has not ended (planned, or under way and stopped early). */
export function cancelMeasure(command: CancelMeasure, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  const { measureId, reason } = command.data;
  const measure = measureOf(state, measureId);
  checkText(reason, 'measure.reason-required', 'reason');
  if (measure.status === 'ended') throw planError('measure.ended', 'measureId');
  if (measure.cancellation !== null) {
    if (measure.cancellation.reason === reason) return [];
    throw planError('measure.already-cancelled', 'measureId');
  }
  return [{ type: 'AssistanceMeasureCancelled', data: { measureId, reason, cancelledOn: command.facts.today } }];
}

/**
 * Commits a measure that is planned or under way to continue after elimination until a day (or
 * moves that day); the day cannot come before the measure began.
 */
export function extendAfterElimination(
  command: ExtendAfterElimination,
  state: AssistancePlanState,
): readonly AssistancePlanEvent[] {
  const { measureId, until } = command.data;
  const measure = measureOf(state, measureId);
  if (!isDate(until) || until < startOf(measure)) throw planError('measure.continues-until', 'until');
  const previousUntil = measure.continuesAfterEliminationUntil;
  if (previousUntil === until) return [];
  checkNotOver(measure);
  return [{ type: 'AssistanceMeasureExtendedAfterElimination', data: { measureId, until, previousUntil } }];
}
