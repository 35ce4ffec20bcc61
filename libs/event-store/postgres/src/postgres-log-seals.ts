import type { Pool } from 'pg';
import type { LogSeal, LogSeals, RawEventReadOptions, StoredEventRow } from '@relapse-watch/event-store-core';
import { waitForRunningTransactions } from './log-reader';
import { quoteSchema, SEAL_COLUMNS } from './schema';
import type { NamedStatement, SchemaStatements } from './sql-statements';

type SealRow = [string, string, string, string, string | null, string, string, string];

/** Rows per raw batch by default. */
const RAW_BATCH = 4096;
const SEAL_PAGE = 1000;

/**
 * The seals of a PostgreSQL log. Raw reads use the subscription's read (see log-reader.ts): only
 * rows below the safe high-water mark, i.e. rows no running transaction can still precede, so a
 * seal never covers a range a late commit could change; like readAll they first wait for the
 * transactions running at the call to end, so they include everything committed before it. Positions have gaps (an aborted
 * transaction's positions are never used), so they are not dense.
 *
 * A seal is one INSERT that adds it only when it extends the chain; sealers in several processes
 * racing from the same seal collide on the primary key (`from_position`), and ON CONFLICT DO
 * NOTHING makes every seal but the first a no-op.
 */
export class PostgresLogSeals implements LogSeals {
  readonly densePositions = false;
  private readonly insert: NamedStatement;
  private readonly last: NamedStatement;
  private readonly page: NamedStatement;

  constructor(
    private readonly pool: Pool,
    private readonly sql: SchemaStatements,
    private readonly assertOpen: () => void,
  ) {
    const q = quoteSchema(sql.schema);
    const named = (name: string, text: string): NamedStatement => ({ name: `rw-es.${sql.schema}.${name}`, text });
    this.insert = named(
      'add-seal',
      `INSERT INTO ${q}.log_seals (${SEAL_COLUMNS})
       SELECT $1::bigint, $2::bigint, $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text
       WHERE $1::bigint = COALESCE((SELECT max(to_position) FROM ${q}.log_seals), 0)
         AND $5::text IS NOT DISTINCT FROM (SELECT digest FROM ${q}.log_seals ORDER BY to_position DESC LIMIT 1)
       ON CONFLICT DO NOTHING`,
    );
    this.last = named('last-seal', `SELECT ${SEAL_COLUMNS} FROM ${q}.log_seals ORDER BY to_position DESC LIMIT 1`);
    this.page = named(
      'seals',
      `SELECT ${SEAL_COLUMNS} FROM ${q}.log_seals WHERE from_position >= $1 ORDER BY from_position LIMIT ${SEAL_PAGE}`,
    );
  }

  async lastSeal(): Promise<LogSeal | null> {
    this.assertOpen();
    const rows = (await this.pool.query({ ...this.last, rowMode: 'array' })).rows as SealRow[];
    return rows.length === 0 ? null : sealOf(rows[0]);
  }

  async *readSeals(fromPosition = 0): AsyncIterable<LogSeal> {
    for (let next = fromPosition; ;) {
      this.assertOpen();
      const rows = (await this.pool.query({ ...this.page, values: [next], rowMode: 'array' })).rows as SealRow[];
      for (const row of rows) yield sealOf(row);
      if (rows.length < SEAL_PAGE) return;
      next = Number(rows[rows.length - 1][0]) + 1;
    }
  }

  async addSeal(seal: LogSeal): Promise<boolean> {
    this.assertOpen();
    const result = await this.pool.query({
      ...this.insert,
      values: [
        seal.fromPosition,
        seal.toPosition,
        seal.eventCount,
        seal.digest,
        seal.prevDigest,
        seal.keyId,
        seal.signature,
        seal.sealedAt,
      ],
    });
    return result.rowCount === 1;
  }

  async *readRawEvents(fromPosition: number, options: RawEventReadOptions = {}): AsyncIterable<StoredEventRow[]> {
    const limit = options.batchSize ?? RAW_BATCH;
    this.assertOpen();
    // As readAll: without it, events committed just before the call could still lie above the
    // mark (another transaction in the cluster running) and be left out of a seal or a check.
    await waitForRunningTransactions(this.pool);
    for (let after = Math.max(0, fromPosition - 1); ;) {
      this.assertOpen();
      const result = await this.pool.query({ ...this.sql.readAll, values: [after, limit], rowMode: 'array' });
      const rows = result.rows as unknown as StoredEventRow[];
      if (rows.length > 0) yield rows;
      if (rows.length < limit) return;
      after = Number(rows[rows.length - 1][0]);
    }
  }
}

function sealOf(r: SealRow): LogSeal {
  return {
    fromPosition: Number(r[0]),
    toPosition: Number(r[1]),
    eventCount: Number(r[2]),
    digest: r[3],
    prevDigest: r[4],
    keyId: r[5],
    signature: r[6],
    sealedAt: r[7],
  };
}
