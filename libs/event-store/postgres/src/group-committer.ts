import type { Pool, PoolClient } from 'pg';
import type { AppendResult, PreparedAppend } from '@relapse-watch/event-store-core';
import { AppendRolledBack } from './append-writer';
import { writeGroup, type GroupWritten } from './group-writer';
import type { SchemaStatements } from './sql-statements';

/** Limits of {@link GroupCommitter}. */
export interface GroupCommitLimits {
  /** Group transactions in flight at once, each on its own pooled connection. */
  readonly maxGroups: number;
  /** Events per group (a larger single append still forms a group of its own). */
  readonly maxEvents: number;
  /** Appends per group. */
  readonly maxAppends: number;
}

/**
 * Characters of data and metadata JSON per group (a larger single append still forms a group
 * of its own): each text column travels as one parameter, and a V8 string or a PostgreSQL
 * text value has a size limit far below what 2,000 events of up to 8 MB could reach.
 */
const MAX_GROUP_TEXT = 16 * 1024 * 1024;

interface Queued {
  readonly append: PreparedAppend;
  /** Characters of its events' data and metadata JSON. */
  readonly text: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: appends submitted while a group transaction is in flight queue up and are
 * written together by the next one — one transaction, one multi-row INSERT and one WAL flush
 * for all of them (see group-writer.ts for the per-append rules), instead of a transaction
 * each. `synchronous_commit` stays on: an append's promise resolves only after the COMMIT of
 * its group returned, so an acknowledged append is durable.
 *
 * Failure isolation: an append refused by its own check gets its own error and nothing else
 * changes. When the group transaction itself fails (a storage error in the shared INSERT, a
 * lost connection, even at COMMIT), every append of the group is re-run on its own, one
 * transaction each (`alone`): the faulty one fails alone, the others are written — or, if the
 * group did commit after all, found by their event ids and answered as idempotent re-sends.
 */
export class GroupCommitter {
  private queue: Queued[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly pool: Pool,
    private readonly sql: SchemaStatements,
    private readonly limits: GroupCommitLimits,
    /** Writes one append in a transaction of its own (the pre-group path). */
    private readonly alone: (append: PreparedAppend) => Promise<AppendResult>,
    /** Called after each commit that wrote something. */
    private readonly committed: () => void,
  ) {}

  submit(append: PreparedAppend): Promise<AppendResult> {
    let text = 0;
    for (const e of append.events) text += e.dataJson.length + e.metadataJson.length;
    return new Promise((resolve, reject) => {
      this.queue.push({ append, text, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts groups on the next turn of the event loop, so that every append submitted in this
   * turn — e.g. by all the callers a commit just resolved — joins the same group.
   */
  private schedule(): void {
    if (this.scheduled || this.running >= this.limits.maxGroups || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.limits.maxGroups && this.queue.length > 0) {
      const group = this.take();
      this.running++;
      void this.run(group).finally(() => {
        this.running--;
        this.schedule();
      });
    }
  }

  /**
   * The next group: the queue's head, shared fairly between the groups that may start now, so
   * that a burst of appends spreads over every free slot and the groups overlap (one inserting
   * while another waits for its WAL flush) instead of running in turn; one free slot takes all.
   */
  private take(): Queued[] {
    const share = Math.ceil(this.queue.length / (this.limits.maxGroups - this.running));
    const maxAppends = Math.min(this.limits.maxAppends, share);
    let events = 0;
    let text = 0;
    let n = 0;
    while (n < this.queue.length && n < maxAppends) {
      const next = this.queue[n];
      if (n > 0 && (events + next.append.events.length > this.limits.maxEvents || text + next.text > MAX_GROUP_TEXT))
        break;
      events += next.append.events.length;
      text += next.text;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private async run(group: Queued[]): Promise<void> {
    let written: GroupWritten;
    try {
      written = await this.writeInTransaction(group.map((q) => q.append));
    } catch {
      // The group transaction failed as a whole: each append on its own finds its own outcome.
      // Not awaited here (nor below): an append waiting for a stream lock held elsewhere must
      // not keep a group slot, or a few busy streams would stall every other append.
      void this.runAlone(group);
      return;
    }
    if (written.outcomes.some((o) => o?.ok)) this.committed();
    group.forEach((q, i) => {
      const outcome = written.outcomes[i];
      if (!outcome) return;
      if (outcome.ok) q.resolve(outcome.result);
      else q.reject(outcome.error);
    });
    if (written.deferred.length > 0) void this.runAlone(written.deferred.map((i) => group[i]));
  }

  private async writeInTransaction(appends: PreparedAppend[]): Promise<GroupWritten> {
    const client: PoolClient = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const written = await writeGroup(client, this.sql, appends);
      await client.query('COMMIT');
      return written;
    } catch (error) {
      // After AppendRolledBack the connection is clean (rolled back, position lock released);
      // any other failure leaves it in an unknown state: destroying it rolls back and frees
      // every lock it held.
      if (!(error instanceof AppendRolledBack)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken ?? false);
    }
  }

  /**
   * One transaction per append; a stream's appends in their queue order, streams in parallel.
   * Never rejects: each outcome goes to its own caller (whose promise the store tracks).
   */
  private async runAlone(queued: Queued[]): Promise<void> {
    const byStream = new Map<string, Queued[]>();
    for (const q of queued) {
      const list = byStream.get(q.append.streamId);
      if (list) list.push(q);
      else byStream.set(q.append.streamId, [q]);
    }
    await Promise.all(
      [...byStream.values()].map(async (list) => {
        for (const q of list) {
          try {
            q.resolve(await this.alone(q.append));
          } catch (error) {
            q.reject(error);
          }
        }
      }),
    );
  }
}
