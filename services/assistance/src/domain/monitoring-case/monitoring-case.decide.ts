import { assertNever } from '@relapse-watch/domain-kernel';
import type { MonitoringCaseCommand } from './monitoring-case.commands';
import {
  grantElimination,
  proposeElimination,
  recordEliminationVerification,
  recordFollowUpVisit,
  recordRelapse,
  rejectElimination,
} from './monitoring-case-elimination.decide';
import {
  approveIdentification,
  recordDepartmentComparison,
  recordHomeVerification,
  rejectIdentification,
} from './monitoring-case-identification.decide';
import { importCase } from './monitoring-case-import.decide';
import { acceptLead, addLeadEvidence, dismissLead, openCase } from './monitoring-case-lead.decide';
import {
  closePublicNotice,
  postPublicNotice,
  recordObjection,
  resolveObjection,
} from './monitoring-case-notice.decide';
import { markOverdue } from './monitoring-case-overdue.decide';
import { recordTownshipReview, recordVillageReview } from './monitoring-case-review.decide';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import type { MonitoringCaseState } from './monitoring-case.state';

/**
 * Decides one command of a monitoring case; pure. Each step checks its input (every problem at
 * once), then whether it repeats what is recorded (a no-op), then the case's order: not ended,
 * the step the case waits for, not dated before the step it follows.
 */
export function decide(command: MonitoringCaseCommand, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return openCase(command, state);
    case 'ImportCase':
      return importCase(command, state);
    case 'AddLeadEvidence':
      return addLeadEvidence(command, state);
    case 'AcceptLead':
      return acceptLead(command, state);
    case 'DismissLead':
      return dismissLead(command, state);
    case 'RecordHomeVerification':
      return recordHomeVerification(command, state);
    case 'RecordDepartmentComparison':
      return recordDepartmentComparison(command, state);
    case 'RecordVillageReview':
      return recordVillageReview(command, state);
    case 'PostPublicNotice':
      return postPublicNotice(command, state);
    case 'RecordObjection':
      return recordObjection(command, state);
    case 'ResolveObjection':
      return resolveObjection(command, state);
    case 'ClosePublicNotice':
      return closePublicNotice(command, state);
    case 'RecordTownshipReview':
      return recordTownshipReview(command, state);
    case 'ApproveIdentification':
      return approveIdentification(command, state);
    case 'RejectIdentification':
      return rejectIdentification(command, state);
    case 'MarkOverdue':
      return markOverdue(command, state);
    case 'ProposeElimination':
      return proposeElimination(command, state);
    case 'RecordEliminationVerification':
      return recordEliminationVerification(command, state);
    case 'GrantElimination':
      return grantElimination(command, state);
    case 'RejectElimination':
      return rejectElimination(command, state);
    case 'RecordFollowUpVisit':
      return recordFollowUpVisit(command, state);
    case 'RecordRelapse':
      return recordRelapse(command, state);
    default:
      return assertNever(command, 'monitoring case command');
  }
}
