import {
  eliminationProposedV1,
  eliminationRefusedV1,
  eliminationRejectedV1,
  identificationRejectedV1,
  leadDismissedV1,
  monitoringCaseOpenedV1,
  monitoringCaseOverdueV1,
  monitoringCaseReopenedV1,
  monitoringSubjectIdentifiedV1,
  riskEliminatedV1,
  type CaseEventV1,
  type CaseSuggestionV1,
  type EliminationProposedV1,
  type EliminationRefusedV1,
  type EliminationRejectedV1,
  type IdentificationRejectedV1,
  type LeadDismissedV1,
  type MonitoringCaseOpenedV1,
  type MonitoringCaseOverdueV1,
  type MonitoringCaseReopenedV1,
  type MonitoringSubjectIdentifiedV1,
  type RiskEliminatedV1,
} from '@relapse-watch/contracts';
import { ageOn, assertNever } from '@relapse-watch/domain-kernel';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import type { OpenedCase } from '../domain/monitoring-case/monitoring-case.state';
import type { CaseSuggestion } from '../domain/monitoring-case/monitoring-case.values';
import { guardReasonV1 } from './elimination-reason.translation';
import type { IntegrationEvent } from './integration-event';

/** A monitoring case event as published. */
export type MonitoringCaseIntegrationEvent =
  | IntegrationEvent<MonitoringCaseOpenedV1>
  | IntegrationEvent<LeadDismissedV1>
  | IntegrationEvent<MonitoringSubjectIdentifiedV1>
  | IntegrationEvent<IdentificationRejectedV1>
  | IntegrationEvent<MonitoringCaseOverdueV1>
  | IntegrationEvent<EliminationProposedV1>
  | IntegrationEvent<EliminationRefusedV1>
  | IntegrationEvent<EliminationRejectedV1>
  | IntegrationEvent<RiskEliminatedV1>
  | IntegrationEvent<MonitoringCaseReopenedV1>;

function suggestionV1(suggestion: CaseSuggestion | null): CaseSuggestionV1 | null {
  if (suggestion === null) return null;
  return { category: suggestion.category, riskTypes: [...suggestion.riskTypes], ruleIds: [...suggestion.ruleIds] };
}

/**
 * The integration event of a monitoring case's event, given the case right after it (the events
 * after the opening do not repeat the household and village). Fields are copied one by one: the
 * officials' reasons, the lead's summary, findings, minutes, objections and their authors never
 * leave the service (contracts README, "Texts officials type stay inside"); the actor leaves as
 * its role. Pure: the relay folds the stream and passes the state.
 */
export function translateMonitoringCaseEvent(
  event: MonitoringCaseEvent,
  state: OpenedCase,
): MonitoringCaseIntegrationEvent | null {
  const { caseId, householdId, villageCode } = state.opening;
  const common: CaseEventV1 = {
    caseId,
    householdId,
    villageCode,
    on: event.data.on,
    actor: { role: event.data.actor.role },
  };
  switch (event.type) {
    case 'MonitoringCaseOpened': {
      const { lead, previousCaseId, suggestion, acceptBy } = event.data;
      return {
        contract: monitoringCaseOpenedV1,
        data: {
          ...common,
          lead: { source: lead.source, referenceId: lead.referenceId, department: lead.department },
          previousCaseId,
          suggestion: suggestionV1(suggestion),
          acceptBy,
        },
      };
    }
    case 'MonitoringCaseLeadDismissed':
      return { contract: leadDismissedV1, data: common };
    case 'MonitoringCaseIdentified': {
      const { category, riskTypes, suggestion } = event.data;
      return {
        contract: monitoringSubjectIdentifiedV1,
        data: { ...common, category, riskTypes: [...riskTypes].sort(), suggestion: suggestionV1(suggestion) },
      };
    }
    case 'MonitoringCaseIdentificationRejected':
      return { contract: identificationRejectedV1, data: { ...common, at: event.data.at } };
    case 'MonitoringCaseStepOverdue':
      return { contract: monitoringCaseOverdueV1, data: { ...common, step: event.data.step, dueOn: event.data.dueOn } };
    case 'MonitoringCaseEliminationProposed':
      return { contract: eliminationProposedV1, data: common };
    case 'MonitoringCaseEliminationRefused':
      return {
        contract: eliminationRefusedV1,
        data: { ...common, reasons: event.data.guardReasons.map(guardReasonV1) },
      };
    case 'MonitoringCaseEliminationRejected':
      return { contract: eliminationRejectedV1, data: { ...common, at: event.data.at } };
    case 'MonitoringCaseRiskEliminated': {
      // The decider grants an elimination only on an identified case (here or in the national system).
      const identifiedOn = state.identification.identification?.on ?? state.imported?.on ?? event.data.on;
      return {
        contract: riskEliminatedV1,
        data: { ...common, identifiedOn, yearsMonitored: ageOn(identifiedOn, event.data.on) },
      };
    }
    case 'MonitoringCaseRelapsed':
      return { contract: monitoringCaseReopenedV1, data: { ...common, newCaseId: event.data.newCaseId } };
    // The procedure's inner steps stay private: subscribers act on its outcome (identified,
    // rejected, eliminated), and these steps carry what must not travel — the objector's name and
    // words, the home visit's findings, the minutes, the departments' notes. Acceptance and further
    // leads have no contract yet: an addition, when a subscriber needs them.
    // An imported case stands for its identification (and elimination): the relay publishes those
    // (eventsOfImportedCase), each through this translation.
    case 'MonitoringCaseImported':
    case 'MonitoringCaseLeadEvidenceAdded':
    case 'MonitoringCaseLeadAccepted':
    case 'MonitoringCaseHomeVerified':
    case 'MonitoringCaseDepartmentsCompared':
    case 'MonitoringCaseVillageReviewed':
    case 'MonitoringCasePublicNoticePosted':
    case 'MonitoringCaseObjectionRecorded':
    case 'MonitoringCaseObjectionResolved':
    case 'MonitoringCasePublicNoticeClosed':
    case 'MonitoringCaseTownshipReviewed':
    case 'MonitoringCaseEliminationVerified':
    case 'MonitoringCaseFollowUpVisitRecorded':
      return null;
    default:
      return assertNever(event, 'monitoring case event');
  }
}
