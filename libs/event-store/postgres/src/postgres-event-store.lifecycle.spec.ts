import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Pool } from 'pg';
import { EventStoreClosed, WrongExpectedRevision, eventHash } from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { PostgresEventStore } from './postgres-event-store';

const url = process.env['POSTGRES_URL'] as string;
const schema = `es_lifecycle_${randomBytes(6).toString('hex')}`;

describe('PostgresEventStore: locking and lifecycle', () => {
  let admin: Pool;
  beforeAll(() => {
    admin = new Pool({ connectionString: url, max: 3 });
  });
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('a writer bypassing the stream lock makes a racing append fail with the actual revision, and frees the position lock', async () => {
    const store = await PostgresEventStore.open({ pool: admin, schema });
    const s = uniqueStreamId();
    await store.appendToStream(s, [testEvent('E', 0)]);
    // A raw insert of revision 1, uncommitted: invisible to the store's head read, so the
    // store's own insert of revision 1 waits on the unique index and then violates it.
    const rogue = new Client({ connectionString: url });
    await rogue.connect();
    try {
      await rogue.query('BEGIN');
      const e = testEvent('Rogue', 1);
      const dataJson = JSON.stringify(e.data);
      const metadataJson = JSON.stringify(e.metadata);
      const recordedAt = new Date().toISOString();
      const hash = eventHash(
        { streamId: s, revision: 1, id: e.id, type: e.type, schemaVersion: 1, dataJson, metadataJson, recordedAt },
        null,
      );
      await rogue.query(
        `INSERT INTO "${schema}".events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES ($1, 1, $2, $3, 1, $4, $5, $6, NULL, $7)`,
        [s, e.id, e.type, dataJson, metadataJson, recordedAt, hash],
      );
      const rogueXid = (await rogue.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid;
      const racing = store
        .appendToStream(s, [testEvent('E', 1)], { expectedRevision: 0 })
        .catch((error: unknown) => error);
      // Commit only once the store's insert is blocked on the rogue row's lock.
      const waiting = `SELECT 1 FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'
                       AND transactionid::text::bigint = $1::bigint % 4294967296`;
      while ((await admin.query(waiting, [rogueXid])).rows.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await rogue.query('COMMIT');
      const error = await racing;
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect((error as WrongExpectedRevision).actualRevision).toBe(1);
    } finally {
      await rogue.end();
    }
    // The position lock was released on the failure path: other appends still go through.
    const next = await store.appendToStream(s, [testEvent('E', 2)], { expectedRevision: 1 });
    expect(next.nextRevision).toBe(2);
    expect((await collect(store.readStream(s))).map((e) => e.type)).toEqual(['E', 'Rogue', 'E']);
    await store.close();
  });

  it('close() leaves a borrowed pool open, ends an owned one, and refuses later use', async () => {
    const borrowing = await PostgresEventStore.open({ pool: admin, schema });
    await borrowing.close();
    expect(admin.ended).toBe(false);
    expect((await admin.query('SELECT 1 AS one')).rows[0].one).toBe(1);

    const owning = await PostgresEventStore.open({ connectionString: url, schema });
    const s = uniqueStreamId();
    const subscription = owning.subscribeToAll({ filter: { streamPrefixes: [s] } });
    const iterating = (async () => {
      const seen: unknown[] = [];
      for await (const e of subscription) seen.push(e.data);
      return seen;
    })();
    await owning.appendToStream(s, [testEvent('E', 'before close')]);
    await owning.close();
    // The subscription ended with the store: its loop returns instead of hanging.
    expect((await iterating).length).toBeLessThanOrEqual(1);
    await expect(owning.appendToStream(s, [testEvent('E', 'after close')])).rejects.toBeInstanceOf(EventStoreClosed);
    await expect(owning.headPosition()).rejects.toBeInstanceOf(EventStoreClosed);
  });

  it('refuses a schema name it would have to quote', async () => {
    await expect(PostgresEventStore.open({ pool: admin, schema: 'Robert"); DROP TABLE x; --' })).rejects.toThrow(
      /schema name/,
    );
  });
});
