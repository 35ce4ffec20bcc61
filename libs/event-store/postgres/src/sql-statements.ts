import { EVENT_COLUMNS, quoteSchema } from './schema';

/** Separator of the joined text parameters of {@link SchemaStatements.insertGroup}: U+001E. */
export const FIELD_SEPARATOR = '\u001e';
const SEP = "E'\\x1e'";

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
  readonly lockStreamsInOrder: NamedStatement;
  readonly tryLockStreams: NamedStatement;
  readonly head: NamedStatement;
  readonly heads: NamedStatement;
  readonly findEventId: NamedStatement;
  readonly findEventIds: NamedStatement;
  readonly replayRange: NamedStatement;
  readonly lockPositions: NamedStatement;
  readonly insert: NamedStatement;
  readonly reservePositions: NamedStatement;
  readonly insertGroup: NamedStatement;
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
    // Waits for the lock of every stream of $2, in the order of their lock keys: two
    // transactions locking overlapping sets this way cannot deadlock each other (see
    // postgres-event-store.ts, appendToStreams).
    lockStreamsInOrder: named(
      'lock-streams-in-order',
      `SELECT count(pg_advisory_xact_lock(hashtext($1), k.key))
       FROM (SELECT DISTINCT hashtext(s.id) AS key FROM unnest($2::text[]) AS s(id) ORDER BY 1) AS k`,
    ),
    // One row per stream of $2, in its order: true when its lock was taken. Never waits (see
    // group-writer.ts); a stream listed twice or sharing a key is re-entrant, hence true.
    tryLockStreams: named(
      'try-lock-streams',
      'SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext(s.id)) FROM unnest($2::text[]) WITH ORDINALITY AS s(id, ord) ORDER BY s.ord',
    ),
    heads: named(
      'heads',
      `SELECT s.id, h.revision, h.hash FROM unnest($1::text[]) AS s(id)
       CROSS JOIN LATERAL (SELECT revision, hash FROM ${q}.events WHERE stream_id = s.id ORDER BY revision DESC LIMIT 1) h`,
    ),
    head: named('head', `SELECT revision, hash FROM ${q}.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`),
    findEventId: named('find-id', `SELECT revision FROM ${q}.events WHERE stream_id = $1 AND event_id = $2 LIMIT 1`),
    // findEventId for several (stream, event id) pairs at once: a row for each pair found,
    // with its 1-based index in the arrays.
    findEventIds: named(
      'find-ids',
      `SELECT u.i, e.revision FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS u(stream_id, event_id, i)
       CROSS JOIN LATERAL (SELECT revision FROM ${q}.events WHERE stream_id = u.stream_id AND event_id = u.event_id LIMIT 1) e`,
    ),
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
    // Inside the position lock (see group-writer.ts): assigns this transaction's txid and
    // takes $1 positions from the identity's sequence (CACHE 1; under the lock no other
    // writer of this store draws from it), so both are taken in one critical section.
    reservePositions: named(
      'reserve-positions',
      `SELECT pg_current_xact_id()::text, array_agg(p ORDER BY p)
       FROM (SELECT nextval('${q}.events_position_seq'::regclass) AS p FROM generate_series(1, $1::integer)) s`,
    ),
    // The rows of a whole group, several streams, at the positions reserved for them. Text
    // columns come as one string each, joined by U+001E (see group-writer.ts), numbers as
    // array literals; stream ids ($3) and metadata texts ($10) once each, rows carrying an
    // index into them (the events of one command share their metadata). The CTE must stay
    // MATERIALIZED: inlined, PostgreSQL's generic plan (from the 6th execution on) splits
    // $3 and $10 again for every row — quadratic, 1,000 rows with distinct metadata took
    // 190 ms instead of 14.
    insertGroup: named(
      'insert-group',
      `WITH s AS MATERIALIZED (SELECT string_to_array($3, ${SEP}) AS ids, string_to_array($10, ${SEP}) AS metas)
       INSERT INTO ${q}.events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT u.position, s.ids[u.stream], u.revision, u.event_id::uuid, u.type, u.schema_version, u.data, s.metas[u.meta], $1,
              NULLIF(u.prev_hash, ''), u.hash
       FROM s,
         unnest($2::bigint[], $4::integer[], $5::bigint[], string_to_array($6, ${SEP}), string_to_array($7, ${SEP}), $8::integer[],
                string_to_array($9, ${SEP}), $11::integer[], string_to_array($12, ${SEP}), string_to_array($13, ${SEP}))
         AS u(position, stream, revision, event_id, type, schema_version, data, meta, prev_hash, hash)`,
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
