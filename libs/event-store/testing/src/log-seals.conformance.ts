import { afterEach, describe, expect, it } from '@jest/globals';
import {
  LogSealDigest,
  logSealsOf,
  signLogSeal,
  type EventStore,
  type LogSeal,
  type LogSealKey,
  type LogSeals,
  type StoredEventRow,
} from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from './fixtures';

const KEY: LogSealKey = { keyId: 'conformance', secret: Buffer.alloc(32, 5) };

/** The seal of `rows` after `previous`, as a sealer makes it. */
export function sealOver(previous: LogSeal | null, rows: readonly StoredEventRow[], key = KEY): LogSeal {
  const digest = new LogSealDigest(previous?.digest ?? null, previous?.toPosition ?? 0);
  for (const row of rows) digest.add(Number(row[0]), row[10]);
  return signLogSeal(digest, key, '2026-12-07T08:00:00.000Z');
}

/** Every stored row from `fromPosition` on, in batches of `batchSize`, flattened. */
export async function rawRows(log: LogSeals, fromPosition = 0, batchSize?: number): Promise<StoredEventRow[]> {
  const rows: StoredEventRow[] = [];
  for await (const batch of log.readRawEvents(fromPosition, { batchSize })) rows.push(...batch);
  return rows;
}

/**
 * The {@link LogSeals} of a real adapter: the raw reader gives the stored rows exactly, and seals
 * are added only when they extend the chain, once, however many processes race. Needs a new,
 * empty store per test, like the store-format suite.
 */
export function logSealsConformance(adapterName: string, openEmpty: () => Promise<EventStore>): void {
  describe(`log seals: ${adapterName}`, () => {
    const open: EventStore[] = [];
    const fresh = async () => {
      const store = await openEmpty();
      open.push(store);
      return { store, log: logSealsOf(store) };
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    async function appendSome(store: EventStore, streams = 3, perStream = 4): Promise<void> {
      for (let s = 0; s < streams; s++) {
        const streamId = uniqueStreamId('seal');
        for (let i = 0; i < perStream; i++)
          await store.appendToStream(streamId, [testEvent('Sealed', { s, i, 名: '值' })]);
      }
    }

    it('an empty log has no seal and no rows', async () => {
      const { log } = await fresh();
      expect(await log.lastSeal()).toBeNull();
      expect(await collect(log.readSeals())).toEqual([]);
      expect(await rawRows(log)).toEqual([]);
    });

    it('reads the stored rows exactly, in position order, in batches, from a position', async () => {
      const { store, log } = await fresh();
      await appendSome(store);
      const events = await collect(store.readAll());
      const rows = await rawRows(log, 0, 5);
      expect(rows.map((r) => [Number(r[0]), r[1], Number(r[2]), r[3], r[4], r[5], r[8], r[9], r[10]])).toEqual(
        events.map((e) => [
          e.position,
          e.streamId,
          e.revision,
          e.id,
          e.type,
          e.schemaVersion,
          e.recordedAt,
          e.prevHash,
          e.hash,
        ]),
      );
      expect(rows.map((r) => JSON.parse(r[6]))).toEqual(events.map((e) => e.data));
      expect(rows.map((r) => JSON.parse(r[7]))).toEqual(events.map((e) => e.metadata));
      const batches: number[] = [];
      for await (const batch of log.readRawEvents(0, { batchSize: 5 })) batches.push(batch.length);
      expect(batches).toEqual([5, 5, 2]);
      expect((await rawRows(log, events[7].position)).map((r) => r[3])).toEqual(events.slice(7).map((e) => e.id));
    });

    it('adds a seal only when it extends the chain, and only once', async () => {
      const { store, log } = await fresh();
      await appendSome(store);
      const rows = await rawRows(log);
      const first = sealOver(null, rows.slice(0, 5));
      expect(await log.addSeal({ ...first, fromPosition: 1 })).toBe(false);
      expect(await log.addSeal({ ...first, prevDigest: 'ab'.repeat(32) })).toBe(false);
      expect(await log.addSeal(first)).toBe(true);
      expect(await log.addSeal(first)).toBe(false);
      expect(await log.lastSeal()).toEqual(first);

      const second = sealOver(first, rows.slice(5));
      expect(await log.addSeal({ ...second, prevDigest: null })).toBe(false);
      expect(await log.addSeal(sealOver(null, rows.slice(5)))).toBe(false);
      expect(await log.addSeal(second)).toBe(true);
      expect(await collect(log.readSeals())).toEqual([first, second]);
      expect(await collect(log.readSeals(first.toPosition))).toEqual([second]);
      expect(await collect(log.readSeals(first.toPosition + 1))).toEqual([]);
      expect(await log.lastSeal()).toEqual(second);
    });

    it('of sealers racing from the same seal, exactly one wins', async () => {
      const { store, log } = await fresh();
      await appendSome(store, 4, 5);
      const rows = await rawRows(log);
      const rivals = [3, 7, 11, 20].map((n) => sealOver(null, rows.slice(0, n)));
      const added = await Promise.all(rivals.map((seal) => log.addSeal(seal)));
      expect(added.filter(Boolean)).toHaveLength(1);
      expect(await collect(log.readSeals())).toEqual([rivals[added.indexOf(true)]]);
    });
  });
}
