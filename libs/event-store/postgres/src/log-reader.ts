import type { Pool } from 'pg';
import { storedEventFromRow, type StoredEvent, type StoredEventRow } from '@relapse-watch/event-store-core';
import type { SchemaStatements } from './sql-statements';

type Row = StoredEventRow;

/**
 * Up to `limit` events after `afterPosition`, in position order, below the safe high-water mark.
 *
 * Why a plain `position > last` read loses events: positions are taken when a row is
 * inserted, not when its transaction commits, so position 7 can become visible after 8 has
 * been delivered — and the reader, already past 8, never looks back.
 *
 * The mark: let xmin be the oldest transaction still running when the statement's snapshot
 * is taken. Every transaction with txid < xmin has ended, so its rows are final: visible in
 * this snapshot if it committed, never if it aborted. Every transaction that will write later
 * gets a txid ≥ xmin. By the ordering invariant of append-writer.ts (txid order = position
 * order between appends), the rows with `tx_id < xmin` are a prefix of the log in position
 * order: no row of a later or still-running transaction can take a position below any of
 * them. So a page of rows `position > last AND tx_id < xmin`, in position order, can never
 * be preceded by a later commit, and reading strictly after the last position delivered
 * skips nothing, reorders nothing and repeats nothing. The subquery bound (the first row of
 * a newer transaction, one index seek) only stops the scan early under that same invariant.
 *
 * The price: a long transaction — any write transaction in the cluster, ours or not — holds
 * the mark back, and subscribers wait for it to end (they do not lose anything).
 */
export async function readPage(
  pool: Pool,
  sql: SchemaStatements,
  afterPosition: number,
  limit: number,
): Promise<StoredEvent[]> {
  const result = await pool.query({ ...sql.readAll, values: [afterPosition, limit], rowMode: 'array' });
  return (result.rows as unknown as Row[]).map(storedEventFromRow);
}

/**
 * Rows of one stream, forwards or backwards. A stream's visible rows are always a prefix: its
 * appends commit one transaction at a time (a group writes a stream's rows in one commit).
 */
export async function readStreamPage(
  pool: Pool,
  sql: SchemaStatements,
  streamId: string,
  fromRevision: number,
  limit: number,
  backwards: boolean,
): Promise<StoredEvent[]> {
  const statement = backwards ? sql.readBackward : sql.readForward;
  const result = await pool.query({ ...statement, values: [streamId, fromRevision, limit], rowMode: 'array' });
  return (result.rows as unknown as Row[]).map(storedEventFromRow);
}

/**
 * Waits until every transaction running now has ended, so that a following read below the
 * mark includes everything committed before this call (readAll promises that much). Polls
 * with a short back-off: the wait lasts as long as the longest write transaction in flight,
 * normally a few milliseconds.
 */
export async function waitForRunningTransactions(pool: Pool, signal?: AbortSignal): Promise<void> {
  const first = await pool.query<{ xmax: string; settled: boolean }>(
    'SELECT pg_snapshot_xmax(s)::text AS xmax, pg_snapshot_xmin(s) = pg_snapshot_xmax(s) AS settled FROM pg_current_snapshot() s',
  );
  if (first.rows[0].settled) return;
  const xmax = first.rows[0].xmax;
  for (let delay = 1; !signal?.aborted; delay = Math.min(delay * 2, 50)) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    const now = await pool.query<{ done: boolean }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 AS done',
      [xmax],
    );
    if (now.rows[0].done) return;
  }
}
