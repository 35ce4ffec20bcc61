import { describe, expect, it } from '@jest/globals';
import { processedMessageStore, type ReadStore, type ReadStoreBatch } from '@relapse-watch/read-store-core';
import { expectInputError, uniqueCollection, uniqueName } from './fixtures';

/** applyBatch, checkpoint and processed-id cases of the read-store conformance suite. */
export function batchConformance(get: () => ReadStore): void {
  describe('applyBatch', () => {
    it('writes puts and deletes across collections, a checkpoint and processed ids together', async () => {
      const [villages, households] = [uniqueCollection('villages'), uniqueCollection('households')];
      const [checkpoint, consumer] = [uniqueName('projection'), uniqueName('consumer')];
      await get().put(households, { id: 'gone', position: 1, data: {} });
      await get().put(households, { id: 'newer', position: 50, data: { v: 'kept' } });
      const result = await get().applyBatch({
        operations: [
          { type: 'put', collection: villages, doc: { id: 'v1', position: 10, data: { households: 1 } } },
          { type: 'delete', collection: households, id: 'gone', position: 11 },
          { type: 'put', collection: households, doc: { id: 'newer', position: 12, data: { v: 'stale' } } },
          { type: 'put', collection: households, doc: { id: 'h1', position: 12, data: { village: 'v1' } } },
        ],
        checkpoint: { name: checkpoint, position: 12 },
        processed: { consumer, messageIds: ['m1', 'm2'] },
      });
      expect(result).toEqual({ applied: [true, true, false, true], alreadyProcessed: false });
      expect(await get().get(villages, 'v1')).toEqual({ id: 'v1', position: 10, data: { households: 1 } });
      expect(await get().get(households, 'gone')).toBeNull();
      expect(await get().get(households, 'newer')).toEqual({ id: 'newer', position: 50, data: { v: 'kept' } });
      expect(await get().get(households, 'h1')).toEqual({ id: 'h1', position: 12, data: { village: 'v1' } });
      expect(await get().loadCheckpoint(checkpoint)).toBe(12);
      expect(await get().hasProcessed(consumer, 'm1')).toBe(true);
      expect(await get().hasProcessed(consumer, 'm2')).toBe(true);
    });

    it('applies many distinct documents, new and stored, live and deleted, each guarded on its own', async () => {
      const c = uniqueCollection();
      const put = (id: string, position: number) => ({
        type: 'put' as const,
        collection: c,
        doc: { id, position, data: { id, position } },
      });
      const del = (id: string, position: number) => ({ type: 'delete' as const, collection: c, id, position });
      await get().applyBatch({
        operations: [
          put('older', 5),
          put('newer', 90),
          put('live', 5),
          put('dead', 5),
          del('dead', 6),
          del('tomb', 50),
        ],
      });
      const operations = [
        ...Array.from({ length: 40 }, (_, i) => put(`new-${i}`, 100 + i)),
        put('older', 60),
        put('newer', 60),
        del('live', 61),
        put('dead', 62),
        put('tomb', 40),
        del('never', 63),
        del('newer', 63),
      ];
      const { applied } = await get().applyBatch({ operations });
      expect(applied).toEqual([
        ...operations.slice(0, 40).map(() => true),
        true,
        false,
        true,
        true,
        false,
        false,
        false,
      ]);
      const found = await get().getMany(c, ['older', 'newer', 'live', 'dead', 'tomb', 'never', 'new-0', 'new-39']);
      expect(Object.fromEntries(found)).toEqual({
        older: { id: 'older', position: 60, data: { id: 'older', position: 60 } },
        newer: { id: 'newer', position: 90, data: { id: 'newer', position: 90 } },
        live: null,
        dead: { id: 'dead', position: 62, data: { id: 'dead', position: 62 } },
        tomb: null,
        never: null,
        'new-0': { id: 'new-0', position: 100, data: { id: 'new-0', position: 100 } },
        'new-39': { id: 'new-39', position: 139, data: { id: 'new-39', position: 139 } },
      });
      // The tombstones keep their positions: older puts stay out.
      expect(
        (await get().applyBatch({ operations: [put('never', 62), put('live', 61), put('tomb', 51)] })).applied,
      ).toEqual([false, false, true]);
      expect(await get().count(c)).toBe(44);
    });

    it('guards two operations on one document in one batch each on its own', async () => {
      const c = uniqueCollection();
      const put = (position: number) => ({
        type: 'put' as const,
        collection: c,
        doc: { id: 'd', position, data: { position } },
      });
      expect((await get().applyBatch({ operations: [put(5), put(7), put(6)] })).applied).toEqual([true, true, false]);
      expect(await get().get(c, 'd')).toEqual({ id: 'd', position: 7, data: { position: 7 } });
    });

    it.each<[string, (c: string) => ReadStoreBatch, string, string]>([
      [
        'bad data in the last operation',
        (c) => ({
          operations: [
            ...valid(c).operations!,
            { type: 'put', collection: c, doc: { id: 'x', position: 3, data: { f: () => 1 } } },
          ],
        }),
        'data.not-json',
        'operations[2].doc.data.f',
      ],
      [
        'a bad checkpoint',
        (c) => ({ ...valid(c), checkpoint: { name: uniqueName('p'), position: -1 } }),
        'position.invalid',
        'checkpoint.position',
      ],
      [
        'a bad message id',
        (c) => ({ ...valid(c), processed: { consumer: uniqueName('k'), messageIds: ['m', ''] } }),
        'message-id.empty',
        'processed.messageIds[1]',
      ],
      [
        'a bad collection in a delete',
        (c) => ({ operations: [...valid(c).operations!, { type: 'delete', collection: 'Bad', id: 'a', position: 9 }] }),
        'collection.invalid',
        'operations[2].collection',
      ],
    ])('is atomic: a batch with %s writes nothing at all', async (_what, build, code, field) => {
      const c = uniqueCollection();
      await get().put(c, { id: 'existing', position: 1, data: { v: 'before' } });
      const batch = build(c);
      const checkpoint = batch.checkpoint?.name ?? uniqueName('p');
      const consumer = batch.processed?.consumer ?? uniqueName('k');
      const withValidRest = {
        checkpoint: { name: checkpoint, position: 5 },
        processed: { consumer, messageIds: ['m'] },
        ...batch,
      };
      await expectInputError(get().applyBatch(withValidRest), code, field);
      expect(await get().get(c, 'new')).toBeNull();
      expect(await get().get(c, 'existing')).toEqual({ id: 'existing', position: 1, data: { v: 'before' } });
      expect(await get().count(c)).toBe(1);
      expect(await get().loadCheckpoint(checkpoint)).toBe(0);
      expect(await get().hasProcessed(consumer, 'm')).toBe(false);
    });

    it('an empty batch is fine', async () => {
      expect(await get().applyBatch({})).toEqual({ applied: [], alreadyProcessed: false });
    });
  });

  describe('checkpoints', () => {
    it('start at 0, move forward with a batch, ignore a lower position, and reset to 0', async () => {
      const name = uniqueName('projection');
      expect(await get().loadCheckpoint(name)).toBe(0);
      await get().applyBatch({ checkpoint: { name, position: 40 } });
      expect(await get().loadCheckpoint(name)).toBe(40);
      await get().applyBatch({ checkpoint: { name, position: 25 } });
      expect(await get().loadCheckpoint(name)).toBe(40);
      await get().applyBatch({ checkpoint: { name, position: 41 } });
      expect(await get().loadCheckpoint(name)).toBe(41);
      await get().resetCheckpoint(name);
      expect(await get().loadCheckpoint(name)).toBe(0);
      await get().applyBatch({ checkpoint: { name, position: 3 } });
      expect(await get().loadCheckpoint(name)).toBe(3);
    });
  });

  describe('processed message ids', () => {
    it('are remembered per consumer', async () => {
      const [consumer, other] = [uniqueName('consumer'), uniqueName('consumer')];
      expect(await get().hasProcessed(consumer, 'msg-1')).toBe(false);
      await get().applyBatch({ processed: { consumer, messageIds: ['msg-1', 'msg-2'] } });
      expect(await get().hasProcessed(consumer, 'msg-1')).toBe(true);
      expect(await get().hasProcessed(consumer, 'msg-2')).toBe(true);
      expect(await get().hasProcessed(other, 'msg-1')).toBe(false);
    });

    it('make a batch naming an already processed id write nothing at all', async () => {
      const c = uniqueCollection();
      const [consumer, other, checkpoint] = [uniqueName('consumer'), uniqueName('consumer'), uniqueName('p')];
      await get().applyBatch({ processed: { consumer, messageIds: ['msg-1'] } });
      const batch = (who: string): ReadStoreBatch => ({
        operations: [{ type: 'put', collection: c, doc: { id: 'h1', position: 3, data: { by: who } } }],
        checkpoint: { name: checkpoint, position: 3 },
        processed: { consumer: who, messageIds: ['msg-2', 'msg-1'] },
      });
      expect(await get().applyBatch(batch(consumer))).toEqual({ applied: [false], alreadyProcessed: true });
      expect(await get().get(c, 'h1')).toBeNull();
      expect(await get().loadCheckpoint(checkpoint)).toBe(0);
      expect(await get().hasProcessed(consumer, 'msg-2')).toBe(false);
      expect(await get().applyBatch(batch(other))).toEqual({ applied: [true], alreadyProcessed: false });
      expect(await get().get(c, 'h1')).toEqual({ id: 'h1', position: 3, data: { by: other } });
    });

    it('processedMessageStore commits the effects and the message id in one batch, once', async () => {
      const c = uniqueCollection();
      const consumer = uniqueName('consumer');
      const store = processedMessageStore(get());
      const put = (id: string, n: number) => ({
        type: 'put' as const,
        collection: c,
        doc: { id, position: n, data: { n } },
      });
      await store.commit(consumer, 'evt-1', { operations: [put('h1', 3)] });
      expect(await store.hasProcessed(consumer, 'evt-1')).toBe(true);
      expect(await get().get(c, 'h1')).toEqual({ id: 'h1', position: 3, data: { n: 3 } });
      await store.commit(consumer, 'evt-1', { operations: [put('h1', 4), put('h2', 4)] });
      expect(await get().get(c, 'h1')).toEqual({ id: 'h1', position: 3, data: { n: 3 } });
      expect(await get().get(c, 'h2')).toBeNull();
      await store.commit(consumer, 'evt-2', { processed: { consumer, messageIds: ['evt-0'] } });
      expect(await store.hasProcessed(consumer, 'evt-0')).toBe(true);
      expect(await store.hasProcessed(consumer, 'evt-2')).toBe(true);
    });

    it('processedMessageStore rejects effects that mark another consumer, writing nothing', async () => {
      const c = uniqueCollection();
      const consumer = uniqueName('consumer');
      const effects: ReadStoreBatch = {
        operations: [{ type: 'put', collection: c, doc: { id: 'h1', position: 3, data: {} } }],
        processed: { consumer: uniqueName('other'), messageIds: ['x'] },
      };
      await expectInputError(
        processedMessageStore(get()).commit(consumer, 'evt-1', effects),
        'processed.conflict',
        'effects.processed',
      );
      expect(await get().hasProcessed(consumer, 'evt-1')).toBe(false);
      expect(await get().get(c, 'h1')).toBeNull();
    });
  });
}

function valid(c: string): ReadStoreBatch {
  return {
    operations: [
      { type: 'put', collection: c, doc: { id: 'new', position: 2, data: { v: 1 } } },
      { type: 'delete', collection: c, id: 'existing', position: 2 },
    ],
  };
}
