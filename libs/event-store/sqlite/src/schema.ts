import type { DatabaseSync } from 'node:sqlite';

/**
 * The embedded store's schema. One table is the whole log: the rowid is the global
 * position (SQLite has one writer at a time, so positions commit in order and a reader
 * never sees a later position before an earlier one). The (stream_id, revision) index
 * makes stream reads and the optimistic-concurrency check one index seek, and its
 * uniqueness is the last line of defence against two writers claiming one revision.
 * Event ids are checked per stream (idempotency), so no global index is paid for them.
 *
 * Version 2 adds `log_seals`, the signed checkpoints over the log (see `LogSeals` in
 * event-store-core): keyed by the position a seal starts after, so two sealers racing from one
 * seal cannot both add one. A version-1 file is upgraded in place on open (the table is new, no
 * row changes).
 */
export const SCHEMA_VERSION = 2;

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
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
  hash           TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
CREATE TABLE IF NOT EXISTS event_store_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS log_seals (
  from_position INTEGER PRIMARY KEY,
  to_position   INTEGER NOT NULL UNIQUE,
  event_count   INTEGER NOT NULL,
  digest        TEXT    NOT NULL,
  prev_digest   TEXT,
  key_id        TEXT    NOT NULL,
  signature     TEXT    NOT NULL,
  sealed_at     TEXT    NOT NULL
);
`;

/**
 * Creates the schema when missing, upgrades a version-1 file, and refuses any other version.
 * @throws Error naming the file and both versions.
 */
export function ensureSchema(db: DatabaseSync, path: string): void {
  db.exec(CREATE_SCHEMA);
  const found = db.prepare('SELECT version FROM event_store_schema').get() as { version: number } | undefined;
  if (!found) db.prepare('INSERT INTO event_store_schema (version) VALUES (?)').run(SCHEMA_VERSION);
  // CREATE_SCHEMA has just added what version 2 adds.
  else if (found.version === 1) db.prepare('UPDATE event_store_schema SET version = ?').run(SCHEMA_VERSION);
  else if (found.version !== SCHEMA_VERSION)
    throw new Error(`Event store schema version ${found.version} at ${path}; this build expects ${SCHEMA_VERSION}`);
}

/** Column order of every SELECT that maps to a LogSeal. */
export const SEAL_COLUMNS =
  'from_position, to_position, event_count, digest, prev_digest, key_id, signature, sealed_at';

/** Column order of every SELECT that maps to a StoredEvent (see `StoredEventRow` in event-store-core). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';
