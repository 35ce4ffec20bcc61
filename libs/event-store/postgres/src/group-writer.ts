import type { ClientBase } from 'pg';
import {
  DuplicateEventId,
  EventStoreError,
  eventHash,
  WrongExpectedRevision,
  type AppendResult,
  type PreparedAppend,
} from '@relapse-watch/event-store-core';
import { AppendRolledBack } from './append-writer';
import { FIELD_SEPARATOR, type SchemaStatements } from './sql-statements';

/** One append's outcome in a group: its result, or the store error it alone failed with. */
export type GroupOutcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: EventStoreError };

/** What {@link writeGroup} did: an outcome per written append, and the appends it left out. */
export interface GroupWritten {
  /** In the order of the appends given, `undefined` for a deferred one. */
  readonly outcomes: readonly (GroupOutcome | undefined)[];
  /**
   * Indexes of appends to streams whose lock another transaction held: not decided, nothing
   * written for them. The caller runs them on their own (waiting for the lock there), so one
   * busy stream never stalls the rest of the group.
   */
  readonly deferred: readonly number[];
}

interface Head {
  readonly revision: number;
  readonly hash: string;
}

/** One stream as this group sees it: its committed head and the rows the group adds after it. */
interface StreamState {
  readonly committed: Head | null;
  head: Head | null;
  /** Row numbers (in the group insert) of the pending rows, by revision from committed + 1. */
  readonly pendingRows: number[];
  /** Event ids of the pending rows, in the same order. */
  readonly pendingEventIds: string[];
  /** Event id → revision, for the pending rows. */
  readonly pendingIds: Map<string, number>;
}

/** A decided append: written (its last position known after the insert) or replayed. */
type Draft =
  | { readonly ok: true; readonly nextRevision: number; readonly lastPosition: number }
  | { readonly ok: true; readonly nextRevision: number; readonly lastRow: number }
  | { readonly ok: false; readonly error: EventStoreError };

/** The insert's columns, one array per column, one entry per row. */
class Rows {
  count = 0;
  /** Distinct stream ids, and each one's 1-based index (a row carries the index). */
  readonly streamIds: string[] = [];
  readonly streamIndex = new Map<string, number>();
  readonly streams: number[] = [];
  readonly revisions: number[] = [];
  readonly ids: string[] = [];
  readonly types: string[] = [];
  readonly schemaVersions: number[] = [];
  readonly data: string[] = [];
  /** Distinct metadata texts, and each one's 1-based index (a row carries the index). */
  readonly metadataTexts: string[] = [];
  readonly metadataIndex = new Map<string, number>();
  readonly metadata: number[] = [];
  readonly prevHashes: string[] = [];
  readonly hashes: string[] = [];

  metadataOf(metadataJson: string): number {
    let index = this.metadataIndex.get(metadataJson);
    if (index === undefined) {
      index = this.metadataTexts.push(metadataJson);
      this.metadataIndex.set(metadataJson, index);
    }
    return index;
  }

  indexOf(streamId: string): number {
    let index = this.streamIndex.get(streamId);
    if (index === undefined) {
      index = this.streamIds.push(streamId);
      this.streamIndex.set(streamId, index);
    }
    return index;
  }
}

/**
 * A text column as one parameter: its values joined by U+001E, which the statement splits
 * with string_to_array — no array literal to escape on either side (node-pg's escaping was a
 * tenth of the writer's CPU). No value can hold U+001E: data and metadata are JSON.stringify
 * output (control characters escaped), stream ids and types are refused with control
 * characters by prepareAppend, ids are UUIDs and hashes hex. Checked all the same: a value
 * holding it would shift every later row's column, so it fails the group instead, whose
 * appends are then written one by one (append-writer.ts, array parameters).
 */
function joined(values: readonly string[]): string {
  const text = values.join(FIELD_SEPARATOR);
  let separators = 0;
  for (let at = text.indexOf(FIELD_SEPARATOR); at !== -1; at = text.indexOf(FIELD_SEPARATOR, at + 1)) separators++;
  if (separators !== values.length - 1) throw new Error('A value to insert holds the field separator U+001E');
  return text;
}

