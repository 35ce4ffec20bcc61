import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Pool } from 'pg';
import {
  DuplicateEventId,
  eventHash,
  prepareAppend,
  WrongExpectedRevision,
  type AppendResult,
} from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { writeAppend } from './append-writer';
import { writeGroup } from './group-writer';
import { PostgresEventStore } from './postgres-event-store';
import { schemaStatements } from './sql-statements';

const url = process.env['POSTGRES_URL'] as string;
const schema = `es_group_${randomBytes(6).toString('hex')}`;

/**
 * Group commit: appends made in the same tick are written by one transaction. These cases
 * start them together (no await in between), so they land in one group, and check that each
 * still gets exactly the outcome it would get alone, in submission order.
 */
describe('PostgresEventStore: group commit', () => {
  let store: PostgresEventStore;
  let admin: Pool;
  beforeAll(async () => {
    admin = new Pool({ connectionString: url, max: 2 });
    store = await PostgresEventStore.open({ connectionString: url, schema, maxConcurrentGroups: 1 });
  });
  afterAll(async () => {
    await store?.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  /** Recomputes every hash of the stream from its stored columns and checks the chain. */
  async function expectIntactChain(streamId: string): Promise<void> {
    const rows = await admin.query<{
      revision: string;
      event_id: string;
      type: string;
      schema_version: number;
      data: string;
      metadata: string;
      recorded_at: string;
      prev_hash: string | null;
      hash: string;
    }>(
      `SELECT revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash FROM "${schema}".events WHERE stream_id = $1 ORDER BY revision`,
      [streamId],
    );
    let prev: string | null = null;
    rows.rows.forEach((r, i) => {
      expect(Number(r.revision)).toBe(i);
      expect(r.prev_hash).toBe(prev);
      const fields = {
        streamId,
        revision: i,
        id: r.event_id,
        type: r.type,
        schemaVersion: r.schema_version,
        dataJson: r.data,
        metadataJson: r.metadata,
        recordedAt: r.recorded_at,
      };
      expect(r.hash).toBe(eventHash(fields, prev));
      prev = r.hash;
    });
  }

  it('appends to one stream in one group chain: each checked against the head the previous one left', async () => {
    const s = uniqueStreamId();
    const results = await Promise.all([
      store.appendToStream(s, [testEvent('E', 0), testEvent('E', 1)], { expectedRevision: 'no_stream' }),
      store.appendToStream(s, [testEvent('E', 2)], { expectedRevision: 1 }),
      store.appendToStream(s, [testEvent('E', 3)], { expectedRevision: 'stream_exists' }),
      store.appendToStream(s, [testEvent('E', 4)]),
    ]);
    expect(results.map((r) => r.nextRevision)).toEqual([1, 2, 3, 4]);
    const events = await collect(store.readStream(s));
    expect(events.map((e) => e.data)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.lastPosition)).toEqual(
      [events[1], events[2], events[3], events[4]].map((e) => e.position),
    );
    for (let i = 1; i < events.length; i++) expect(events[i].position).toBeGreaterThan(events[i - 1].position);
    await expectIntactChain(s);
  });

  it('conflicts inside a group: the later append sees the earlier one and fails with the actual revision', async () => {
    const s = uniqueStreamId();
    const outcomes = await Promise.allSettled([
      store.appendToStream(s, [testEvent('E', 'first')], { expectedRevision: 'no_stream' }),
      store.appendToStream(s, [testEvent('E', 'second')], { expectedRevision: 'no_stream' }),
      store.appendToStream(s, [testEvent('E', 'third')], { expectedRevision: 0 }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason as WrongExpectedRevision;
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error.actualRevision).toBe(0);
    expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual(['first', 'third']);
    await expectIntactChain(s);
  });

  it('a re-send inside the same group is idempotent: the original result, nothing written twice', async () => {
    const s = uniqueStreamId();
    const t = uniqueStreamId();
    await store.appendToStream(t, [testEvent('E', 'seed')]);
    const events = [testEvent('E', 'a'), testEvent('E', 'b')];
    const more = [testEvent('E', 'c')];
    const [first, again, partial, anyFirst, anyAgain] = await Promise.allSettled([
      store.appendToStream(s, events, { expectedRevision: 'no_stream' }),
      store.appendToStream(s, events, { expectedRevision: 'no_stream' }),
      store.appendToStream(s, [events[0], testEvent('E', 'x')], { expectedRevision: 'no_stream' }),
      store.appendToStream(t, more),
      store.appendToStream(t, more),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(again).toEqual(first);
    expect((partial as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventId);
    expect(anyFirst.status).toBe('fulfilled');
    expect(anyAgain).toEqual(anyFirst);
    expect((await collect(store.readStream(s))).map((e) => e.data)).toEqual(['a', 'b']);
    expect((await collect(store.readStream(t))).map((e) => e.data)).toEqual(['seed', 'c']);
    expect((anyFirst as PromiseFulfilledResult<AppendResult>).value.nextRevision).toBe(1);
  });

  it('a storage error in one append fails that append alone; the rest of its group is written', async () => {
    // A trigger refuses one event type: the group's shared INSERT fails, and the store falls
    // back to one transaction per append to find the one at fault.
    await admin.query(`CREATE FUNCTION "${schema}".refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.type = 'Poison' THEN RAISE EXCEPTION 'poisoned event'; END IF; RETURN NEW; END $$`);
    await admin.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON "${schema}".events FOR EACH ROW EXECUTE FUNCTION "${schema}".refuse_poison()`,
    );
    try {
      const streams = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const outcomes = await Promise.allSettled([
        store.appendToStream(streams[0], [testEvent('E', 0)], { expectedRevision: 'no_stream' }),
        store.appendToStream(streams[1], [testEvent('E', 1), testEvent('Poison', 1)], {
          expectedRevision: 'no_stream',
        }),
        store.appendToStream(streams[2], [testEvent('E', 2)], { expectedRevision: 'no_stream' }),
        store.appendToStream(streams[0], [testEvent('E', 3)], { expectedRevision: 0 }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/poisoned event/);
      expect((await collect(store.readStream(streams[0]))).map((e) => e.data)).toEqual([0, 3]);
      expect(await collect(store.readStream(streams[1]))).toEqual([]);
      expect((await collect(store.readStream(streams[2]))).map((e) => e.data)).toEqual([2]);
      await expectIntactChain(streams[0]);
    } finally {
      await admin.query(`DROP TRIGGER refuse_poison ON "${schema}".events`);
    }
    // Nothing was left locked: the next group goes through.
    expect((await store.appendToStream(uniqueStreamId(), [testEvent('E', 'after')])).nextRevision).toBe(0);
  });

  it('a stream locked by another transaction holds back only its own appends, not the rest of the group', async () => {
    const busy = uniqueStreamId();
    await store.appendToStream(busy, [testEvent('E', 0)]);
    const holder = new Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await writeAppend(
        holder,
        schemaStatements(schema),
        prepareAppend(busy, [testEvent('E', 'held')], { expectedRevision: 0 }),
      );
      let waitingDone = false;
      const waiting = store
        .appendToStream(busy, [testEvent('E', 'waits')], { expectedRevision: 1 })
        .finally(() => (waitingDone = true));
      const others = await Promise.all([
        store.appendToStream(uniqueStreamId(), [testEvent('E', 'free')]),
        store.appendToStream(uniqueStreamId(), [testEvent('E', 'free')]),
      ]);
      expect(others.map((r) => r.nextRevision)).toEqual([0, 0]);
      // The waiting append keeps no group slot (this store runs one group at a time).
      for (let i = 0; i < 3; i++)
        expect((await store.appendToStream(uniqueStreamId(), [testEvent('E', i)])).nextRevision).toBe(0);
      expect(waitingDone).toBe(false);
      await holder.query('COMMIT');
      expect((await waiting).nextRevision).toBe(2);
    } finally {
      await holder.end();
    }
    expect((await collect(store.readStream(busy))).map((e) => e.data)).toEqual([0, 'held', 'waits']);
    await expectIntactChain(busy);
  });

  it('a group that reserved its positions but has not committed holds back every later commit from subscribers', async () => {
    const holder = new Client({ connectionString: url });
    await holder.connect();
    const held = [testEvent('Held', 'a'), testEvent('Held', 'b')];
    const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
    const received: { position: number; type: string }[] = [];
    try {
      await holder.query('BEGIN');
      const written = await writeGroup(holder, schemaStatements(schema), [prepareAppend(uniqueStreamId(), held)]);
      const heldPosition = (written.outcomes[0] as { ok: true; result: AppendResult }).result.lastPosition;
      const later = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.appendToStream(uniqueStreamId(), [testEvent('Later', i)])),
      );
      expect(Math.min(...later.map((r) => r.lastPosition))).toBeGreaterThan(heldPosition);
      const receiving = (async () => {
        for await (const e of subscription) {
          received.push({ position: e.position, type: e.type });
          if (received.length === 22) break;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toEqual([]);
      await holder.query('COMMIT');
      await receiving;
      expect(received.map((e) => e.type)).toEqual([...held.map(() => 'Held'), ...later.map(() => 'Later')]);
      for (let i = 1; i < received.length; i++) expect(received[i].position).toBeGreaterThan(received[i - 1].position);
    } finally {
      await subscription.stop();
      await holder.end();
    }
  });

  it('many concurrent appends over a few streams: every outcome is the one a serial order gives, chains intact', async () => {
    const streams = Array.from({ length: 5 }, () => uniqueStreamId());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        store.appendToStream(streams[i % 5], [testEvent('E', i), testEvent('E', i)]),
      ),
    );
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    for (const s of streams) {
      const events = await collect(store.readStream(s));
      expect(events).toHaveLength(80);
      await expectIntactChain(s);
    }
    const all = await collect(store.readAll());
    for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
  });
});
