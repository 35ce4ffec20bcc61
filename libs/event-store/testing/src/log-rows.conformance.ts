import { afterEach, describe, expect, it } from '@jest/globals';
import { readsLogRows, type EventStore, type LogRow, type ReadLogRowsOptions } from '@relapse-watch/event-store-core';
import { collect, testEvent, uniqueStreamId } from './fixtures';

async function rowsOf(store: EventStore, options?: ReadLogRowsOptions): Promise<LogRow[]> {
  if (!readsLogRows(store)) throw new Error('the store does not read log rows');
  const rows: LogRow[] = [];
  for await (const batch of store.readLogRows(options)) {
    expect(batch.length).toBeGreaterThan(0);
    if (options?.batchSize !== undefined) expect(batch.length).toBeLessThanOrEqual(options.batchSize);
    rows.push(...batch);
  }
  return rows;
}

/**
 * `readLogRows` of an adapter that offers it: the events `readAll` gives, in its order, with the
 * data and metadata as JSON text that parses to what was appended; bounded by `fromPosition` and
 * `untilPosition`, in batches of at most `batchSize`. Needs a new, empty store per test.
 */
export function logRowsConformance(adapterName: string, openEmpty: () => Promise<EventStore>): void {
  describe(`log rows: ${adapterName}`, () => {
    const open: EventStore[] = [];
    const fresh = async () => {
      const store = await openEmpty();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('an empty log has no rows', async () => {
      const store = await fresh();
      expect(readsLogRows(store)).toBe(true);
      expect(await rowsOf(store)).toEqual([]);
    });

    it('gives every event readAll gives, in order, its data and metadata as JSON text', async () => {
      const store = await fresh();
      const streams = [uniqueStreamId('rows'), uniqueStreamId('rows')];
      for (let i = 0; i < 7; i++)
        await store.appendToStream(streams[i % 2], [
          testEvent('RowWritten', { i, 名称: '平昌县', nested: { list: [i, null, true] } }),
        ]);
      const events = await collect(store.readAll());
      const rows = await rowsOf(store, { batchSize: 3 });
      expect(rows.map((r) => [r[0], r[1], r[2], r[3], JSON.parse(r[4]), JSON.parse(r[5])])).toEqual(
        events.map((e) => [e.position, e.streamId, e.id, e.type, e.data, e.metadata]),
      );
      expect(typeof rows[0][0]).toBe('number');
    });

    it('reads from and until a position, both inclusive', async () => {
      const store = await fresh();
      const streamId = uniqueStreamId('rows');
      for (let i = 0; i < 6; i++) await store.appendToStream(streamId, [testEvent('RowWritten', { i })]);
      const positions = (await collect(store.readAll())).map((e) => e.position);
      const [, second, third, fourth] = positions;
      expect((await rowsOf(store, { fromPosition: second, untilPosition: fourth })).map((r) => r[0])).toEqual([
        second,
        third,
        fourth,
      ]);
      expect((await rowsOf(store, { fromPosition: fourth, batchSize: 1 })).map((r) => r[0])).toEqual(
        positions.slice(3),
      );
      expect(await rowsOf(store, { fromPosition: positions[5] + 1 })).toEqual([]);
      expect(await rowsOf(store, { untilPosition: 0 })).toEqual([]);
    });
  });
}