function arrayLiteral(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Writes a group of appends inside the caller's open transaction (`BEGIN` done, `COMMIT`
 * left to the caller), each with its own expected-revision check, idempotency and hash
 * chain — the rules of {@link writeAppend} — and all their rows in ONE multi-row INSERT.
 *
 * Locks, as in append-writer.ts:
 * 1. Per-stream transaction advisory locks, every stream of the group in one statement with
 *    `pg_try_advisory_xact_lock`: nothing waits, so groups and single appends locking in any
 *    order cannot deadlock. Appends to a stream whose lock is held elsewhere are deferred
 *    (see {@link GroupWritten.deferred}). The heads are read in the next statement (a fresh
 *    READ COMMITTED snapshot taken after the locks were granted), so every check is exact.
 *    Two appends to one stream in the group chain: the second is checked against the head
 *    the first leaves, and hashes on from it.
 * 2. The global position lock, held for one short statement that assigns the transaction's
 *    txid and reserves a position for every row of the group (see {@link insertRows}): the
 *    ordering invariant of append-writer.ts (txid order = position order between
 *    transactions) holds for a group as for one append. That is why a group reserves once:
 *    a second reservation would take positions after another transaction's with a newer
 *    txid.
 *
 * A refused append (WrongExpectedRevision, DuplicateEventId) only gets its error outcome:
 * it writes nothing and changes no head, so the others are unaffected. A failing INSERT
 * (a storage error: which row is at fault is unknown) rolls back and throws
 * {@link AppendRolledBack}; the caller then writes the appends one by one.
 */
export async function writeGroup(
  client: ClientBase,
  sql: SchemaStatements,
  appends: readonly PreparedAppend[],
  /**
   * All or nothing (a multi-stream append, its streams already locked by the caller): the first
   * refused append's error is thrown before anything is inserted, and the caller rolls back.
   */
  allOrNothing = false,
): Promise<GroupWritten> {
  const streamIds = [...new Set(appends.map((a) => a.streamId))];
  const lockRows = (await client.query({ ...sql.tryLockStreams, values: [sql.lockKey, streamIds], rowMode: 'array' }))
    .rows as [boolean][];
  const locked = new Set<string>();
  lockRows.forEach((row, i) => {
    if (row[0]) locked.add(streamIds[i]);
  });
  const lockedIds = streamIds.filter((id) => locked.has(id));
  const streams = new Map<string, StreamState>();
  if (lockedIds.length > 0) {
    const heads = new Map<string, Head>();
    const headRows = (await client.query({ ...sql.heads, values: [lockedIds], rowMode: 'array' })).rows as [
      string,
      string,
      string,
    ][];
    for (const [id, revision, hash] of headRows) heads.set(id, { revision: Number(revision), hash });
    for (const id of lockedIds) {
      const head = heads.get(id) ?? null;
      streams.set(id, { committed: head, head, pendingRows: [], pendingEventIds: [], pendingIds: new Map() });
    }
  }

  const committedIds = await findCommittedFirstIds(client, sql, appends, streams);
  const recordedAt = new Date().toISOString();
  const rows = new Rows();
  const drafts: (Draft | undefined)[] = new Array(appends.length);
  const deferred: number[] = [];
  for (let i = 0; i < appends.length; i++) {
    const state = streams.get(appends[i].streamId);
    if (!state) {
      deferred.push(i);
      continue;
    }
    try {
      drafts[i] = await decide(client, sql, appends[i], state, committedIds.get(i) ?? null, recordedAt, rows);
    } catch (error) {
      if (!(error instanceof EventStoreError) || allOrNothing) throw error;
      drafts[i] = { ok: false, error };
    }
  }

  let positions: number[] = [];
  if (rows.count > 0) positions = await insertRows(client, sql, recordedAt, rows);
  const outcomes = drafts.map((draft): GroupOutcome | undefined => {
    if (!draft) return undefined;
    if (!draft.ok) return draft;
    const lastPosition = 'lastRow' in draft ? positions[draft.lastRow] : draft.lastPosition;
    return { ok: true, result: { nextRevision: draft.nextRevision, lastPosition } };
  });
  return { outcomes, deferred };
}

