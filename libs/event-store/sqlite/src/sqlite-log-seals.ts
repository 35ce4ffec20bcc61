import { extname, join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  LogRangeReaderSource,
  LogSeal,
  LogSeals,
  RawEventReadOptions,
  StoredEventRow,
} from '@relapse-watch/event-store-core';
import type { SqliteLogRangeSettings } from './sqlite-log-range.reader';
import { EVENT_COLUMNS, SEAL_COLUMNS } from './schema';

type SealRow = [number, number, number, string, string | null, string, string, string];

/** Rows per raw batch by default: large enough that the per-batch query costs nothing measurable. */
const RAW_BATCH = 4096;
const SEAL_PAGE = 1000;

/**
 * The seals of a SQLite log, on the store's reading connection. A seal is a single INSERT that
 * adds it only when it extends the chain (`from` = the last seal's `to`, `prev` = its digest); the
 * primary key on `from_position` turns a second process's seal of the same range into a no-op.
 * The write waits for the file's write lock like any other writer (busy timeout).
 */
export class SqliteLogSeals implements LogSeals {
  readonly densePositions = true;
  private readonly insertStmt: StatementSync;
  private readonly lastStmt: StatementSync;
  private readonly pageStmt: StatementSync;
  private readonly rawStmt: StatementSync;

  constructor(
    db: DatabaseSync,
    private readonly assertOpen: () => void,
    /** The file, for readers other threads open (`rangeReaderSource`). */
    private readonly path: string,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO log_seals (${SEAL_COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, ?, ?
       WHERE ?1 = COALESCE((SELECT MAX(to_position) FROM log_seals), 0)
         AND ?5 IS (SELECT digest FROM log_seals ORDER BY to_position DESC LIMIT 1)
       ON CONFLICT DO NOTHING`,
    );
    this.lastStmt = arrays(db, `SELECT ${SEAL_COLUMNS} FROM log_seals ORDER BY to_position DESC LIMIT 1`);
    this.pageStmt = arrays(
      db,
      `SELECT ${SEAL_COLUMNS} FROM log_seals WHERE from_position >= ? ORDER BY from_position LIMIT ${SEAL_PAGE}`,
    );
    this.rawStmt = arrays(db, `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`);
  }

  async lastSeal(): Promise<LogSeal | null> {
    this.assertOpen();
    const row = this.lastStmt.get() as unknown as SealRow | undefined;
    return row === undefined ? null : sealOf(row);
  }

  async *readSeals(fromPosition = 0): AsyncIterable<LogSeal> {
    for (let next = fromPosition; ;) {
      this.assertOpen();
      const rows = this.pageStmt.all(next) as unknown as SealRow[];
      for (const row of rows) yield sealOf(row);
      if (rows.length < SEAL_PAGE) return;
      next = rows[rows.length - 1][0] + 1;
    }
  }

  async addSeal(seal: LogSeal): Promise<boolean> {
    this.assertOpen();
    const result = this.insertStmt.run(
      seal.fromPosition,
      seal.toPosition,
      seal.eventCount,
      seal.digest,
      seal.prevDigest,
      seal.keyId,
      seal.signature,
      seal.sealedAt,
    );
    return Number(result.changes) === 1;
  }

  async *readRawEvents(fromPosition: number, options: RawEventReadOptions = {}): AsyncIterable<StoredEventRow[]> {
    const limit = options.batchSize ?? RAW_BATCH;
    for (let next = Math.max(1, fromPosition); ;) {
      this.assertOpen();
      const rows = this.rawStmt.all(next, limit) as unknown as StoredEventRow[];
      if (rows.length > 0) yield rows;
      if (rows.length < limit) return;
      next = Number(rows[rows.length - 1][0]) + 1;
    }
  }

  /** Worker threads open the same file read-only, each on a connection of its own. */
  rangeReaderSource(): LogRangeReaderSource {
    const settings: SqliteLogRangeSettings = { path: this.path };
    return {
      // The reader module next to this one: built JavaScript, or TypeScript under a source loader.
      module: join(__dirname, `sqlite-log-range.reader${extname(__filename)}`),
      exportName: 'openLogRangeReader',
      settings,
    };
  }
}

function arrays(db: DatabaseSync, sql: string): StatementSync {
  const stmt = db.prepare(sql);
  stmt.setReturnArrays(true);
  return stmt;
}

function sealOf(r: SealRow): LogSeal {
  return {
    fromPosition: r[0],
    toPosition: r[1],
    eventCount: r[2],
    digest: r[3],
    prevDigest: r[4],
    keyId: r[5],
    signature: r[6],
    sealedAt: r[7],
  };
}
