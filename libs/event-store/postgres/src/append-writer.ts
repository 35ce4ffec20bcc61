import type { ClientBase } from 'pg';
import {
  DuplicateEventId,
  eventHash,
  WrongExpectedRevision,
  type AppendResult,
  type PreparedAppend,
} from '@relapse-watch/event-store-core';
import type { SchemaStatements } from './sql-statements';

/**
 * The insert failed inside the position critical section (typically a unique violation from
 * a writer that bypassed the stream lock). The transaction has already been rolled back and
 * the position lock released; `cause` is the PostgreSQL error.
 */
export class AppendRolledBack extends Error {
  constructor(override readonly cause: unknown) {
    super(`Append rolled back: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'AppendRolledBack';
  }
}

/** True for the unique violation of (stream_id, revision): a racing writer took the revision. */
export function isRevisionRace(error: unknown): boolean {
  const e = (error instanceof AppendRolledBack ? error.cause : error) as
    { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' && e.constraint === 'events_stream_revision';
}

/**
 * Writes one append inside the caller's open transaction (`BEGIN` done, `COMMIT` left to the
 * caller), with the same expected-revision, idempotency and hash-chain rules as the SQLite
 * adapter's group committer. The store normally writes appends in groups (group-writer.ts,
 * same rules and locks); this is its path for an append that cannot join a group (its
 * stream's lock is held elsewhere, or its group's transaction failed).
 *
 * Two locks, and why:
 * 1. A per-stream transaction advisory lock, taken first. Appends to one stream run one at
 *    a time up to commit, so the head read below sees every earlier append to the stream
 *    (READ COMMITTED takes a fresh snapshot per statement, after the lock was granted) and
 *    the expected-revision check is exact — 50 racing appends give one winner and 49
 *    WrongExpectedRevision with the real actual revision, not unique violations.
 * 2. A global session advisory lock held only around the INSERT, not the commit.
 *    THE ORDERING INVARIANT: for any two event-writing transactions A and B,
 *    txid(A) < txid(B) ⇔ every position of A < every position of B. It holds because a
 *    transaction gets its txid (the `tx_id` default calls pg_current_xact_id(), and nothing
 *    before it writes or locks a row) and all its positions (identity, CACHE 1) inside the
 *    same critical section, and both counters only grow. The subscription relies on it (see
 *    log-reader.ts). Commits — the fsync — stay outside the lock and overlap freely. A
 *    group (group-writer.ts) keeps the invariant the same way: it takes its txid and
 *    reserves its positions from the same sequence under the same lock, then inserts after
 *    releasing it.
 *
 * A session lock survives ROLLBACK, so every path out of the critical section unlocks; if
 * the insert fails the transaction is rolled back here first (an aborted transaction runs
 * no statement) and {@link AppendRolledBack} is thrown. If even that fails, the error
 * escapes and the caller must destroy the connection, which frees the lock.
 *
 * @throws WrongExpectedRevision, DuplicateEventId (transaction still open: roll it back)
 * @throws AppendRolledBack (transaction already rolled back)
 */
export async function writeAppend(
  client: ClientBase,
  sql: SchemaStatements,
  append: PreparedAppend,
): Promise<AppendResult> {
  const { streamId, expectedRevision, events } = append;
  await client.query({ ...sql.lockStream, values: [sql.lockKey, streamId] });
  const headRows = (await client.query({ ...sql.head, values: [streamId], rowMode: 'array' })).rows as [
    string,
    string,
  ][];
  const head = headRows.length > 0 ? { revision: Number(headRows[0][0]), hash: headRows[0][1] } : null;
  const actual = head ? head.revision : null;

  let conflict: boolean;
  if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
    conflict = expectedRevision === 'stream_exists' && head === null;
    if (head !== null) {
      // Idempotency without a revision to go by: is the first event already in the stream?
      const found = await client.query({ ...sql.findEventId, values: [streamId, events[0].id], rowMode: 'array' });
      if (found.rows.length > 0) return replayOutcome(client, sql, append, Number(found.rows[0][0]), actual);
    }
  } else {
    const expected = expectedRevision === 'no_stream' ? -1 : expectedRevision;
    conflict = (actual ?? -1) !== expected;
    if (conflict && actual !== null && actual > expected)
      return replayOutcome(client, sql, append, expected + 1, actual);
  }
  if (conflict) throw new WrongExpectedRevision(streamId, expectedRevision, actual);

  const recordedAt = new Date().toISOString();
  const columns: [number[], string[], string[], number[], string[], string[], (string | null)[], string[]] = [
    [],
    [],
    [],
    [],
    [],
    [],
    [],
    [],
  ];
  let revision = actual ?? -1;
  let prevHash = head ? head.hash : null;
  for (const e of events) {
    revision++;
    const hash = eventHash(
      {
        streamId,
        revision,
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: e.dataJson,
        metadataJson: e.metadataJson,
        recordedAt,
      },
      prevHash,
    );
    columns[0].push(revision);
    columns[1].push(e.id);
    columns[2].push(e.type);
    columns[3].push(e.schemaVersion);
    columns[4].push(e.dataJson);
    columns[5].push(e.metadataJson);
    columns[6].push(prevHash);
    columns[7].push(hash);
    prevHash = hash;
  }

  await client.query({ ...sql.lockPositions, values: [sql.lockKey] });
  let positions: [string][];
  try {
    positions = (await client.query({ ...sql.insert, values: [streamId, recordedAt, ...columns], rowMode: 'array' }))
      .rows as [string][];
  } catch (error) {
    await client.query('ROLLBACK');
    await client.query({ ...sql.unlockPositions, values: [sql.lockKey] });
    throw new AppendRolledBack(error);
  }
  await client.query({ ...sql.unlockPositions, values: [sql.lockKey] });
  const lastPosition = positions.reduce((max, row) => Math.max(max, Number(row[0])), 0);
  return { nextRevision: revision, lastPosition };
}

/**
 * The stream already holds events where this append would have put its first one: the same
 * ids in the same order make it a re-send (the original result, nothing written); any of its
 * ids there otherwise is a partial overlap; none is a plain conflict.
 */
async function replayOutcome(
  client: ClientBase,
  sql: SchemaStatements,
  append: PreparedAppend,
  fromRevision: number,
  actual: number | null,
): Promise<AppendResult> {
  const { streamId, events } = append;
  const result = await client.query({
    ...sql.replayRange,
    values: [streamId, fromRevision, events.length],
    rowMode: 'array',
  });
  const rows = result.rows as [string, string, string][];
  if (rows.length === events.length && rows.every((row, i) => row[1] === events[i].id)) {
    const last = rows[rows.length - 1];
    return { nextRevision: Number(last[0]), lastPosition: Number(last[2]) };
  }
  const ids = new Set(events.map((e) => e.id));
  const overlap = rows.find((row) => ids.has(row[1]));
  if (overlap) throw new DuplicateEventId(streamId, overlap[1]);
  throw new WrongExpectedRevision(streamId, append.expectedRevision, actual);
}
