import {
  assistanceMeasureCancelledV1,
  assistanceMeasureEndedV1,
  assistanceMeasurePlannedV1,
  assistanceMeasureStartedV1,
  type AssistanceMeasureCancelledV1,
  type AssistanceMeasureEndedV1,
  type AssistanceMeasurePlannedV1,
  type AssistanceMeasureStartedV1,
  type MeasureEventV1,
} from '@relapse-watch/contracts';
import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import type { OpenedPlan } from '../domain/assistance-plan/assistance-plan.state';
import type { IntegrationEvent } from './integration-event';

/** An assistance plan event as published. */
export type AssistancePlanIntegrationEvent =
  | IntegrationEvent<AssistanceMeasurePlannedV1>
  | IntegrationEvent<AssistanceMeasureStartedV1>
  | IntegrationEvent<AssistanceMeasureEndedV1>
  | IntegrationEvent<AssistanceMeasureCancelledV1>;

/**
 * What the plan's translation reads besides the event. A plan's events carry neither the actor
 * nor the household's village nor the day a measure was planned, so the relay passes them from
 * the stored event's metadata.
 */
export interface PlanTranslationContext {
  /** The plan right after the event (`assistancePlanDecider.evolve`). */
  readonly state: OpenedPlan;
  /** The household's village: the stored event's `divisionCode`, which the plan's handler sets to it. */
  readonly villageCode: string;
  /** The role of whoever sent the command (metadata `actor.role`), never the person. */
  readonly actorRole: string;
  /** The local date the event was recorded on (metadata `occurredAt` in the officials' time zone). */
  readonly recordedOn: IsoDate;
}

/**
 * The integration event of an assistance plan's event, or null for the ones that stay inside.
 * Every measure event repeats the measure's category, so a subscriber counts measures in place
 * per category without history. An end's outcome and a cancellation's reason are officials'
 * texts about the household and never leave the service. Pure.
 */
export function translateAssistancePlanEvent(
  event: AssistancePlanEvent,
  context: PlanTranslationContext,
): AssistancePlanIntegrationEvent | null {
  const { state, villageCode, actorRole } = context;
  const measureEvent = (measureId: string, on: IsoDate): MeasureEventV1 => {
    const measure = state.measures.find((m) => m.measureId === measureId);
    // The decider refuses any step of a measure it never planned.
    const category = measure?.plan.category ?? 'other';
    const { caseId, householdId } = state;
    return { caseId, householdId, villageCode, on, actor: { role: actorRole }, measureId, category };
  };
  switch (event.type) {
    case 'AssistanceMeasurePlanned': {
      const { measureId, kind, responsibleDepartment, plannedStart, plannedEnd, amountFen } = event.data;
      return {
        contract: assistanceMeasurePlannedV1,
        data: {
          ...measureEvent(measureId, context.recordedOn),
          kind,
          responsibleDepartment,
          plannedStart,
          plannedEnd,
          amountFen,
          continuesAfterEliminationUntil: event.data.continuesAfterEliminationUntil,
        },
      };
    }
    case 'AssistanceMeasureStarted': {
      const { measureId, actualStart, timing } = event.data;
      return { contract: assistanceMeasureStartedV1, data: { ...measureEvent(measureId, actualStart), timing } };
    }
    case 'AssistanceMeasureEnded':
      return { contract: assistanceMeasureEndedV1, data: measureEvent(event.data.measureId, event.data.actualEnd) };
    case 'AssistanceMeasureCancelled':
      return {
        contract: assistanceMeasureCancelledV1,
        data: measureEvent(event.data.measureId, event.data.cancelledOn),
      };
    // The opening only names the case (the first measure's event carries it); an extension after
    // elimination and the plan's flags have no contract yet: additions, when the reporting
    // service needs them (report 5: labour-capable households without a development measure).
    // An imported plan stands for its measures' events: the relay publishes those (eventsOfImportedPlan).
    case 'AssistancePlanImported':
    case 'AssistancePlanOpened':
    case 'AssistanceMeasureExtendedAfterElimination':
    case 'AssistancePlanFlagsChanged':
      return null;
    default:
      return assertNever(event, 'assistance plan event');
  }
}
