import { throwIfAny } from '@relapse-watch/domain-kernel';
import type {
  GrantElimination,
  ProposeElimination,
  RecordEliminationVerification,
  RecordFollowUpVisit,
  RecordRelapse,
  RejectElimination,
} from './monitoring-case.commands';
import { caseError, caseProblem } from './monitoring-case.errors';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import {
  checkDateOrder,
  checkId,
  checkNotClosed,
  checkText,
  commonProblems,
  expectStep,
  opened,
  sameStep,
  stepRecord,
} from './monitoring-case.guards';
import { stepsOf, type EliminationSteps, type MonitoringCaseState, type OpenedCase } from './monitoring-case.state';
import type { EliminationReason } from '../risk-elimination/risk-elimination.reasons';

// Risk elimination (风险消除) on an identified case: the guard's verdict, then a procedure that
// mirrors identification (its village review, notice and township review are the shared steps),
// the county's decision, follow-up visits and the link to a relapse.

const GUARD_REASON = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

/** Whether a value has the shape of one of the guard's reasons (the handler passes them as the guard gave them). */
function isGuardReason(value: unknown): value is EliminationReason {
  if (typeof value !== 'object' || value === null) return false;
  const { code, field, message, evidence } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    code.length <= 64 &&
    GUARD_REASON.test(code) &&
    typeof field === 'string' &&
    field.length > 0 &&
    typeof message === 'string' &&
    message.length > 0 &&
    typeof evidence === 'object' &&
    evidence !== null
  );
}

/** The reason copied, so nothing a caller adds beside the guard's four parts reaches the event. */
function copyReason(reason: EliminationReason): EliminationReason {
  const { code, field, message, evidence } = reason;
  return { code, field, message, evidence } as EliminationReason;
}

function elimination(state: OpenedCase): EliminationSteps | null {
  return stepsOf(state, 'elimination') as EliminationSteps | null;
}

/**
 * Asks for elimination with the verdict of the guard the handler ran (income above the year's
 * line and stable for the required months, rigid spending resolved, 3+1 secured, labour capacity).
 * Refused: the refusal and its reasons are recorded, so the history shows the attempt; allowed:
 * the elimination procedure starts.
 */
export function proposeElimination(
  command: ProposeElimination,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { guard } = command.facts;
  const problems = commonProblems(command, true);
  const reasons: readonly unknown[] = Array.isArray(guard?.reasons) ? guard.reasons : [];
  const reasonsOk = reasons.every(isGuardReason);
  if (typeof guard?.allowed !== 'boolean' || !reasonsOk || (!guard.allowed && reasons.length === 0))
    problems.push(caseProblem('case.guard-verdict', 'guard'));
  throwIfAny(problems);
  const monitored = opened(state);
  const record = stepRecord(command);
  if (guard.allowed) {
    if (sameStep(elimination(monitored)?.proposal ?? null, record)) return [];
  } else {
    // The guard's order is kept: it lists the reasons in the order officials work through them,
    // and one code may come several times (one per unresolved item).
    const refused = { ...record, guardReasons: guard.reasons.map(copyReason) };
    if (sameStep(monitored.eliminationRefusals.at(-1) ?? null, refused)) return [];
    expectStep(monitored, 'elimination-proposal');
    checkDateOrder(monitored, record.on);
    return [{ type: 'MonitoringCaseEliminationRefused', data: refused }];
  }
  expectStep(monitored, 'elimination-proposal');
  checkDateOrder(monitored, record.on);
  return [{ type: 'MonitoringCaseEliminationProposed', data: record }];
}

/** Records the elimination's home verification. */
export function recordEliminationVerification(
  command: RecordEliminationVerification,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const problems = commonProblems(command, false);
  checkText(command.data.findings, 2000, 'findings', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const verified = { ...stepRecord(command), findings: command.data.findings };
  if (sameStep(elimination(monitored)?.verification ?? null, verified)) return [];
  expectStep(monitored, 'elimination-verification');
  checkDateOrder(monitored, verified.on);
  return [{ type: 'MonitoringCaseEliminationVerified', data: verified }];
}

/** The county grants the elimination: the overlay ends, the record stays. */
export function grantElimination(
  command: GrantElimination,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  throwIfAny(commonProblems(command, true));
  const monitored = opened(state);
  const granted = stepRecord(command);
  if (sameStep(monitored.elimination?.grant ?? null, granted)) return [];
  expectStep(monitored, 'elimination-decision');
  checkDateOrder(monitored, granted.on);
  return [{ type: 'MonitoringCaseRiskEliminated', data: granted }];
}

/** The county turns the elimination down: the household stays monitored. */
export function rejectElimination(
  command: RejectElimination,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  throwIfAny(commonProblems(command, true));
  const monitored = opened(state);
  const rejected = { ...stepRecord(command), at: 'county' as const };
  if (sameStep(monitored.elimination?.rejection ?? null, rejected)) return [];
  expectStep(monitored, 'elimination-decision');
  checkDateOrder(monitored, rejected.on);
  return [{ type: 'MonitoringCaseEliminationRejected', data: rejected }];
}

/** A follow-up visit after elimination (idempotent by its id); none after a relapse. */
export function recordFollowUpVisit(
  command: RecordFollowUpVisit,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, false);
  checkId(data.visitId, 'visitId', problems);
  checkText(data.findings, 2000, 'findings', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const visit = { ...stepRecord(command), visitId: data.visitId, findings: data.findings };
  const earlier = monitored.followUpVisits.find((v) => v.visitId === data.visitId);
  if (earlier !== undefined) {
    if (sameStep(earlier, visit)) return [];
    throw caseError('case.visit-id-taken', 'visitId');
  }
  checkNotClosed(monitored);
  expectStep(monitored, 'follow-up');
  const eliminatedOn = monitored.elimination?.grant?.on ?? visit.on;
  if (visit.on < eliminatedOn) throw caseError('case.date-order', 'on');
  return [{ type: 'MonitoringCaseFollowUpVisitRecorded', data: visit }];
}

/** Links the eliminated case forward to the new episode's case (see `RecordRelapse`). */
export function recordRelapse(command: RecordRelapse, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, true);
  checkId(data.newCaseId, 'newCaseId', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  if (data.newCaseId === monitored.opening.caseId) throw caseError('case.id', 'newCaseId');
  const relapsed = { ...stepRecord(command), newCaseId: data.newCaseId };
  if (monitored.relapse !== null) {
    if (sameStep(monitored.relapse, relapsed)) return [];
    throw caseError('case.already-relapsed', 'newCaseId');
  }
  expectStep(monitored, 'follow-up');
  checkDateOrder(monitored, relapsed.on);
  return [{ type: 'MonitoringCaseRelapsed', data: relapsed }];
}
