import { freeTextFault, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { MeasurePlanData, PlanFacts, PlanMeasure, StartMeasure } from './assistance-plan.commands';
import { planError, planProblem } from './assistance-plan.errors';
import type { AssistanceMeasurePlanned, AssistancePlanEvent } from './assistance-plan.events';
import { checkNotOver, isDate, measureOf, opening } from './assistance-plan.guards';
import type { AssistancePlanState } from './assistance-plan.state';
import {
  MEASURE_CATEGORIES,
  RISK_TYPES_ALLOWING_START_BEFORE_APPROVAL,
  type MeasureTiming,
} from './assistance-plan.values';

/**
 * Plans a measure; the first one opens the plan. The same measure again is a no-op; its id
 * with other content is refused. Every field problem is reported at once.
 */
export function planMeasure(command: PlanMeasure, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  throwIfAny(planProblems(command.data));
  const planned = plannedData(command.data);
  if (state.kind === 'opened') {
    const earlier = state.measures.find((m) => m.measureId === planned.measureId);
    if (earlier !== undefined) {
      if (JSON.stringify(earlier.plan) === JSON.stringify(planned)) return [];
      throw planError('measure.id-taken', 'measureId');
    }
  }
  return [...opening(command.facts, state), { type: 'AssistanceMeasurePlanned', data: planned }];
}

// Fields copied one by one, in one order, so nothing unexpected reaches the event and a retried
// command compares equal with what was stored.
function plannedData(data: MeasurePlanData): AssistanceMeasurePlanned['data'] {
  return {
    measureId: data.measureId,
    category: data.category,
    kind: data.kind,
    responsibleDepartment: data.responsibleDepartment,
    plannedStart: data.plannedStart,
    plannedEnd: data.plannedEnd ?? null,
    amountFen: data.amountFen,
    continuesAfterEliminationUntil: data.continuesAfterEliminationUntil ?? null,
  };
}

function planProblems(data: MeasurePlanData): DomainProblem[] {
  const problems: DomainProblem[] = [];
  if (freeTextFault(data.measureId, 100) !== null) problems.push(planProblem('measure.id-required', 'measureId'));
  if (!(MEASURE_CATEGORIES as readonly unknown[]).includes(data.category))
    problems.push(planProblem('measure.category', 'category'));
  if (freeTextFault(data.kind, 100) !== null) problems.push(planProblem('measure.kind-required', 'kind'));
  if (freeTextFault(data.responsibleDepartment, 100) !== null)
    problems.push(planProblem('measure.department-required', 'responsibleDepartment'));
  const start = data.plannedStart;
  if (!isDate(start)) problems.push(planProblem('measure.planned-start', 'plannedStart'));
  const end = data.plannedEnd ?? null;
  if (end !== null && (!isDate(end) || (isDate(start) && end < start)))
    problems.push(planProblem('measure.planned-end', 'plannedEnd'));
  if (!Number.isSafeInteger(data.amountFen) || data.amountFen < 0)
    problems.push(planProblem('measure.amount', 'amountFen'));
  const until = data.continuesAfterEliminationUntil ?? null;
  if (until !== null && (!isDate(until) || (isDate(start) && until < start)))
    problems.push(planProblem('measure.continues-until', 'continuesAfterEliminationUntil'));
  return problems;
}

/**
 * Starts a planned measure on the day it actually started, judging that day against the case's
 * identification once: a start before approval is accepted and flagged `early`, except for a
 * disaster-driven case, where DOMAIN.md allows it (`before-approval-disaster`).
 */
export function startMeasure(command: StartMeasure, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  const { measureId, actualStart } = command.data;
  const measure = measureOf(state, measureId);
  if (!isDate(actualStart) || actualStart > command.facts.today) throw planError('measure.actual-start', 'actualStart');
  if (measure.actualStart === actualStart) return [];
  checkNotOver(measure);
  if (measure.actualStart !== null) throw planError('measure.already-started', 'actualStart');
  const timing = timingOf(actualStart, command.facts);
  return [{ type: 'AssistanceMeasureStarted', data: { measureId, actualStart, timing } }];
}

function timingOf(actualStart: string, facts: PlanFacts): MeasureTiming {
  const identifiedOn = facts.caseIdentifiedOn;
  if (identifiedOn !== null && actualStart >= identifiedOn) return 'after-identification';
  const disaster = facts.riskTypes.some((t) => RISK_TYPES_ALLOWING_START_BEFORE_APPROVAL.includes(t));
  return disaster ? 'before-approval-disaster' : 'early';
}
