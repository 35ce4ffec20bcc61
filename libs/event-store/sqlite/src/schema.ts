/**
 * The embedded store's schema. One table is the whole log: the rowid is the global
 * position (SQLite has one writer at a time, so positions commit in order and a reader
 * never sees a later position before an earlier one). The (stream_id, revision) index
 * makes stream reads and the optimistic-concurrency check one index seek, and its
 * uniqueness is the last line of defence against two writers claiming one revision.
 * Event ids are checked per stream (idempotency), so no global index is paid for them.
 */
export const SCHEMA_VERSION = 1;

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
`;

/** Column order of every SELECT that maps to a StoredEvent (see `StoredEventRow` in event-store-core). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';