/**
 * Idempotency of `'any'` and `'stream_exists'` appends to a stream with committed events: is
 * the append's first event already committed in it? One query for the whole group, by
 * append index. (Events written earlier in this group are looked up in the group's state.)
 */
async function findCommittedFirstIds(
  client: ClientBase,
  sql: SchemaStatements,
  appends: readonly PreparedAppend[],
  streams: ReadonlyMap<string, StreamState>,
): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const indexes: number[] = [];
  for (let i = 0; i < appends.length; i++) {
    const { streamId, expectedRevision } = appends[i];
    if ((expectedRevision === 'any' || expectedRevision === 'stream_exists') && streams.get(streamId)?.committed)
      indexes.push(i);
  }
  if (indexes.length === 0) return found;
  const values = [indexes.map((i) => appends[i].streamId), indexes.map((i) => appends[i].events[0].id)];
  const result = await client.query({ ...sql.findEventIds, values, rowMode: 'array' });
  for (const [k, revision] of result.rows as [string, string][]) found.set(indexes[Number(k) - 1], Number(revision));
  return found;
}

/** One append against its stream's state in the group; queues its rows when it is written. */
async function decide(
  client: ClientBase,
  sql: SchemaStatements,
  append: PreparedAppend,
  state: StreamState,
  /** Revision of the append's first event among the stream's committed events, if there. */
  committedFirst: number | null,
  recordedAt: string,
  rows: Rows,
): Promise<Draft> {
  const { streamId, expectedRevision, events } = append;
  const head = state.head;
  const actual = head ? head.revision : null;

  let conflict: boolean;
  if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
    conflict = expectedRevision === 'stream_exists' && head === null;
    if (head !== null) {
      // Idempotency without a revision to go by: is the first event already in the stream
      // (committed, or written earlier in this group)?
      const found = committedFirst ?? state.pendingIds.get(events[0].id) ?? null;
      if (found !== null) return replayOutcome(client, sql, append, state, found, actual);
    }
  } else {
    const expected = expectedRevision === 'no_stream' ? -1 : expectedRevision;
    conflict = (actual ?? -1) !== expected;
    if (conflict && actual !== null && actual > expected)
      return replayOutcome(client, sql, append, state, expected + 1, actual);
  }
  if (conflict) throw new WrongExpectedRevision(streamId, expectedRevision, actual);

  let revision = actual ?? -1;
  let prevHash = head ? head.hash : null;
  const streamIndex = rows.indexOf(streamId);
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
    rows.streams.push(streamIndex);
    rows.revisions.push(revision);
    rows.ids.push(e.id);
    rows.types.push(e.type);
    rows.schemaVersions.push(e.schemaVersion);
    rows.data.push(e.dataJson);
    rows.metadata.push(rows.metadataOf(e.metadataJson));
    rows.prevHashes.push(prevHash ?? '');
    rows.hashes.push(hash);
    state.pendingRows.push(rows.count);
    state.pendingEventIds.push(e.id);
    state.pendingIds.set(e.id, revision);
    rows.count++;
    prevHash = hash;
  }
  state.head = { revision, hash: prevHash as string };
  return { ok: true, nextRevision: revision, lastRow: rows.count - 1 };
}

/**
 * The stream already holds events where this append would have put its first one — committed
 * ones, or ones written earlier in this group: the same ids in the same order make it a
 * re-send (the original result, nothing written); any of its ids there otherwise is a partial
 * overlap; none is a plain conflict.
 */
