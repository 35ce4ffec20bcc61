import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import { nextStepOf } from '../../domain/monitoring-case/monitoring-case.steps';
import { OVERDUE_STEPS, type OverdueStep } from '../../domain/monitoring-case/monitoring-case.values';
import type { CaseListDocument } from './case-list.document';

// The steps with a deadline as the case list sees them, written once for the document's derived
// fields and for the deadline watcher, so the list and the watcher never disagree on what waits.

/** A step's deadline; null until it has one (the later two start at acceptance). */
export function deadlineOf(doc: CaseListDocument, step: OverdueStep): IsoDate | null {
  switch (step) {
    case 'accept':
      return doc.acceptBy;
    case 'home-verification':
      return doc.homeVerificationBy;
    case 'procedure':
      return doc.procedureBy;
    default:
      return assertNever(step, 'overdue step');
  }
}

/**
 * Whether the step is done, on time or not: the lead accepted or dismissed; the household
 * verified at home; the identification decided by the county, either way. An identified case has
 * done them all, also one imported from the national system, whose steps happened there.
 */
export function isStepDone(doc: CaseListDocument, step: OverdueStep): boolean {
  switch (step) {
    case 'accept':
      return doc.acceptedOn !== null || doc.dismissedOn !== null || doc.identifiedOn !== null;
    case 'home-verification':
      return doc.homeVerifiedOn !== null || doc.identifiedOn !== null;
    case 'procedure':
      return doc.identifiedOn !== null || doc.rejectedOn !== null;
    default:
      return assertNever(step, 'overdue step');
  }
}

/** Whether the watcher already marked the step (the decider marks a step once). */
export function isStepMarked(doc: CaseListDocument, step: OverdueStep): boolean {
  return doc.overdueSteps.some((mark) => mark.step === step);
}

/** The steps that have a deadline and are neither done nor marked yet: what may still fall overdue. */
export function pendingSteps(doc: CaseListDocument): readonly { step: OverdueStep; dueOn: IsoDate }[] {
  // The decider refuses a mark on a case that ended or relapsed, whatever its steps say.
  if (!doc.running) return [];
  return OVERDUE_STEPS.flatMap((step) => {
    const dueOn = deadlineOf(doc, step);
    return dueOn === null || isStepDone(doc, step) || isStepMarked(doc, step) ? [] : [{ step, dueOn }];
  });
}

/**
 * The document with its derived fields brought up to date: whether it runs, the step it waits
 * for, whether it is behind, its next deadline, whether the overlay holds.
 */
export function settled(doc: CaseListDocument): CaseListDocument {
  const ended = doc.phase === 'dismissed' || doc.phase === 'rejected' || doc.phase === 'eliminated';
  const running = !ended && doc.relapseCaseId === null;
  const next = { ...doc, running };
  const dueDays = pendingSteps(next).map((p) => p.dueOn);
  const nextDueOn = dueDays.length === 0 ? null : dueDays.reduce((a, b) => (b < a ? b : a));
  return {
    ...next,
    waitingFor: doc.relapseCaseId === null ? nextStepOf(doc.phase) : null,
    overdue: doc.overdueSteps.some((mark) => !isStepDone(doc, mark.step)),
    nextDueOn,
    awaitingDeadline: nextDueOn !== null,
    monitored: doc.identifiedOn !== null && doc.eliminatedOn === null,
  };
}
