import { randomUUID } from 'node:crypto';
import { OPERATOR } from '@relapse-watch/access';
import { DomainError, type Clock, type IsoDate } from '@relapse-watch/domain-kernel';
import type { MarkOverdue } from '../domain/monitoring-case/monitoring-case.commands';
import { pendingSteps } from '../read-model/case-list/case-list.deadlines';
import type { CaseListDocument } from '../read-model/case-list/case-list.document';
import type { CaseListQueries } from '../read-model/case-list/case-list.queries';
import type { CaseCommands } from './case-commands';

/** A mark the watcher owes a case: the data of its `MarkOverdue` command. */
export interface DueMark {
  readonly caseId: string;
  readonly mark: MarkOverdue['data'];
}

/**
 * The overdue marks due on `today` for one case: each step whose deadline has passed (today is
 * strictly after its last day, which itself still counts: 民法典 art. 203) and that is neither
 * done (accept: accepted or dismissed; home verification: verified; procedure: identified or
 * rejected) nor marked already, while the case runs.
 */
export function dueMarks(doc: CaseListDocument, today: IsoDate): readonly DueMark[] {
  return pendingSteps(doc)
    .filter(({ dueOn }) => today > dueOn)
    .map(({ step, dueOn }) => ({ caseId: doc.caseId, mark: { on: today, step, dueOn } }));
}

/** What one run did. */
export interface DeadlineWatchReport {
  readonly today: IsoDate;
  /** Cases the scan found with a deadline passed. */
  readonly casesDue: number;
  /** Marks recorded in this run (a mark another run recorded first is not counted). */
  readonly marked: readonly DueMark[];
  /** Marks the case refused (it moved on since the list was read), with the rule's code. */
  readonly refused: readonly (DueMark & { readonly code: string })[];
}

/** Dependencies of {@link DeadlineWatcher}. */
export interface DeadlineWatcherDeps {
  readonly queries: Pick<CaseListQueries, 'pastDeadline'>;
  readonly commands: Pick<CaseCommands, 'markOverdue'>;
  /** The same clock as the commands': a mark is dated today, and never after the decider's today. */
  readonly clock: Clock;
}

/**
 * Marks the steps whose deadline passed (issue 12: overdue cases are flagged), as the operator.
 * No timer here: the module calls {@link runOnce} on an interval, and a run that finds nothing
 * costs one indexed read. Running twice, or in two processes at once, is harmless: the decider
 * marks a step once and answers a repeat with no event.
 */
export class DeadlineWatcher {
  constructor(private readonly deps: DeadlineWatcherDeps) {}

  /**
   * Scans the case list for cases past a deadline on `today` (default: the clock's date) and
   * marks each step due. The whole scan is read before the first mark: the list is paged by
   * offset, and the marks move the cases they mark out of the scan's order as the projection
   * applies them, which would make later pages skip cases. A case the list shows late (the
   * projection still catching up) is marked by the next run, or refused by the decider when it
   * moved on, which the report lists.
   */
  async runOnce(today: IsoDate = this.deps.clock.dateAt(this.deps.clock.now())): Promise<DeadlineWatchReport> {
    const due: DueMark[] = [];
    let casesDue = 0;
    for await (const doc of this.deps.queries.pastDeadline(today)) {
      const marks = dueMarks(doc, today);
      if (marks.length > 0) casesDue += 1;
      due.push(...marks);
    }
    const correlationId = `deadline-watch-${today}-${randomUUID()}`;
    const marked: DueMark[] = [];
    const refused: (DueMark & { code: string })[] = [];
    for (const entry of due) {
      try {
        const result = await this.deps.commands.markOverdue(entry.caseId, entry.mark, {
          caller: OPERATOR,
          correlationId,
        });
        if (result.events.length > 0) marked.push(entry);
      } catch (error) {
        // A refusal concerns this case only; anything else (the store is down) ends the run.
        if (!(error instanceof DomainError)) throw error;
        refused.push({ ...entry, code: error.code });
      }
    }
    return { today, casesDue, marked, refused };
  }
}
