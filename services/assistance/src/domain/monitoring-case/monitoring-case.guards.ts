import {
  freeTextFault,
  isIsoDate,
  type DomainError,
  type DomainProblem,
  type IsoDate,
} from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '@relapse-watch/event-store-core';
import type { TodayFact } from './monitoring-case.commands';
import { caseError, caseErrorWith, caseProblem } from './monitoring-case.errors';
import type { MonitoringCaseState, OpenedCase } from './monitoring-case.state';
import { CASE_STEP_LABELS, nextStepOf, type CaseStep } from './monitoring-case.steps';
import type { StepRecord } from './monitoring-case.values';

// Checks every decide function of the case shares; input checks add to a list, so one refusal
// reports every problem of a command at once.

/** Problems found so far. */
export type Problems = DomainProblem[];

/** Any case command, for the checks every command shares. */
export interface AnyCaseCommand {
  readonly actor: Actor;
  readonly data: { readonly on: IsoDate; readonly reason?: string | null };
  readonly facts: TodayFact;
}

/** An id made by a handler or a sender system: visible ASCII, no spaces (never a name). */
const ID = /^[\x21-\x7e]{1,100}$/;

/** Whether the value is an id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** Adds a problem when the value is not an id. */
export function checkId(value: unknown, field: string, problems: Problems): void {
  if (!isId(value)) problems.push(caseProblem('case.id', field));
}

/** Adds a problem when a deadline fact is not a real date or lies before the day it counts from. */
export function checkDeadline(value: unknown, from: IsoDate, field: string, problems: Problems): void {
  if (typeof value !== 'string' || !isIsoDate(value) || value < from)
    problems.push(caseProblem('case.deadline', field));
}

/** Adds a problem when a required text is blank, too long or holds control characters. */
export function checkText(value: unknown, maxLength: number, field: string, problems: Problems): void {
  if (freeTextFault(value, maxLength) !== null) problems.push(caseProblem('case.text', field));
}

/** Adds a problem when a date is not real or lies after today; true when it is a real date. */
export function checkDate(value: unknown, today: IsoDate, field: string, problems: Problems): value is IsoDate {
  const real = typeof value === 'string' && isIsoDate(value);
  if (!real || value > today) problems.push(caseProblem('case.date', field));
  return real;
}

/**
 * The checks every command shares: the actor, the day (real, not after today) and the reason —
 * required for a decision, optional but well formed for a step that only records.
 */
export function commonProblems(command: AnyCaseCommand, reasonRequired: boolean): Problems {
  const problems: Problems = [];
  const { actor, data, facts } = command;
  if (freeTextFault(actor?.userId, 100) !== null || freeTextFault(actor?.role, 50) !== null)
    problems.push(caseProblem('case.actor', 'actor'));
  checkDate(data.on, facts.today, 'on', problems);
  const reason = data.reason ?? null;
  if ((reasonRequired || reason !== null) && freeTextFault(reason, 500) !== null)
    problems.push(caseProblem('case.reason-required', 'reason'));
  return problems;
}

/** Who, when and why, copied field by field so nothing else a caller adds reaches an event. */
export function stepRecord(command: AnyCaseCommand): StepRecord {
  const { actor, data } = command;
  return { actor: { userId: actor.userId, role: actor.role }, on: data.on, reason: data.reason ?? null };
}

/**
 * Whether a step already recorded is the one a command would record: the same content, day and
 * reason, whoever re-sends it. A repeat is a no-op; anything else goes on to the order checks.
 */
export function sameStep<T extends StepRecord>(
  recorded: T | null,
  candidate: T,
  ignored: readonly (keyof T)[] = [],
): boolean {
  if (recorded === null) return false;
  const strip = (step: T) =>
    Object.fromEntries(Object.entries(step).filter(([key]) => key !== 'actor' && !ignored.includes(key as keyof T)));
  return isDeepStrictEqual(strip(recorded), strip(candidate));
}

/** The state of a case that must exist already. */
export function opened(state: MonitoringCaseState): OpenedCase {
  if (state.kind === 'none') throw caseError('case.not-open');
  return state;
}

/** Refuses any step once the case has ended or relapsed into another. */
export function checkNotClosed(state: OpenedCase): void {
  if (state.phase === 'dismissed' || state.phase === 'rejected') throw caseError('case.closed');
  if (state.relapse !== null) throw caseError('case.relapsed');
}

/** Refuses a step the case does not wait for, naming the one it does wait for. */
export function expectStep(state: OpenedCase, step: CaseStep): void {
  checkNotClosed(state);
  if (nextStepOf(state.phase) !== step) throw stepOutOfOrder(state);
}

/** The step-out-of-order refusal, naming the step the case waits for. */
export function stepOutOfOrder(state: OpenedCase): DomainError {
  const expected = nextStepOf(state.phase);
  const zh = expected === null ? '无' : `${CASE_STEP_LABELS[expected]}（${expected}）`;
  return caseErrorWith('case.step-out-of-order', 'type', expected ?? 'none', zh);
}

/** Refuses a step dated before the step it follows. */
export function checkDateOrder(state: OpenedCase, on: IsoDate): void {
  if (on < state.lastOn) throw caseError('case.date-order', 'on');
}