async function replayOutcome(
  client: ClientBase,
  sql: SchemaStatements,
  append: PreparedAppend,
  state: StreamState,
  fromRevision: number,
  actual: number | null,
): Promise<Draft> {
  const { streamId, events } = append;
  const found: { revision: number; id: string; position?: number; row?: number }[] = [];
  const committedRevision = state.committed ? state.committed.revision : -1;
  if (fromRevision <= committedRevision) {
    // Bounded by the committed head: rows past it would come from a writer bypassing the lock.
    const limit = Math.min(events.length, committedRevision - fromRevision + 1);
    const result = await client.query({
      ...sql.replayRange,
      values: [streamId, fromRevision, limit],
      rowMode: 'array',
    });
    for (const [revision, id, position] of result.rows as [string, string, string][]) {
      found.push({ revision: Number(revision), id, position: Number(position) });
    }
  }
  const headRevision = state.head ? state.head.revision : -1;
  for (
    let revision = Math.max(fromRevision, committedRevision + 1);
    found.length < events.length && revision <= headRevision;
    revision++
  ) {
    const k = revision - committedRevision - 1;
    found.push({ revision, id: state.pendingEventIds[k], row: state.pendingRows[k] });
  }
  if (found.length === events.length && found.every((f, i) => f.id === events[i].id)) {
    const last = found[found.length - 1];
    return last.row === undefined
      ? { ok: true, nextRevision: last.revision, lastPosition: last.position as number }
      : { ok: true, nextRevision: last.revision, lastRow: last.row };
  }
  const ids = new Set(events.map((e) => e.id));
  const overlap = found.find((f) => ids.has(f.id));
  if (overlap) throw new DuplicateEventId(streamId, overlap.id);
  throw new WrongExpectedRevision(streamId, append.expectedRevision, actual);
}

/**
 * Takes the group's txid and positions in the position critical section, then inserts every
 * row at its reserved position with the lock already released.
 *
 * Why this keeps the ordering invariant of append-writer.ts (txid order = position order
 * between transactions): the transaction's txid (its first xid-assigning act is
 * `pg_current_xact_id()` here — the stream advisory locks and the SELECTs before it assign
 * none) and all its positions are taken in one critical section, and both counters only
 * grow; where the rows are written afterwards changes neither. What moves out of the lock is
 * the INSERT itself — parsing, heap and index writes — so two groups insert in parallel and
 * the lock is held for one short statement. The INSERT writes `tx_id` by its default, which
 * returns the txid already assigned. A failed INSERT (or a group that writes nothing after
 * reserving) leaves unused positions: holes, as an aborted identity insert always did, which
 * the log reader never waits for.
 */
async function insertRows(
  client: ClientBase,
  sql: SchemaStatements,
  recordedAt: string,
  rows: Rows,
): Promise<number[]> {
  // Everything but the positions is ready before the lock is taken.
  const values = [
    recordedAt,
    '',
    joined(rows.streamIds),
    arrayLiteral(rows.streams),
    arrayLiteral(rows.revisions),
    joined(rows.ids),
    joined(rows.types),
    arrayLiteral(rows.schemaVersions),
    joined(rows.data),
    joined(rows.metadataTexts),
    arrayLiteral(rows.metadata),
    joined(rows.prevHashes),
    joined(rows.hashes),
  ];
  await client.query({ ...sql.lockPositions, values: [sql.lockKey] });
  let reserved: [string, string[]];
  try {
    reserved = (await client.query({ ...sql.reservePositions, values: [rows.count], rowMode: 'array' })).rows[0] as [
      string,
      string[],
    ];
  } catch (error) {
    await client.query('ROLLBACK');
    await client.query({ ...sql.unlockPositions, values: [sql.lockKey] });
    throw new AppendRolledBack(error);
  }
  await client.query({ ...sql.unlockPositions, values: [sql.lockKey] });
  const positions = reserved[1].map(Number);
  values[1] = arrayLiteral(positions);
  try {
    await client.query({ ...sql.insertGroup, values });
  } catch (error) {
    await client.query('ROLLBACK');
    throw new AppendRolledBack(error);
  }
  return positions;
}
