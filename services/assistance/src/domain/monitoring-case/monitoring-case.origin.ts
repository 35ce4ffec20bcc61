import type { MonitoringCaseImported } from './monitoring-case-import.events';
import type { MonitoringCaseOpened } from './monitoring-case.events';
import {
  IMPORTED_LEAD_REFERENCE,
  type EliminationSteps,
  type IdentificationSteps,
  type OpenedCase,
  type SharedSteps,
} from './monitoring-case.state';

// The two ways a case begins: a lead opens it here, or the import brings its national history.

/** Shared steps before any was done. */
export const NO_SHARED_STEPS: SharedSteps = {
  villageReview: null,
  noticeNumber: null,
  townshipReview: null,
  rejection: null,
};

/** The state of a case a lead opened. */
export function openedByLead(data: MonitoringCaseOpened['data']): OpenedCase {
  const identification: IdentificationSteps = {
    ...NO_SHARED_STEPS,
    acceptance: null,
    dismissal: null,
    homeVerification: null,
    comparison: null,
    identification: null,
  };
  return {
    kind: 'opened',
    phase: 'lead',
    opening: data,
    imported: null,
    leads: [data.lead],
    overdue: [],
    lastOn: data.on,
    identification,
    notices: [],
    objections: [],
    eliminationRefusals: [],
    elimination: null,
    rejectedEliminations: [],
    followUpVisits: [],
    relapse: null,
  };
}

/**
 * The state of an imported case: identified on the national record's day (so the overlay, the
 * years under monitoring and the guard's risk types read as for a case identified here), and,
 * when eliminated there, eliminated on that day (so follow-up visits and a relapse link go on
 * from it). The procedure's intermediate steps stay empty: they happened in the other system.
 */
export function openedByImport(data: MonitoringCaseImported['data']): OpenedCase {
  const { actor, on, caseId, householdId, villageCode, category, riskTypes, eliminatedOn } = data;
  const base = openedByLead({
    actor,
    on,
    reason: null,
    caseId,
    householdId,
    villageCode,
    lead: { source: data.leadSource, referenceId: IMPORTED_LEAD_REFERENCE, department: null, summary: null },
    previousCaseId: null,
    suggestion: null,
    acceptBy: on,
  });
  const identification = {
    ...base.identification,
    identification: { actor, on, reason: null, category, riskTypes, suggestion: null },
  };
  if (eliminatedOn === null) return { ...base, phase: 'identified', identification, imported: data };
  const eliminated = { actor, on: eliminatedOn, reason: null };
  const elimination: EliminationSteps = {
    ...NO_SHARED_STEPS,
    proposal: eliminated,
    verification: null,
    grant: eliminated,
  };
  return { ...base, phase: 'eliminated', lastOn: eliminatedOn, identification, elimination, imported: data };
}
