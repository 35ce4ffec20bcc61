import { hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

/**
 * The embedded store's schema. One table is the whole log: the rowid is the global position
 * (SQLite has one writer at a time, so positions commit in order and a reader never sees a later
 * position before an earlier one).
 *
 * Streams are found through `stream_key`, a 52-bit hash of the stream id ({@link streamKey}),
 * indexed with the revision: one index seek per stream read and per optimistic-concurrency check,
 * every query also comparing `stream_id` (two streams may share a key). Version 1 indexed
 * (stream_id, revision) itself: stream ids are long (`registry-person-<64 hex>`) and random, so
 * that index took ~90 bytes an event, outgrew the writer's page cache, and a commit rewrote a
 * page of it for nearly every event. Replaying the 520,455 events of a 100,000-household import
 * into SQLite alone (2,600 a commit, synchronous=FULL): 43,000 events/s with the version 1
 * index, 59,000 with this one, 96,000 with none; in the import itself the writer's COMMITs took
 * 5.9 s instead of 9.7 s.
 *
 * The index is not unique, so it no longer guards (stream_id, revision) on its own: the writer
 * reads a stream's head inside the same `BEGIN IMMEDIATE` transaction that appends after it, and
 * SQLite admits one such transaction at a time across every connection and process.
 * Event ids are checked per stream (idempotency), so no global index is paid for them.
 */
export const SCHEMA_VERSION = 2;

const CREATE_SCHEMA = `
CREATE TABLE events (
  position       INTEGER PRIMARY KEY,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  prev_hash      TEXT,
  hash           TEXT    NOT NULL,
  stream_key     INTEGER NOT NULL
);
CREATE INDEX events_stream_key ON events (stream_key, revision);
`;

/** Version 1 → 2: the stream index keyed by {@link streamKey} instead of the stream id. */
const MIGRATE_1_TO_2 = `
ALTER TABLE events ADD COLUMN stream_key INTEGER NOT NULL DEFAULT 0;
UPDATE events SET stream_key = relapse_stream_key(stream_id);
CREATE INDEX events_stream_key ON events (stream_key, revision);
DROP INDEX events_stream_revision;
`;

/** Column order of every SELECT that maps to a StoredEvent (see `StoredEventRow` in event-store-core). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/**
 * The indexed key of a stream: the first 52 bits of the SHA-256 of its id, a non-negative safe
 * integer. Part of the file format: every connection computes it the same way.
 */
export function streamKey(streamId: string): number {
  return parseInt(hash('sha256', streamId, 'hex').slice(0, 13), 16);
}

/** Why a store file cannot be opened by this build. */
export class UnsupportedSchemaVersion extends Error {
  constructor(path: string, found: number) {
    super(`Event store schema version ${found} at ${path}; this build reads versions up to ${SCHEMA_VERSION}`);
    this.name = 'UnsupportedSchemaVersion';
  }
}

/**
 * Creates the schema in an empty file, or brings an older one up to {@link SCHEMA_VERSION}, in
 * one write transaction (two processes opening one new file create it once; a migration
 * interrupted by a crash leaves version 1 as it was).
 * @throws {@link UnsupportedSchemaVersion} for a file written by a newer build.
 */
export function ensureSchema(db: DatabaseSync, path: string): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('CREATE TABLE IF NOT EXISTS event_store_schema (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM event_store_schema').get() as { version: number } | undefined;
    if (row === undefined) {
      db.exec(CREATE_SCHEMA);
      db.prepare('INSERT INTO event_store_schema (version) VALUES (?)').run(SCHEMA_VERSION);
    } else if (row.version === 1) {
      db.function('relapse_stream_key', { deterministic: true }, (id) => streamKey(String(id)));
      db.exec(MIGRATE_1_TO_2);
      db.prepare('UPDATE event_store_schema SET version = ?').run(SCHEMA_VERSION);
    } else if (row.version !== SCHEMA_VERSION) {
      throw new UnsupportedSchemaVersion(path, row.version);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
