import { EVENT_COLUMNS, quoteSchema } from './schema';

/** A named statement: pg prepares it once per connection and reuses the plan. */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

/** Every statement the store runs against one schema, plus the keys of its advisory locks. */
export interface SchemaStatements {
  readonly schema: string;
  /** Namespace of the per-stream transaction locks and key of the global position lock. */
  readonly lockKey: string;
  /** LISTEN/NOTIFY channel that announces commits to other processes. */
  readonly channel: string;
  readonly lockStream: NamedStatement;
  readonly head: NamedStatement;
  readonly findEventId: NamedStatement;
  readonly replayRange: NamedStatement;
  readonly lockPositions: NamedStatement;
  readonly insert: NamedStatement;
  readonly unlockPositions: NamedStatement;
  readonly readAll: NamedStatement;
  readonly readForward: NamedStatement;
  readonly readBackward: NamedStatement;
  readonly headPosition: NamedStatement;
}

/** Builds (and checks the name of) the statements of one schema. */
export function schemaStatements(schema: string): SchemaStatements {
  const q = quoteSchema(schema);
  const lockKey = `relapse-watch.event-store.${schema}`;
  const named = (name: string, text: string): NamedStatement => ({ name: `rw-es.${schema}.${name}`, text });
  const xmin = 'pg_snapshot_xmin(pg_current_snapshot())';
  return {
    schema,
    lockKey,
    channel: `${schema}_events`,
    lockStream: named('lock-stream', 'SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))'),
    head: named('head', `SELECT revision, hash FROM ${q}.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`),
    findEventId: named('find-id', `SELECT revision FROM ${q}.events WHERE stream_id = $1 AND event_id = $2 LIMIT 1`),
    replayRange: named(
      'replay-range',
      `SELECT revision, event_id, position FROM ${q}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
    ),
    lockPositions: named('lock-positions', 'SELECT pg_advisory_lock(hashtext($1)::bigint)'),
    insert: named(
      'insert',
      `INSERT INTO ${q}.events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       SELECT $1, u.revision, u.event_id, u.type, u.schema_version, u.data, u.metadata, $2, u.prev_hash, u.hash
       FROM unnest($3::bigint[], $4::uuid[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[])
         WITH ORDINALITY AS u(revision, event_id, type, schema_version, data, metadata, prev_hash, hash, ord)
       ORDER BY u.ord
       RETURNING position`,
    ),
    unlockPositions: named('unlock-positions', 'SELECT pg_advisory_unlock(hashtext($1)::bigint)'),
    // The safe high-water mark (see log-reader.ts): rows of transactions older than every
    // running one, and — by the append ordering invariant — below the first row of any
    // newer transaction, which the (tx_id, position) index finds in one seek.
    readAll: named(
      'read-all',
      `SELECT ${EVENT_COLUMNS} FROM ${q}.events
       WHERE position > $1
         AND position < COALESCE(
           (SELECT b.position FROM ${q}.events b WHERE b.tx_id >= ${xmin} ORDER BY b.tx_id, b.position LIMIT 1),
           9223372036854775807)
         AND tx_id < ${xmin}
       ORDER BY position LIMIT $2`,
    ),
    readForward: named(
      'read-forward',
      `SELECT ${EVENT_COLUMNS} FROM ${q}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
    ),
    readBackward: named(
      'read-backward',
      `SELECT ${EVENT_COLUMNS} FROM ${q}.events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
    ),
    headPosition: named('head-position', `SELECT COALESCE(MAX(position), 0) FROM ${q}.events`),
  };
}
