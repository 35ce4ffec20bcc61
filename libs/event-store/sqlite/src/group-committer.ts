import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { eventHash, type AppendResult, type ExpectedRevision, type PreparedAppend } from '@relapse-watch/event-store-core';

/** Why an append of a group was refused; plain data so it can cross a worker boundary. */
export type AppendFailure =
  | { readonly kind: 'wrong-expected-revision'; readonly streamId: string; readonly expected: ExpectedRevision; readonly actual: number | null }
  | { readonly kind: 'duplicate-event-id'; readonly streamId: string; readonly eventId: string }
  | { readonly kind: 'storage'; readonly message: string; readonly errcode?: number };

/** One append's outcome in a group commit. */
export type AppendOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly failure: AppendFailure };

/** Events per INSERT statement: past ~25 rows a statement gains nothing more (measured). */
const ROWS_PER_INSERT = 25;

interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** Thrown inside a group transaction: the append at `index` failed in SQLite itself. */
class StorageFailure extends Error {
  constructor(
    readonly index: number,
    readonly failure: AppendFailure,
  ) {
    super(failure.kind);
  }
}

/**
 * Writes a group of appends in one SQLite transaction — one fsync for all of them — each
 * with its own expected-revision check and its own outcome. A storage error inside one
 * append rolls the transaction back, marks that append failed and retries the rest, so one
 * bad append never fails its neighbours. Synchronous: it runs on the writer thread.
 */
export class GroupCommitter {
  private readonly headStmt: StatementSync;
  private readonly insertStmts = new Map<number, StatementSync>();
  private readonly rangeStmt: StatementSync;
  private readonly findIdStmt: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.headStmt = db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
    this.headStmt.setReturnArrays(true);
    this.rangeStmt = db.prepare(
      'SELECT revision, event_id, position FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    );
    this.rangeStmt.setReturnArrays(true);
    this.findIdStmt = db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ? LIMIT 1');
    this.findIdStmt.setReturnArrays(true);
  }

  /** Commits the group; outcomes are in the order of `appends`. */
  commit(appends: readonly PreparedAppend[]): AppendOutcome[] {
    const outcomes: (AppendOutcome | undefined)[] = new Array(appends.length);
    let members = appends.map((append, index) => ({ append, index }));
    while (members.length > 0) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        const written = this.writeAll(members.map((m) => m.append));
        this.db.exec('COMMIT');
        members.forEach((m, i) => (outcomes[m.index] = written[i]));
        break;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        if (error instanceof StorageFailure) {
          outcomes[members[error.index].index] = { ok: false, failure: error.failure };
          members = members.filter((_, i) => i !== error.index);
          continue;
        }
        for (const m of members) outcomes[m.index] = { ok: false, failure: storageFailure(error) };
        break;
      }
    }
    return outcomes as AppendOutcome[];
  }

  private writeAll(appends: readonly PreparedAppend[]): AppendOutcome[] {
    const heads = new Map<string, StreamHead | null>();
    const recordedAt = new Date().toISOString();
    return appends.map((append, i) => {
      try {
        return this.writeOne(append, heads, recordedAt);
      } catch (error) {
        throw new StorageFailure(i, storageFailure(error));
      }
    });
  }

  private writeOne(append: PreparedAppend, heads: Map<string, StreamHead | null>, recordedAt: string): AppendOutcome {
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
    if (conflict) return { ok: false, failure: { kind: 'wrong-expected-revision', streamId, expected: expectedRevision, actual } };

    let revision = actual ?? -1;
    let prevHash = head ? head.hash : null;
    let position = 0;
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const chunk = events.slice(start, start + ROWS_PER_INSERT);
      const params: (string | number | null)[] = [];
      for (const e of chunk) {
        revision++;
        const hash = eventHash(
          { streamId, revision, id: e.id, type: e.type, schemaVersion: e.schemaVersion, dataJson: e.dataJson, metadataJson: e.metadataJson, recordedAt },
          prevHash,
        );
        params.push(streamId, revision, e.id, e.type, e.schemaVersion, e.dataJson, e.metadataJson, recordedAt, prevHash, hash);
        prevHash = hash;
      }
      // Rows of one INSERT get consecutive rowids (max + 1 each; this is the only writer), so
      // the last rowid is the position of the chunk's last event.
      position = Number(this.insertStatement(chunk.length).run(...params).lastInsertRowid);
    }
    heads.set(streamId, { revision, hash: prevHash as string });
    return { ok: true, result: { nextRevision: revision, lastPosition: position } };
  }

  /** A multi-row INSERT: one call into SQLite per chunk instead of per event (measured ~1.4× faster). */
  private insertStatement(rows: number): StatementSync {
    let stmt = this.insertStmts.get(rows);
    if (!stmt) {
      stmt = this.db.prepare(
        'INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES ' +
          Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
      );
      this.insertStmts.set(rows, stmt);
    }
    return stmt;
  }

  /**
   * The stream already holds events where this append would have put its first one: the
   * same ids in the same order make it a re-send (the original result, nothing written);
   * any of its ids there otherwise is a partial overlap; none is a plain conflict.
   */
  private replayOutcome(append: PreparedAppend, fromRevision: number, actual: number | null): AppendOutcome {
    const { streamId, events } = append;
    const rows = this.rangeStmt.all(streamId, fromRevision, events.length) as unknown as [number, string, number][];
    if (rows.length === events.length && rows.every((row, i) => row[1] === events[i].id)) {
      const last = rows[rows.length - 1];
      return { ok: true, result: { nextRevision: last[0], lastPosition: last[2] } };
    }
    const ids = new Set(events.map((e) => e.id));
    const overlap = rows.find((row) => ids.has(row[1]));
    if (overlap) return { ok: false, failure: { kind: 'duplicate-event-id', streamId, eventId: overlap[1] } };
    return { ok: false, failure: { kind: 'wrong-expected-revision', streamId, expected: append.expectedRevision, actual } };
  }
}

function storageFailure(error: unknown): AppendFailure {
  const e = error as { message?: string; errcode?: number };
  return { kind: 'storage', message: e?.message ?? String(error), errcode: e?.errcode };
}
