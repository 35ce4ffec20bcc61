import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  DuplicateEventId,
  eventHash,
  WrongExpectedRevision,
  type AppendResult,
  type PreparedAppend,
} from '@relapse-watch/event-store-core';

interface PendingAppend {
  readonly append: PreparedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** Thrown inside a group transaction: the append at `index` failed in SQLite itself. */
class AppendFailed extends Error {
  constructor(
    readonly index: number,
    readonly failure: unknown,
  ) {
    super('append failed inside a group commit');
  }
}

/**
 * Group commit over one SQLite connection. Appends queue while the event loop is busy;
 * the next turn writes all of them in one transaction with one fsync, each append keeping
 * its own expected-revision check and its own result. No append's promise resolves before
 * the COMMIT that contains it has returned, so with `synchronous=FULL` an acknowledged
 * append is on disk. A failing append is taken out and the rest of its group retried, so
 * one bad append never fails its neighbours.
 */
export class GroupCommitWriter {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly headStmt: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly rangeStmt: StatementSync;
  private readonly findIdStmt: StatementSync;

  constructor(
    private readonly db: DatabaseSync,
    private readonly maxEventsPerCommit: number,
    private readonly onCommit: (lastPosition: number) => void,
  ) {
    this.headStmt = db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.headStmt.setReturnArrays(true);
    this.insertStmt = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.rangeStmt = db.prepare(
      'SELECT revision, event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.rangeStmt.setReturnArrays(true);
    this.findIdStmt = db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ? LIMIT 1');
    this.findIdStmt.setReturnArrays(true);
  }

  /** Queues an append for the next group commit. */
  enqueue(append: PreparedAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ append, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** True while appends wait for a commit. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Writes everything queued now, synchronously (used on close). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      let count = 0;
      let take = 0;
      while (take < this.queue.length && (take === 0 || count + this.queue[take].append.events.length <= this.maxEventsPerCommit)) {
        count += this.queue[take].append.events.length;
        take++;
      }
      const group = this.queue.splice(0, take);
      this.commitGroup(group);
    }
  }

  private commitGroup(group: PendingAppend[]): void {
    let members = group;
    while (members.length > 0) {
      let outcomes: Outcome[];
      try {
        this.db.exec('BEGIN IMMEDIATE');
        outcomes = this.writeAll(members);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        if (error instanceof AppendFailed) {
          members[error.index].reject(error.failure);
          members = members.filter((_, i) => i !== error.index);
          continue;
        }
        for (const m of members) m.reject(error);
        return;
      }
      let last = 0;
      for (let i = 0; i < members.length; i++) {
        const outcome = outcomes[i];
        if (outcome.ok) {
          members[i].resolve(outcome.result);
          if (outcome.result.lastPosition > last) last = outcome.result.lastPosition;
        } else {
          members[i].reject(outcome.error);
        }
      }
      if (last > 0) this.onCommit(last);
      return;
    }
  }

  private writeAll(members: readonly PendingAppend[]): Outcome[] {
    const heads = new Map<string, StreamHead | null>();
    const recordedAt = new Date().toISOString();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < members.length; i++) {
      try {
        outcomes.push(this.writeOne(members[i].append, heads, recordedAt));
      } catch (error) {
        throw new AppendFailed(i, error);
      }
    }
    return outcomes;
  }

  private writeOne(append: PreparedAppend, heads: Map<string, StreamHead | null>, recordedAt: string): Outcome {
    const { streamId, expectedRevision, events } = append;
    let head = heads.get(streamId);
    if (head === undefined) {
      const row = this.headStmt.get(streamId) as unknown as [number, string] | undefined;
      head = row ? { revision: row[0], hash: row[1] } : null;
    }
    const actual = head ? head.revision : null;

    let conflict: boolean;
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      conflict = expectedRevision === 'stream_exists' && head === null;
      if (head !== null) {
        // Idempotency without a revision to go by: is the first event already in the stream?
        const found = this.findIdStmt.get(streamId, events[0].id) as unknown as [number] | undefined;
        if (found) return this.replayOutcome(append, found[0], actual);
      }
    } else {
      const expected = expectedRevision === 'no_stream' ? -1 : expectedRevision;
      conflict = (actual ?? -1) !== expected;
      if (conflict && actual !== null && actual > expected) return this.replayOutcome(append, expected + 1, actual);
    }
    if (conflict) return { ok: false, error: new WrongExpectedRevision(streamId, expectedRevision, actual) };

    let revision = actual ?? -1;
    let prevHash = head ? head.hash : null;
    let position = 0;
    for (const e of events) {
      revision++;
      const hash = eventHash(
        { streamId, revision, id: e.id, type: e.type, schemaVersion: e.schemaVersion, dataJson: e.dataJson, metadataJson: e.metadataJson, recordedAt },
        prevHash,
      );
      const info = this.insertStmt.run(streamId, revision, e.id, e.type, e.schemaVersion, e.dataJson, e.metadataJson, recordedAt, prevHash, hash);
      position = Number(info.lastInsertRowid);
      prevHash = hash;
    }
    heads.set(streamId, { revision, hash: prevHash as string });
    return { ok: true, result: { nextRevision: revision, lastPosition: position } };
  }

  /**
   * The stream already holds events where this append would have put its first one: the
   * same ids in the same order make it a re-send (the original result, nothing written);
   * any of its ids there otherwise is a partial overlap; none is a plain conflict.
   */
  private replayOutcome(append: PreparedAppend, fromRevision: number, actual: number | null): Outcome {
    const { streamId, events } = append;
    const rows = this.rangeStmt.all(streamId, fromRevision, events.length) as unknown as [number, string, number][];
    if (rows.length === events.length && rows.every((row, i) => row[1] === events[i].id)) {
      const last = rows[rows.length - 1];
      return { ok: true, result: { nextRevision: last[0], lastPosition: last[2] } };
    }
    const ids = new Set(events.map((e) => e.id));
    const overlap = rows.find((row) => ids.has(row[1]));
    if (overlap) return { ok: false, error: new DuplicateEventId(streamId, overlap[1]) };
    return { ok: false, error: new WrongExpectedRevision(streamId, append.expectedRevision, actual) };
  }
}
