import type { ClientBase } from 'pg';

/**
 * Version of the tables below; a store refuses to open a schema of another version. Version 2
 * adds `log_seals` (see below); a version-1 schema is upgraded in place on open.
 */
export const SCHEMA_VERSION = 2;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** Checks a PostgreSQL schema name and returns it quoted, ready to splice into SQL. */
export function quoteSchema(schema: string): string {
  // Spliced into DDL and every statement: only plain lower-case identifiers are accepted.
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`Invalid PostgreSQL schema name '${schema}' (lower-case letters, digits, _; at most 48)`);
  return `"${schema}"`;
}

/**
 * The log: one row per event, never updated or deleted.
 *
 * - `position` is an identity with the default CACHE 1: with a per-session cache two
 *   sessions would hand out interleaved blocks, and the ordering invariant in
 *   append-writer.ts would break.
 * - `data`, `metadata` and `recorded_at` are text: the hash covers their exact text, which
 *   jsonb or timestamptz would normalise.
 * - `tx_id` is the writing transaction's 64-bit id: the subscription reads only rows whose
 *   transaction is older than every transaction still running (see log-reader.ts), and the
 *   (tx_id, position) index finds the first row past that mark in one seek.
 * - unique (stream_id, revision) is the last line of defence against two writers claiming
 *   one revision.
 *
 * `log_seals`: the signed checkpoints over the log (see `LogSeals` in event-store-core), keyed
 * by the position a seal starts after, so that of two processes sealing from the same seal only
 * one adds a seal (the other's INSERT … ON CONFLICT DO NOTHING adds nothing).
 */
function createSchemaSql(q: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${q};
CREATE TABLE IF NOT EXISTS ${q}.events (
  position       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id      text    NOT NULL,
  revision       bigint  NOT NULL,
  event_id       uuid    NOT NULL,
  type           text    NOT NULL,
  schema_version integer NOT NULL,
  data           text    NOT NULL,
  metadata       text    NOT NULL,
  recorded_at    text    NOT NULL,
  prev_hash      text,
  hash           text    NOT NULL,
  tx_id          xid8    NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT events_stream_revision UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_tx_position ON ${q}.events (tx_id, position);
CREATE TABLE IF NOT EXISTS ${q}.event_store_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS ${q}.log_seals (
  from_position bigint PRIMARY KEY,
  to_position   bigint NOT NULL UNIQUE,
  event_count   bigint NOT NULL,
  digest        text   NOT NULL,
  prev_digest   text,
  key_id        text   NOT NULL,
  signature     text   NOT NULL,
  sealed_at     text   NOT NULL
);
`;
}

/** Column order of every SELECT that maps to a StoredEvent (see `StoredEventRow` in event-store-core). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/** Column order of every SELECT that maps to a LogSeal. */
export const SEAL_COLUMNS =
  'from_position, to_position, event_count, digest, prev_digest, key_id, signature, sealed_at';

/**
 * Creates the schema when missing and checks its version. Serialised by an advisory lock so
 * that two processes opening a fresh database at once do not race on CREATE.
 */
export async function ensureSchema(client: ClientBase, schema: string): Promise<void> {
  const q = quoteSchema(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`relapse-watch.event-store.ddl.${schema}`]);
    await client.query(createSchemaSql(q));
    const found = await client.query<{ version: number }>(`SELECT version FROM ${q}.event_store_schema`);
    if (found.rows.length === 0) {
      await client.query(`INSERT INTO ${q}.event_store_schema (version) VALUES ($1)`, [SCHEMA_VERSION]);
    } else if (found.rows[0].version === 1) {
      // The DDL above has just added what version 2 adds.
      await client.query(`UPDATE ${q}.event_store_schema SET version = $1`, [SCHEMA_VERSION]);
    } else if (found.rows[0].version !== SCHEMA_VERSION) {
      throw new Error(
        `Event store schema version ${found.rows[0].version} in ${schema}; this build expects ${SCHEMA_VERSION}`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
