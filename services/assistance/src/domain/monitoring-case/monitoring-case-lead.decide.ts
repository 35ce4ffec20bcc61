import { parseDivisionCode, throwIfAny } from '@relapse-watch/domain-kernel';
import type { AcceptLead, AddLeadEvidence, DismissLead, LeadInput, OpenCase } from './monitoring-case.commands';
import { caseError, caseProblem } from './monitoring-case.errors';
import type { LeadEvidence, MonitoringCaseEvent, MonitoringCaseOpened } from './monitoring-case.events';
import {
  checkDateOrder,
  checkDeadline,
  checkId,
  checkNotClosed,
  checkText,
  commonProblems,
  expectStep,
  isId,
  opened,
  sameStep,
  stepOutOfOrder,
  stepRecord,
  type Problems,
} from './monitoring-case.guards';
import type { MonitoringCaseState } from './monitoring-case.state';
import { checkSuggestion, copySuggestion } from './monitoring-case.validation';
import { LEAD_SOURCES } from './monitoring-case.values';

const DEPARTMENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function checkLead(lead: LeadInput, problems: Problems): void {
  if (!(LEAD_SOURCES as readonly unknown[]).includes(lead?.source))
    problems.push(caseProblem('case.lead-source', 'lead.source'));
  checkId(lead?.referenceId, 'lead.referenceId', problems);
  const department = lead?.department ?? null;
  const needsDepartment = lead?.source === 'department-warning';
  const departmentOk = needsDepartment
    ? typeof department === 'string' && department.length <= 50 && DEPARTMENT.test(department)
    : department === null;
  if (!departmentOk) problems.push(caseProblem('case.lead-department', 'lead.department'));
  if ((lead?.summary ?? null) !== null) checkText(lead.summary, 500, 'lead.summary', problems);
}

function copyLead(lead: LeadInput): LeadEvidence {
  return {
    source: lead.source,
    referenceId: lead.referenceId,
    department: lead.department ?? null,
    summary: lead.summary ?? null,
  };
}

/** One lead is another's repeat when source, department and reference agree (the sender's warning id). */
function sameLead(a: LeadEvidence, b: LeadEvidence): boolean {
  return a.source === b.source && a.department === b.department && a.referenceId === b.referenceId;
}

/** Opens the case from a lead; the same opening again is a no-op, whatever the calendar says now. */
export function openCase(command: OpenCase, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { data, facts } = command;
  const problems = commonProblems(command, false);
  checkId(data.caseId, 'caseId', problems);
  checkId(data.householdId, 'householdId', problems);
  const village = parseDivisionCode(data.villageCode);
  if (!village.ok || village.tier !== 'village') problems.push(caseProblem('case.village-code', 'villageCode'));
  checkLead(data.lead, problems);
  const previous = data.previousCaseId ?? null;
  if (previous !== null && (!isId(previous) || previous === data.caseId))
    problems.push(caseProblem('case.previous-case', 'previousCaseId'));
  checkSuggestion(data.suggestion ?? null, problems);
  checkDeadline(facts.acceptBy, data.on, 'acceptBy', problems);
  throwIfAny(problems);
  const event: MonitoringCaseOpened = {
    type: 'MonitoringCaseOpened',
    data: {
      ...stepRecord(command),
      caseId: data.caseId,
      householdId: data.householdId,
      villageCode: data.villageCode,
      lead: copyLead(data.lead),
      previousCaseId: previous,
      suggestion: copySuggestion(data.suggestion ?? null),
      acceptBy: facts.acceptBy,
    },
  };
  if (state.kind === 'opened') {
    if (sameStep(state.opening, event.data, ['acceptBy'])) return [];
    throw caseError('case.already-open', 'caseId');
  }
  return [event];
}

/**
 * A further lead for the case (a second warning for the same household): evidence on the case,
 * never a new case. Idempotent by the lead's reference. An eliminated case takes none: a new risk
 * after elimination is a relapse, a new case.
 */
export function addLeadEvidence(command: AddLeadEvidence, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const problems = commonProblems(command, false);
  checkLead(command.data.lead, problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const lead = copyLead(command.data.lead);
  const earlier = monitored.leads.find((l) => sameLead(l, lead));
  if (earlier !== undefined) {
    if (earlier.summary === lead.summary) return [];
    throw caseError('case.lead-reference-taken', 'lead.referenceId');
  }
  checkNotClosed(monitored);
  if (monitored.phase === 'eliminated') throw stepOutOfOrder(monitored);
  return [{ type: 'MonitoringCaseLeadEvidenceAdded', data: { ...stepRecord(command), lead } }];
}

/** Accepts the lead; the home-verification and procedure deadlines count from this day. */
export function acceptLead(command: AcceptLead, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { data, facts } = command;
  const problems = commonProblems(command, true);
  const { homeVerificationBy, procedureBy } = facts;
  checkDeadline(homeVerificationBy, data.on, 'homeVerificationBy', problems);
  checkDeadline(procedureBy, homeVerificationBy, 'procedureBy', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const accepted = { ...stepRecord(command), homeVerificationBy, procedureBy };
  if (sameStep(monitored.identification.acceptance, accepted, ['homeVerificationBy', 'procedureBy'])) return [];
  expectStep(monitored, 'lead-decision');
  checkDateOrder(monitored, data.on);
  return [{ type: 'MonitoringCaseLeadAccepted', data: accepted }];
}

/** Dismisses the lead with its reason: the case ends. */
export function dismissLead(command: DismissLead, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  throwIfAny(commonProblems(command, true));
  const monitored = opened(state);
  const dismissed = stepRecord(command);
  if (sameStep(monitored.identification.dismissal, dismissed)) return [];
  expectStep(monitored, 'lead-decision');
  checkDateOrder(monitored, command.data.on);
  return [{ type: 'MonitoringCaseLeadDismissed', data: dismissed }];
}
