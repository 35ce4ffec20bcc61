import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type { MonitoringCaseEvent, MonitoringCaseObjectionResolved } from './monitoring-case.events';
import { NO_SHARED_STEPS, openedByImport, openedByLead } from './monitoring-case.origin';
import { phaseAfter, phaseBeforeVillageReview, procedureOf } from './monitoring-case.steps';
import type { EliminationSteps, MonitoringCaseState, OpenedCase, SharedSteps } from './monitoring-case.state';
import type { CaseProcedure } from './monitoring-case.values';

/** Folds one event into the state. */
export function evolve(state: MonitoringCaseState, event: MonitoringCaseEvent): MonitoringCaseState {
  if (event.type === 'MonitoringCaseOpened') return state.kind === 'none' ? openedByLead(event.data) : state;
  if (event.type === 'MonitoringCaseImported') return state.kind === 'none' ? openedByImport(event.data) : state;
  if (state.kind === 'none') return state;
  return evolveOpened(state, event);
}

function evolveOpened(state: OpenedCase, event: MonitoringCaseEvent): OpenedCase {
  const s = { ...state, lastOn: later(state.lastOn, event.data.on) };
  const ident = state.identification;
  switch (event.type) {
    case 'MonitoringCaseOpened':
    case 'MonitoringCaseImported':
      return state;
    case 'MonitoringCaseLeadEvidenceAdded':
      // Evidence and overdue marks are dated by their own day, not by the procedure: lastOn stays.
      return { ...state, leads: [...state.leads, event.data.lead] };
    case 'MonitoringCaseStepOverdue':
      return { ...state, overdue: [...state.overdue, event.data] };
    case 'MonitoringCaseLeadAccepted':
      return { ...s, phase: 'accepted', identification: { ...ident, acceptance: event.data } };
    case 'MonitoringCaseLeadDismissed':
      return { ...s, phase: 'dismissed', identification: { ...ident, dismissal: event.data } };
    case 'MonitoringCaseHomeVerified':
      return { ...s, phase: 'home-verified', identification: { ...ident, homeVerification: event.data } };
    case 'MonitoringCaseDepartmentsCompared':
      return { ...s, phase: 'compared', identification: { ...ident, comparison: event.data } };
    case 'MonitoringCaseVillageReviewed': {
      const { procedure, outcome } = event.data;
      const next = withSteps(s, procedure, { villageReview: event.data });
      return outcome === 'approved' ? { ...next, phase: phaseAfter('village-review', procedure) } : next;
    }
    case 'MonitoringCasePublicNoticePosted': {
      const { procedure, noticeNumber } = event.data;
      const notices = [...state.notices, { posted: event.data, closed: null, withdrawnBy: null }];
      return { ...withSteps(s, procedure, { noticeNumber }), notices, phase: phaseAfter('public-notice', procedure) };
    }
    case 'MonitoringCaseObjectionRecorded':
      return { ...state, objections: [...state.objections, { raised: event.data, resolution: null }] };
    case 'MonitoringCaseObjectionResolved':
      return objectionResolved(s, event.data);
    case 'MonitoringCasePublicNoticeClosed': {
      const { procedure, noticeNumber } = event.data;
      const notices = state.notices.map((n) =>
        n.posted.noticeNumber === noticeNumber ? { ...n, closed: event.data } : n,
      );
      return { ...s, notices, phase: phaseAfter('public-notice-close', procedure) };
    }
    case 'MonitoringCaseTownshipReviewed': {
      const { procedure, outcome } = event.data;
      const next = withSteps(s, procedure, { townshipReview: event.data });
      return outcome === 'approved' ? { ...next, phase: phaseAfter('township-review', procedure) } : next;
    }
    case 'MonitoringCaseIdentified':
      return { ...s, phase: 'identified', identification: { ...ident, identification: event.data } };
    case 'MonitoringCaseIdentificationRejected':
      return { ...s, phase: 'rejected', identification: { ...ident, rejection: event.data } };
    case 'MonitoringCaseEliminationRefused':
      return { ...s, eliminationRefusals: [...state.eliminationRefusals, event.data] };
    case 'MonitoringCaseEliminationProposed': {
      const run: EliminationSteps = { ...NO_SHARED_STEPS, proposal: event.data, verification: null, grant: null };
      const past = state.elimination === null ? [] : [state.elimination];
      return {
        ...s,
        phase: 'elimination-proposed',
        elimination: run,
        rejectedEliminations: [...state.rejectedEliminations, ...past],
      };
    }
    case 'MonitoringCaseEliminationVerified':
      return { ...withElimination(s, { verification: event.data }), phase: 'elimination-verified' };
    case 'MonitoringCaseEliminationRejected':
      // The household stays monitored: back to identified, ready for a later proposal.
      return { ...withElimination(s, { rejection: event.data }), phase: 'identified' };
    case 'MonitoringCaseRiskEliminated':
      return { ...withElimination(s, { grant: event.data }), phase: 'eliminated' };
    case 'MonitoringCaseFollowUpVisitRecorded':
      // Visits may be typed in out of order: they do not move lastOn.
      return { ...state, followUpVisits: [...state.followUpVisits, event.data] };
    case 'MonitoringCaseRelapsed':
      return { ...s, relapse: event.data };
    default:
      return assertNever(event, 'monitoring case event');
  }
}

/**
 * An upheld objection to the notice in force withdraws it and clears the village review it
 * showed: the notice exists so villagers can contest the review's result, and a result found
 * wrong has to be reviewed again by the village and then shown in a new notice of full length
 * (the old notice's days do not count towards it). An objection to a notice already withdrawn
 * changes nothing but its own record.
 */
function objectionResolved(state: OpenedCase, data: MonitoringCaseObjectionResolved['data']): OpenedCase {
  const objections = state.objections.map((o) =>
    o.raised.objectionId === data.objectionId ? { ...o, resolution: data } : o,
  );
  const notice = state.notices[data.noticeNumber - 1];
  const procedure = notice?.posted.procedure ?? procedureOf(state.phase);
  const inForce = notice !== undefined && notice.closed === null && notice.withdrawnBy === null;
  if (!data.upheld || !inForce) return { ...state, objections };
  const notices = state.notices.map((n) => (n === notice ? { ...n, withdrawnBy: data.objectionId } : n));
  return {
    ...withSteps(state, procedure, { villageReview: null, noticeNumber: null }),
    objections,
    notices,
    phase: phaseBeforeVillageReview(procedure),
  };
}

function withSteps(state: OpenedCase, procedure: CaseProcedure, change: Partial<SharedSteps>): OpenedCase {
  return procedure === 'identification'
    ? { ...state, identification: { ...state.identification, ...change } }
    : withElimination(state, change);
}

function withElimination(state: OpenedCase, change: Partial<EliminationSteps>): OpenedCase {
  return state.elimination === null ? state : { ...state, elimination: { ...state.elimination, ...change } };
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return b > a ? b : a;
}
