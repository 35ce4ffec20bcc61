import { throwIfAny, type IsoDate } from '@relapse-watch/domain-kernel';
import type { MarkOverdue } from './monitoring-case.commands';
import { caseError, caseProblem } from './monitoring-case.errors';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import { checkNotClosed, commonProblems, opened, stepRecord } from './monitoring-case.guards';
import { deadlineOf, type MonitoringCaseState, type OpenedCase } from './monitoring-case.state';
import { OVERDUE_STEPS, type OverdueStep } from './monitoring-case.values';

/** The day a step with a deadline was done, or null while it is not. */
function doneOn(state: OpenedCase, step: OverdueStep): IsoDate | null {
  const steps = state.identification;
  if (step === 'accept') return steps.acceptance?.on ?? null;
  if (step === 'home-verification') return steps.homeVerification?.on ?? null;
  return steps.identification?.on ?? null;
}

/**
 * Marks a step overdue (DOMAIN.md: overdue cases are flagged), once per step: the deadline watcher
 * may send it again. A step is overdue when its deadline has passed and it was not done by then —
 * one done late and not marked yet is marked late, so the report still counts it.
 */
export function markOverdue(command: MarkOverdue, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { step, dueOn, on } = command.data;
  const problems = commonProblems(command, false);
  if (!(OVERDUE_STEPS as readonly unknown[]).includes(step)) problems.push(caseProblem('case.overdue-step', 'step'));
  throwIfAny(problems);
  const monitored = opened(state);
  if (monitored.overdue.some((o) => o.step === step)) return [];
  checkNotClosed(monitored);
  if (deadlineOf(monitored, step) !== dueOn) throw caseError('case.deadline-mismatch', 'dueOn');
  if (on <= dueOn) throw caseError('case.not-overdue', 'on');
  const done = doneOn(monitored, step);
  if (done !== null && done <= dueOn) throw caseError('case.not-overdue', 'step');
  return [{ type: 'MonitoringCaseStepOverdue', data: { ...stepRecord(command), step, dueOn } }];
}
