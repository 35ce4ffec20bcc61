import { Pool, type PoolClient } from 'pg';
import {
  catchUpSubscription,
  OpenSubscriptions,
  EventStoreClosed,
  EventStoreError,
  prepareAppend,
  prepareAppends,
  type StreamAppend,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventSubscription,
  type LogSeals,
  type SealableEventStore,
  type NewEvent,
  type PreparedAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import { AppendRolledBack, isRevisionRace, writeAppend } from './append-writer';
import { CommitSignal } from './commit-signal';
import { GroupCommitter } from './group-committer';
import { writeGroup } from './group-writer';
import { readPage, readStreamPage, waitForRunningTransactions } from './log-reader';
import { PostgresLogSeals } from './postgres-log-seals';
import { ensureSchema } from './schema';
import { schemaStatements, type SchemaStatements } from './sql-statements';

/** Options of {@link PostgresEventStore.open}: a connection string (the store owns its pool) or a pool it borrows. */
export type PostgresEventStoreOptions = (
  | { readonly connectionString: string; /** Connections in the owned pool; default 10. */ readonly poolSize?: number }
  | { readonly pool: Pool }
) & {
  /** PostgreSQL schema holding the tables; created when missing. Default `event_store`. */
  readonly schema?: string;
  /** How often a waiting subscription re-reads without any signal; default 100 ms. */
  readonly pollIntervalMs?: number;
  /** Rows per page for reads; default 256. */
  readonly readPageSize?: number;
  /**
   * Group-commit transactions in flight at once, each holding a pooled connection while it
   * runs; default 2. Appends arriving meanwhile queue for the next group.
   */
  readonly maxConcurrentGroups?: number;
  /** Events per group-commit transaction; default 2000 (one larger append still goes alone). */
  readonly maxGroupEvents?: number;
};

/** Appends retried after a unique violation on (stream_id, revision) before giving up. */
const RACE_RETRIES = 2;

/**
 * The event store on PostgreSQL (pg). Concurrent appends are group-committed: queued and
 * written together, one transaction and one INSERT per group, each append with its own
 * checks and outcome (see group-committer.ts and group-writer.ts); streams are serialised
 * by advisory locks (see append-writer.ts); reads of the global log stop at a safe
 * high-water mark so that subscribers never skip an event that commits late (see
 * log-reader.ts).
 */
export class PostgresEventStore implements SealableEventStore {
  private readonly signal: CommitSignal;
  private readonly committer: GroupCommitter;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;
  private seals: PostgresLogSeals | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    private readonly sql: SchemaStatements,
    private readonly pageSize: number,
    pollIntervalMs: number,
    limits: { maxGroups: number; maxEvents: number },
  ) {
    this.signal = new CommitSignal(pool, sql.channel, pollIntervalMs);
    this.committer = new GroupCommitter(
      pool,
      sql,
      { ...limits, maxAppends: 1000 },
      (append) => this.appendAlone(append),
      () => this.signal.committed(),
    );
  }

  /** Connects, creates the schema when missing, and checks its version. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const sql = schemaStatements(options.schema ?? 'event_store');
    const limits = {
      maxGroups: positiveInteger('maxConcurrentGroups', options.maxConcurrentGroups ?? 2),
      maxEvents: positiveInteger('maxGroupEvents', options.maxGroupEvents ?? 2000),
    };
    const owned = 'connectionString' in options;
    const pool = owned
      ? new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 })
      : options.pool;
    try {
      const client = await pool.connect();
      try {
        await ensureSchema(client, sql.schema);
      } finally {
        client.release();
      }
    } catch (error) {
      if (owned) await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, owned, sql, options.readPageSize ?? 256, options.pollIntervalMs ?? 100, limits);
  }

  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosed());
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppend(streamId, events, options);
    } catch (error) {
      return Promise.reject(error);
    }
    const append = this.committer.submit(prepared);
    this.inFlight.add(append);
    void append.finally(() => this.inFlight.delete(append)).catch(() => undefined);
    return append;
  }

  /**
   * Atomic appends in one transaction of their own, not in a group: the per-append outcomes
   * of a group would let some appends commit without the others. The streams' locks are
   * waited for in lock-key order (groups only try theirs and never wait, single appends hold
   * one), so no deadlock; then the group writer decides every append against the locked heads
   * and writes all rows in one INSERT at positions reserved in one statement under the
   * position lock — the ordering invariant of append-writer.ts holds, and the request's
   * positions are contiguous in its order. The first refused append rolls everything back.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new EventStoreClosed());
    let prepared: PreparedAppend[];
    try {
      prepared = prepareAppends(appends);
    } catch (error) {
      return Promise.reject(error);
    }
    const append = this.appendAtomic(prepared);
    this.inFlight.add(append);
    void append.finally(() => this.inFlight.delete(append)).catch(() => undefined);
    return append;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    let next = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    while (remaining > 0 && next >= 0) {
      this.assertOpen();
      const limit = Math.min(remaining, this.pageSize);
      const rows = await readStreamPage(this.pool, this.sql, streamId, next, limit, backwards);
      for (const event of rows) yield event;
      if (rows.length < limit) return;
      remaining -= rows.length;
      next = rows[rows.length - 1].revision + (backwards ? -1 : 1);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    // Without this wait, an append acknowledged just before the call could still be above
    // the mark (another transaction running) and missing from the result.
    await waitForRunningTransactions(this.pool);
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    let after = (options.fromPosition ?? 0) - 1;
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(remaining, this.pageSize);
      const rows = await readPage(this.pool, this.sql, after, limit);
      for (const event of rows) yield event;
      if (rows.length < limit) return;
      remaining -= rows.length;
      after = rows[rows.length - 1].position;
    }
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    this.assertOpen();
    let seen = this.signal.current();
    const subscription = catchUpSubscription(
      {
        readPage: async (after, limit) => {
          if (this.closed) return [];
          seen = this.signal.current();
          return readPage(this.pool, this.sql, after, limit);
        },
        waitForNewEvents: (_after, abort) => this.signal.wait(seen, abort),
      },
      options,
    );
    return this.subscriptions.track(subscription);
  }

  /** The seals of this schema's log, on this store's pool. */
  logSeals(): LogSeals {
    this.seals ??= new PostgresLogSeals(this.pool, this.sql, () => this.assertOpen());
    return this.seals;
  }

  /** The highest committed position, mark or not: a lag gauge, not a read bound. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    const result = await this.pool.query({ ...this.sql.headPosition, rowMode: 'array' });
    return Number(result.rows[0][0]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.subscriptions.stopAll();
    await this.signal.close();
    if (this.ownsPool) await this.pool.end();
  }

  /** One append in a transaction of its own: the group committer's path for what it cannot group. */
  private async appendAlone(prepared: PreparedAppend): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.inTransaction((client) => writeAppend(client, this.sql, prepared));
        this.signal.committed();
        return result;
      } catch (error) {
        if (!isRevisionRace(error)) throw error;
        // A writer outside this store's locking took the revision: re-run the append, which
        // then sees that writer's events (conflict, or an idempotent replay).
        if (attempt < RACE_RETRIES) continue;
        const head = await this.readStreamHead(prepared.streamId);
        throw new WrongExpectedRevision(prepared.streamId, prepared.expectedRevision, head);
      }
    }
  }

  private async appendAtomic(prepared: readonly PreparedAppend[]): Promise<AppendResult[]> {
    const streamIds = [...new Set(prepared.map((a) => a.streamId))];
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await this.inTransaction(async (client) => {
          await client.query({ ...this.sql.lockStreamsInOrder, values: [this.sql.lockKey, streamIds] });
          const written = await writeGroup(client, this.sql, prepared, true);
          return written.outcomes.map((outcome) => {
            // Every stream is locked here, so nothing is deferred and every outcome is a success.
            if (!outcome?.ok) throw new Error('Atomic appends left an append undecided');
            return outcome.result;
          });
        });
        this.signal.committed();
        return results;
      } catch (error) {
        if (!isRevisionRace(error)) throw error;
        if (attempt < RACE_RETRIES) continue;
        const raced = prepared[0];
        throw new WrongExpectedRevision(
          raced.streamId,
          raced.expectedRevision,
          await this.readStreamHead(raced.streamId),
        );
      }
    }
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (error instanceof AppendRolledBack) throw error;
        if (error instanceof EventStoreError) {
          await client.query('ROLLBACK');
          throw error;
        }
        // Unknown state (maybe holding the position lock): destroy the connection, which
        // rolls back and frees every lock it held.
        broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    } finally {
      client.release(broken ?? false);
    }
  }

  private async readStreamHead(streamId: string): Promise<number | null> {
    const rows = (await this.pool.query({ ...this.sql.head, values: [streamId], rowMode: 'array' })).rows;
    return rows.length > 0 ? Number(rows[0][0]) : null;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosed();
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`PostgresEventStore option ${name} must be a positive integer, got ${value}`);
  return value;
}
