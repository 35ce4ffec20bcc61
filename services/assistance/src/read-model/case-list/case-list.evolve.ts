import { assertNever } from '@relapse-watch/domain-kernel';
import type { MonitoringCaseImported } from '../../domain/monitoring-case/monitoring-case-import.events';
import type { MonitoringCaseEvent, MonitoringCaseOpened } from '../../domain/monitoring-case/monitoring-case.events';
import { phaseAfter, phaseBeforeVillageReview } from '../../domain/monitoring-case/monitoring-case.steps';
import { settled } from './case-list.deadlines';
import { measureCountsOf, tierCodesOf, type CaseListDocument } from './case-list.document';

function opened(data: MonitoringCaseOpened['data']): CaseListDocument {
  return settled({
    caseId: data.caseId,
    householdId: data.householdId,
    ...tierCodesOf(data.villageCode),
    villageCode: data.villageCode,
    phase: 'lead',
    running: true,
    waitingFor: null,
    leadSource: data.lead.source,
    leads: 1,
    openedOn: data.on,
    acceptBy: data.acceptBy,
    homeVerificationBy: null,
    procedureBy: null,
    acceptedOn: null,
    dismissedOn: null,
    homeVerifiedOn: null,
    rejectedOn: null,
    rejectedAt: null,
    overdueSteps: [],
    overdue: false,
    nextDueOn: null,
    awaitingDeadline: false,
    openNotice: null,
    unresolvedObjections: 0,
    category: null,
    riskTypes: [],
    identifiedOn: null,
    identified: false,
    monitored: false,
    suggestion: data.suggestion,
    eliminationRefusals: 0,
    eliminatedOn: null,
    followUpVisits: 0,
    previousCaseId: data.previousCaseId,
    relapseCaseId: null,
    relapsedOn: null,
    planFlags: [],
    developmentMeasureMissing: false,
    socialSecurityMissing: false,
    hasLabourCapacity: null,
    measures: [],
    measureCounts: measureCountsOf([]),
  });
}

/**
 * A case the national system identified (and perhaps eliminated) before this one was adopted: it
 * starts identified, with no deadlines (its procedure is over), monitored unless eliminated.
 */
function imported(data: MonitoringCaseImported['data']): CaseListDocument {
  const base = opened({
    actor: data.actor,
    on: data.on,
    reason: null,
    caseId: data.caseId,
    householdId: data.householdId,
    villageCode: data.villageCode,
    lead: { source: data.leadSource, referenceId: 'national-system', department: null, summary: null },
    previousCaseId: null,
    suggestion: null,
    acceptBy: data.on,
  });
  const identified = {
    ...base,
    phase: 'identified' as const,
    category: data.category,
    riskTypes: data.riskTypes,
    identifiedOn: data.on,
    identified: true,
  };
  return settled(
    data.eliminatedOn === null
      ? identified
      : { ...identified, phase: 'eliminated' as const, eliminatedOn: data.eliminatedOn },
  );
}

/**
 * The case's document after one of its events. Only the opening (or the import) creates it: the decider records
 * nothing on a case not opened, so any other event without a document is not this case's.
 */
export function evolveCaseList(doc: CaseListDocument | null, event: MonitoringCaseEvent): CaseListDocument | null {
  if (event.type === 'MonitoringCaseOpened') return doc ?? opened(event.data);
  if (event.type === 'MonitoringCaseImported') return doc ?? imported(event.data);
  if (doc === null) return null;
  return settled(applied(doc, event));
}

function applied(doc: CaseListDocument, event: MonitoringCaseEvent): CaseListDocument {
  switch (event.type) {
    case 'MonitoringCaseOpened':
    case 'MonitoringCaseImported':
      return doc;
    case 'MonitoringCaseLeadEvidenceAdded':
      return { ...doc, leads: doc.leads + 1 };
    case 'MonitoringCaseLeadAccepted': {
      const { on, homeVerificationBy, procedureBy } = event.data;
      return { ...doc, phase: 'accepted', acceptedOn: on, homeVerificationBy, procedureBy };
    }
    case 'MonitoringCaseLeadDismissed':
      return { ...doc, phase: 'dismissed', dismissedOn: event.data.on };
    case 'MonitoringCaseHomeVerified':
      return { ...doc, phase: 'home-verified', homeVerifiedOn: event.data.on };
    case 'MonitoringCaseDepartmentsCompared':
      return { ...doc, phase: 'compared' };
    case 'MonitoringCaseVillageReviewed':
    case 'MonitoringCaseTownshipReviewed': {
      // A review that does not approve is followed by the procedure's rejection event.
      if (event.data.outcome !== 'approved') return doc;
      const step = event.type === 'MonitoringCaseVillageReviewed' ? 'village-review' : 'township-review';
      return { ...doc, phase: phaseAfter(step, event.data.procedure) };
    }
    case 'MonitoringCasePublicNoticePosted': {
      const { noticeNumber, procedure, on, closesNoEarlierThan } = event.data;
      const openNotice = { noticeNumber, procedure, postedOn: on, closesNoEarlierThan };
      return { ...doc, phase: phaseAfter('public-notice', procedure), openNotice };
    }
    case 'MonitoringCaseObjectionRecorded':
      return { ...doc, unresolvedObjections: doc.unresolvedObjections + 1 };
    case 'MonitoringCaseObjectionResolved': {
      const resolved = { ...doc, unresolvedObjections: doc.unresolvedObjections - 1 };
      const notice = doc.openNotice;
      // An upheld objection withdraws the notice in force: the village reviews again.
      if (!event.data.upheld || notice === null || notice.noticeNumber !== event.data.noticeNumber) return resolved;
      return { ...resolved, openNotice: null, phase: phaseBeforeVillageReview(notice.procedure) };
    }
    case 'MonitoringCasePublicNoticeClosed':
      return { ...doc, openNotice: null, phase: phaseAfter('public-notice-close', event.data.procedure) };
    case 'MonitoringCaseIdentified': {
      const { on, category, riskTypes, suggestion } = event.data;
      return { ...doc, phase: 'identified', category, riskTypes, identifiedOn: on, identified: true, suggestion };
    }
    case 'MonitoringCaseIdentificationRejected':
      return { ...doc, phase: 'rejected', rejectedOn: event.data.on, rejectedAt: event.data.at };
    case 'MonitoringCaseStepOverdue': {
      const { step, dueOn, on } = event.data;
      return { ...doc, overdueSteps: [...doc.overdueSteps, { step, dueOn, markedOn: on }] };
    }
    case 'MonitoringCaseEliminationRefused':
      return { ...doc, eliminationRefusals: doc.eliminationRefusals + 1 };
    case 'MonitoringCaseEliminationProposed':
      return { ...doc, phase: 'elimination-proposed' };
    case 'MonitoringCaseEliminationVerified':
      return { ...doc, phase: 'elimination-verified' };
    case 'MonitoringCaseEliminationRejected':
      // The household stays monitored, ready for a later proposal.
      return { ...doc, phase: 'identified' };
    case 'MonitoringCaseRiskEliminated':
      return { ...doc, phase: 'eliminated', eliminatedOn: event.data.on };
    case 'MonitoringCaseFollowUpVisitRecorded':
      return { ...doc, followUpVisits: doc.followUpVisits + 1 };
    case 'MonitoringCaseRelapsed':
      return { ...doc, relapseCaseId: event.data.newCaseId, relapsedOn: event.data.on };
    default:
      return assertNever(event, 'monitoring case event');
  }
}
