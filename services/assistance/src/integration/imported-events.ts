import type { AssistancePlanEvent, AssistancePlanImported } from '../domain/assistance-plan/assistance-plan.events';
import type { MonitoringCaseImported } from '../domain/monitoring-case/monitoring-case-import.events';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';

// An imported case or plan is one stored event standing for several (the import writes one to
// keep a province's caseload within the store's write rate). Subscribers know monitoring subjects
// and measures by their usual contracts, so the relay publishes the events the import stands for,
// each through the usual translation.

/** An imported case as the events it stands for: the identification, and the elimination when the national system granted one. */
export function eventsOfImportedCase(event: MonitoringCaseImported): readonly MonitoringCaseEvent[] {
  const { actor, on, category, riskTypes, eliminatedOn } = event.data;
  const identified: MonitoringCaseEvent = {
    type: 'MonitoringCaseIdentified',
    data: { actor, on, reason: null, category, riskTypes, suggestion: null },
  } as MonitoringCaseEvent;
  if (eliminatedOn === null) return [identified];
  const eliminated = { type: 'MonitoringCaseRiskEliminated', data: { actor, on: eliminatedOn, reason: null } };
  return [identified, eliminated as MonitoringCaseEvent];
}

/** An imported plan as the events it stands for: each measure planned, and started and ended as recorded. */
export function eventsOfImportedPlan(event: AssistancePlanImported): readonly AssistancePlanEvent[] {
  return event.data.measures.flatMap((measure): AssistancePlanEvent[] => {
    const { measureId } = measure.planned;
    return [
      { type: 'AssistanceMeasurePlanned', data: measure.planned },
      ...(measure.started === null
        ? []
        : [{ type: 'AssistanceMeasureStarted', data: { measureId, ...measure.started } } as AssistancePlanEvent]),
      ...(measure.ended === null
        ? []
        : [{ type: 'AssistanceMeasureEnded', data: { measureId, ...measure.ended } } as AssistancePlanEvent]),
    ];
  });
}
