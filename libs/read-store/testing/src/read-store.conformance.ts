import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReadStoreClosed, type ReadStore } from '@relapse-watch/read-store-core';
import { badInputConformance } from './bad-input.conformance';
import { batchConformance } from './batch.conformance';
import { documentConformance } from './document.conformance';
import { uniqueCollection } from './fixtures';
import { queryConformance } from './query.conformance';

/**
 * How the suite gets a store. It may be called more than once (the close case opens a
 * store of its own); every store it returns is closed by the suite.
 */
export type ReadStoreFactory = () => Promise<ReadStore>;

/**
 * The read-store conformance suite. Every adapter's spec calls it once with a factory;
 * tests never assume an empty store (each uses its own collections and names), so one
 * store may be shared by all of them.
 */
export function readStoreConformance(adapterName: string, factory: ReadStoreFactory): void {
  describe(`ReadStore conformance: ${adapterName}`, () => {
    let store: ReadStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });
    const get = () => store;

    documentConformance(get);
    batchConformance(get);
    queryConformance(get);
    badInputConformance(get);

    describe('close', () => {
      it('is idempotent; a closed store rejects every call with ReadStoreClosed', async () => {
        const other = await factory();
        await other.close();
        await other.close();
        const c = uniqueCollection();
        const calls: Promise<unknown>[] = [
          other.get(c, 'a'),
          other.getMany(c, ['a']),
          other.put(c, { id: 'a', position: 1, data: {} }),
          other.delete(c, 'a', 1),
          other.applyBatch({}),
          other.find(c),
          other.count(c),
          other.ensureIndex(c, ['a']),
          other.dropCollection(c),
          other.loadCheckpoint('p'),
          other.resetCheckpoint('p'),
          other.hasProcessed('k', 'm'),
        ];
        for (const call of calls) await expect(call).rejects.toBeInstanceOf(ReadStoreClosed);
        expect(await store.count(c)).toBe(0);
      });
    });
  });
}
