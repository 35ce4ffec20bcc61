import { MongoClient } from 'mongodb';
import type { ReadStore, ReadStoreBatch } from '@relapse-watch/read-store-core';
import { readStoreConformance, uniqueName } from '@relapse-watch/read-store-testing';
import { MongoReadStore } from './mongo-read-store';
import { documentCollection } from './mongo-schema';
import { dropDatabases, mongoUrl, uniqueDatabase } from './test-database.fixture';

const conformanceDb = uniqueDatabase('rw_rs_conformance');
const [onceDb, crashedDb, ownDb] = ['rw_rs_once', 'rw_rs_crashed', 'rw_rs_own'].map(uniqueDatabase);
afterAll(() => dropDatabases(conformanceDb, onceDb, crashedDb, ownDb));

readStoreConformance('mongodb (FerretDB)', () => MongoReadStore.connect(mongoUrl(), { database: conformanceDb }));

/** Everything a batch can leave behind, for comparing two stores. */
async function state(store: ReadStore, batch: ReadStoreBatch) {
  const collections = [...new Set(batch.operations?.map((op) => op.collection))].sort();
  return {
    documents: await Promise.all(collections.map((c) => store.find(c))),
    checkpoint: batch.checkpoint ? await store.loadCheckpoint(batch.checkpoint.name) : null,
    processed: batch.processed
      ? await Promise.all(batch.processed.messageIds.map((id) => store.hasProcessed(batch.processed!.consumer, id)))
      : null,
  };
}

describe('MongoReadStore on FerretDB', () => {
  let client: MongoClient;
  beforeAll(async () => {
    client = await MongoClient.connect(mongoUrl());
  });
  afterAll(() => client.close());

  describe('a crash between the parts of a batch (no transactions)', () => {
    const checkpoint = uniqueName('projection');
    const consumer = uniqueName('consumer');
    // Existing documents the batch overwrites, deletes and fails to overwrite.
    const before: ReadStoreBatch = {
      operations: [
        { type: 'put', collection: 'villages', doc: { id: 'v1', position: 3, data: { households: 1 } } },
        { type: 'put', collection: 'households', doc: { id: 'h-gone', position: 2, data: { village: 'v1' } } },
        { type: 'put', collection: 'households', doc: { id: 'h-newer', position: 90, data: { village: 'v9' } } },
      ],
    };
    const batch: ReadStoreBatch = {
      operations: [
        {
          type: 'put',
          collection: 'households',
          doc: { id: 'h1', position: 10, data: { village: 'v1', 户主: '张三' } },
        },
        { type: 'put', collection: 'villages', doc: { id: 'v1', position: 11, data: { households: 2 } } },
        { type: 'delete', collection: 'households', id: 'h-gone', position: 12 },
        { type: 'put', collection: 'households', doc: { id: 'h-newer', position: 12, data: { village: 'stale' } } },
        { type: 'put', collection: 'villages', doc: { id: 'v1', position: 13, data: { households: 1 } } },
        { type: 'delete', collection: 'villages', id: 'v-never-seen', position: 13 },
      ],
      checkpoint: { name: checkpoint, position: 13 },
      processed: { consumer, messageIds: ['m-10', 'm-13'] },
    };

    it.each([1, 3, 4, 6])(
      'operations applied up to #%i without checkpoint, then the whole batch again: as if applied once',
      async (done) => {
        const once = MongoReadStore.fromClient(client, { database: onceDb });
        const crashed = MongoReadStore.fromClient(client, { database: `${crashedDb}_${done}` });
        for (const store of [once, crashed]) await store.applyBatch(before);
        const first = await once.applyBatch(batch);
        expect(first).toEqual({ applied: [true, true, true, false, true, false], alreadyProcessed: false });

        await crashed.applyBatch({ operations: batch.operations!.slice(0, done) });
        expect(await crashed.loadCheckpoint(checkpoint)).toBe(0);
        expect(await crashed.hasProcessed(consumer, 'm-10')).toBe(false);
        const redelivered = await crashed.applyBatch(batch);
        expect(redelivered.alreadyProcessed).toBe(false);
        // What had applied before the crash is a no-op now; the rest applies as it would have.
        expect(redelivered.applied).toEqual(first.applied.map((applied, i) => applied && i >= done));

        expect(await state(crashed, batch)).toEqual(await state(once, batch));
        expect(await crashed.get('villages', 'v1')).toEqual({ id: 'v1', position: 13, data: { households: 1 } });
        expect(await crashed.applyBatch(batch)).toEqual({
          applied: [false, false, false, false, false, false],
          alreadyProcessed: true,
        });
        await client.db(`${crashedDb}_${done}`).dropDatabase();
        await client.db(onceDb).dropDatabase();
      },
    );
  });

  it('stores a document as { _id, position, deleted, data } and a delete as a tombstone without data', async () => {
    const store = MongoReadStore.fromClient(client, { database: ownDb });
    await store.put('households', { id: 'h1', position: 4, data: { village: 'v1' } });
    await store.put('households', { id: 'h2', position: 5, data: { village: 'v1' } });
    expect(await store.delete('households', 'h2', 6)).toBe(true);
    const raw = await client
      .db(ownDb)
      .collection(documentCollection('households'))
      .find({}, { sort: { _id: 1 } })
      .toArray();
    expect(raw).toEqual([
      { _id: 'h1', position: 4, deleted: false, data: { village: 'v1' } },
      { _id: 'h2', position: 6, deleted: true },
    ]);
  });

  it('ensureIndex creates one named index over data fields, dropped with the collection', async () => {
    const store = MongoReadStore.fromClient(client, { database: ownDb });
    await store.ensureIndex('indexed', ['village.code', 'members']);
    await store.ensureIndex('indexed', ['village.code', 'members']);
    const indexes = await client.db(ownDb).collection(documentCollection('indexed')).indexes();
    expect(indexes.map((i) => i.key)).toEqual([{ _id: 1 }, { 'data.village.code': 1, 'data.members': 1 }]);
    await store.dropCollection('indexed');
    const names = (await client.db(ownDb).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).not.toContain(documentCollection('indexed'));
  });

  it('close leaves a client it does not own open; a store from connect closes its own', async () => {
    const borrowed = MongoReadStore.fromClient(client, { database: ownDb });
    await borrowed.close();
    expect(await client.db(ownDb).command({ ping: 1 })).toMatchObject({ ok: 1 });
    const own = await MongoReadStore.connect(mongoUrl(), { database: ownDb });
    expect(own.databaseName).toBe(ownDb);
    await own.put('households', { id: 'h9', position: 1, data: {} });
    await own.close();
    expect(await MongoReadStore.fromClient(client, { database: ownDb }).get('households', 'h9')).toEqual({
      id: 'h9',
      position: 1,
      data: {},
    });
  });

  it('connect rejects when no server answers', async () => {
    await expect(MongoReadStore.connect('mongodb://127.0.0.1:9/x?serverSelectionTimeoutMS=300')).rejects.toThrow(
      /ECONNREFUSED|Server selection/,
    );
  });
});
