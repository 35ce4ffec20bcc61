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

    it('guards two operations on one document in one batch each on its own', async () => {
      const c = uniqueCollection();
      const put = (position: number) => ({ type: 'put' as const, collection: c, doc: { id: 'd', position, data: { position } } });
      expect((await get().applyBatch({ operations: [put(5), put(7), put(6)] })).applied).toEqual([true, true, false]);
      expect(await get().get(c, 'd')).toEqual({ id: 'd', position: 7, data: { position: 7 } });
    });

    it.each<[string, (c: string) => ReadStoreBatch, string, string]>([
      [
        'bad data in the last operation',
        (c) => ({
          operations: [...valid(c).operations!, { type: 'put', collection: c, doc: { id: 'x', position: 3, data: { f: () => 1 } } }],
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
      const withValidRest = { checkpoint: { name: checkpoint, position: 5 }, processed: { consumer, messageIds: ['m'] }, ...batch };
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
      const put = (id: string, n: number) => ({ type: 'put' as const, collection: c, doc: { id, position: n, data: { n } } });
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
      await expectInputError(processedMessageStore(get()).commit(consumer, 'evt-1', effects), 'processed.conflict', 'effects.processed');
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
