import { isDeepStrictEqual } from 'node:util';
import { atField, DomainError, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { ImportMeasures, MeasurePlanData, PlanFacts } from './assistance-plan.commands';
import { planError } from './assistance-plan.errors';
import type {
  AssistanceMeasurePlanned,
  AssistancePlanEvent,
  AssistancePlanImported,
  ImportedMeasure,
} from './assistance-plan.events';
import { planMeasure, startMeasure } from './assistance-plan-measure.decide';
import { endMeasure } from './assistance-plan-progress.decide';
import { evolve, initialState, type AssistancePlanState } from './assistance-plan.state';

/**
 * Imports a case's measures into a plan that does not exist yet: each measure is planned, started
 * on its planned start once that day has come and ended on its planned end once that day has
 * passed, by the very rules of `PlanMeasure`, `StartMeasure` and `EndMeasure` (its start judged
 * against the case's identification once), and the lot recorded as one `AssistancePlanImported`. Every
 * measure's problems are reported at once, each under `measures[i]`. The same measures again are a
 * no-op, also once measures were added here since, and also when one has started or ended since
 * the import (what happens after it goes through the plan's own commands); a plan built here or
 * imported with other measures is refused. The flags are not judged: they need the household's labour capacity, which the
 * caseload sheet does not carry (`RecheckPlanFlags` records them once it is known).
 */
export function importMeasures(command: ImportMeasures, state: AssistancePlanState): readonly AssistancePlanEvent[] {
  const { measures, endedOutcome } = command.data;
  if (!Array.isArray(measures) || measures.length === 0) throw planError('plan.import-empty', 'measures');
  // The measure rules never read the labour capacity; only the flags do, and they are not judged here.
  const facts: PlanFacts = { ...command.facts, hasLabourCapacity: false };
  const problems: DomainProblem[] = [];
  const imported: ImportedMeasure[] = [];
  let plan: AssistancePlanState = initialState;
  measures.forEach((measure, i) => {
    try {
      if (imported.some((m) => m.planned.measureId === measure.measureId))
        throw planError('measure.id-taken', 'measureId');
      const events = measureEvents(measure, endedOutcome, plan, facts);
      plan = events.reduce(evolve, plan);
      imported.push(importedMeasure(events));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...error.problems.map((p) => atField(p, `measures[${i}].${p.field ?? 'measureId'}`)));
    }
  });
  throwIfAny(problems);
  const event: AssistancePlanImported = {
    type: 'AssistancePlanImported',
    data: { caseId: facts.caseId, householdId: facts.householdId, measures: imported },
  };
  if (state.kind === 'opened') {
    const plans = (data: AssistancePlanImported['data']) => data.measures.map((m) => m.planned);
    if (state.imported !== null && isDeepStrictEqual(plans(state.imported), plans(event.data))) return [];
    throw planError('plan.already-exists', 'caseId');
  }
  return [event];
}

/** The events the separate commands would record for one measure, on the plan as it stands today. */
function measureEvents(
  measure: MeasurePlanData,
  endedOutcome: string,
  plan: AssistancePlanState,
  facts: PlanFacts,
): readonly AssistancePlanEvent[] {
  const { measureId, plannedStart, plannedEnd } = measure;
  const events = [...planMeasure({ type: 'PlanMeasure', data: measure, facts }, plan)];
  if (plannedStart > facts.today) return events;
  const actualStart = plannedStart;
  events.push(
    ...startMeasure({ type: 'StartMeasure', data: { measureId, actualStart }, facts }, events.reduce(evolve, plan)),
  );
  if (plannedEnd === null || plannedEnd > facts.today) return events;
  const ended = { measureId, actualEnd: plannedEnd, outcome: endedOutcome };
  events.push(...endMeasure({ type: 'EndMeasure', data: ended, facts }, events.reduce(evolve, plan)));
  return events;
}

/** One measure's events as the imported event carries them (the plan's opening is the event's own). */
function importedMeasure(events: readonly AssistancePlanEvent[]): ImportedMeasure {
  let planned: AssistanceMeasurePlanned['data'] | undefined;
  let started: ImportedMeasure['started'] = null;
  let ended: ImportedMeasure['ended'] = null;
  for (const event of events) {
    if (event.type === 'AssistanceMeasurePlanned') planned = event.data;
    if (event.type === 'AssistanceMeasureStarted')
      started = { actualStart: event.data.actualStart, timing: event.data.timing };
    if (event.type === 'AssistanceMeasureEnded')
      ended = { actualEnd: event.data.actualEnd, outcome: event.data.outcome };
  }
  if (planned === undefined) throw new TypeError('an imported measure is planned before anything else');
  return { planned, started, ended };
}
