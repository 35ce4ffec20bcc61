// OUR side of bench/projection-mongo's store cases: MongoReadStore (built JavaScript, as in
// ours.mjs) on one FerretDB backend, into a fresh database that each task drops afterwards.
// Each task times only the read store's calls; the documents are computed in memory first
// (the projection runner's fold and cache are not what is measured here).
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { requireOurs, requireWorkspace } from '../event-store/harness.mjs';
import { round, serveOneTask } from '../event-store/workload.mjs';
import { emptyRollup, foldRollup, householdDoc, prng, rollupEvent, tierUnits } from './tiers.mjs';

const require = createRequire(import.meta.url);
const { MongoReadStore } = requireOurs(require, '@relapse-watch/read-store-mongodb');
const { MongoClient } = requireWorkspace('mongodb');

/** Opens the store on a client whose wire commands are counted by name (count, total ms). */
async function open(url, database) {
  const client = new MongoClient(url, { monitorCommands: true });
  await client.connect();
  const commands = {};
  client.on('commandSucceeded', (e) => {
    const c = (commands[e.commandName] ??= { count: 0, ms: 0 });
    c.count++;
    c.ms += e.duration;
  });
  const store = MongoReadStore.fromClient(client, { database });
  const take = () => {
    const out = Object.fromEntries(
      Object.entries(commands).map(([k, v]) => [
        k,
        { count: v.count, ms: round(v.ms), avgMs: round(v.ms / v.count, 3) },
      ]),
    );
    for (const k of Object.keys(commands)) delete commands[k];
    return out;
  };
  const close = async () => {
    await client
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  };
  return { store, take, close };
}

/**
 * (a) First writes: `docs` new household documents through applyBatch, `batchDocs` per batch
 * (each with its checkpoint, as a projection writes them), into a fresh collection per size.
 * Stops a size early once `budgetS` seconds have passed (a slow backend), and says so.
 */
async function bulkInsert({ url, database, docs, sizes, budgetS }) {
  const { store, take, close } = await open(url, database);
  try {
    const runs = [];
    for (const batchDocs of sizes) {
      const collection = `households_${batchDocs}`;
      let written = 0;
      const t0 = performance.now();
      while (written < docs && performance.now() - t0 < budgetS * 1000) {
        const n = Math.min(batchDocs, docs - written);
        const operations = Array.from({ length: n }, (_, k) => {
          const i = written + k;
          return {
            type: 'put',
            collection,
            doc: { id: householdDoc(i).householdId, position: i + 1, data: householdDoc(i) },
          };
        });
        const result = await store.applyBatch({ operations, checkpoint: { name: collection, position: written + n } });
        if (!result.applied.every(Boolean)) throw new Error(`a first write did not apply (batch of ${batchDocs})`);
        written += n;
      }
      const seconds = (performance.now() - t0) / 1000;
      const stored = await store.count(collection);
      if (stored !== written) throw new Error(`${collection}: ${stored} documents stored, ${written} written`);
      runs.push({
        batchDocs,
        docs: written,
        complete: written === docs,
        seconds: round(seconds, 2),
        docsPerS: round(written / seconds),
        msPerBatch: round((seconds * 1000) / Math.ceil(written / batchDocs), 1),
        commands: take(),
      });
      await store.dropCollection(collection);
    }
    return { runs };
  } finally {
    await close();
  }
}

/**
 * (b) Rollup updates: the ~40,000 tier units are first inserted (their seeding rate is
 * reported, not the figure); then, for each events-per-batch size in turn, `events` events
 * each update a village and its four ancestors. A batch writes each unit it touched once,
 * at the position of the last event that touched it, as ProjectionRunner does with distinct
 * documents. The units' documents are kept in memory, so the store is only written, never read.
 * (c) getMany of 500 random stored ids and (d) find by an indexed field follow on the same
 * collection, each for `reads` calls or `budgetS` seconds.
 */
async function rollup({ url, database, events, batchSizes, budgetS, reads }) {
  const { store, take, close } = await open(url, database);
  const collection = 'tier_rollups';
  try {
    const units = tierUnits();
    const state = new Map(units.map((u) => [u.id, { position: 1, data: emptyRollup(u) }]));
    const seedT0 = performance.now();
    for (let from = 0; from < units.length; from += 2_000) {
      const slice = units.slice(from, from + 2_000);
      await store.applyBatch({
        operations: slice.map((u) => ({ type: 'put', collection, doc: { id: u.id, position: 1, ...state.get(u.id) } })),
      });
    }
    const seed = { units: units.length, seconds: round((performance.now() - seedT0) / 1000, 2), commands: take() };
    const villages = units.filter((u) => u.tier === 'village');
    let position = 1;
    let msPerWrite = null;
    const runs = [];
    for (const perBatch of batchSizes) {
      let done = 0;
      let writes = 0;
      let batches = 0;
      let stopped = null;
      const t0 = performance.now();
      while (done < events) {
        // Folded into a copy, committed to `state` only once written: a batch the budget
        // refuses leaves the store and the state alike.
        const touched = new Map();
        const n = Math.min(perBatch, events - done);
        const r = prng(position);
        for (let k = 0; k < n; k++) {
          const event = rollupEvent(r, villages, position + k + 1);
          for (const id of event.village.chain) {
            const before = touched.get(id) ?? state.get(id);
            touched.set(id, { position: position + k + 1, data: foldRollup(before.data, event) });
          }
        }
        const spent = performance.now() - t0;
        const projected = msPerWrite === null ? 0 : msPerWrite * touched.size;
        if (batches > 0 ? spent + projected > budgetS * 1000 : projected > 3 * budgetS * 1000) {
          stopped = `budget: the next batch of ${touched.size} writes would take ~${round(projected / 1000)} s`;
          break;
        }
        const operations = [...touched].map(([id, doc]) => ({ type: 'put', collection, doc: { id, ...doc } }));
        const w0 = performance.now();
        const result = await store.applyBatch({ operations, checkpoint: { name: 'rollups', position: position + n } });
        msPerWrite = (performance.now() - w0) / operations.length;
        if (!result.applied.every(Boolean)) throw new Error(`an update did not apply (batch of ${perBatch} events)`);
        for (const [id, doc] of touched) state.set(id, doc);
        position += n;
        done += n;
        writes += operations.length;
        batches++;
      }
      const seconds = (performance.now() - t0) / 1000;
      runs.push({
        eventsPerBatch: perBatch,
        events: done,
        complete: done === events,
        stopped,
        batches,
        writes,
        writesPerBatch: batches ? round(writes / batches) : null,
        seconds: round(seconds, 2),
        eventsPerS: done ? round(done / seconds) : null,
        writesPerS: writes ? round(writes / seconds) : null,
        msPerWrite: round(msPerWrite ?? 0, 2),
        commands: take(),
      });
    }
    // What was written is what the store gives back (a sample of 500, one getMany).
    const sample = villages.slice(0, 500).map((u) => u.id);
    const back = await store.getMany(collection, sample);
    const mismatch = sample.find((id) => JSON.stringify(back.get(id)?.data) !== JSON.stringify(state.get(id).data));
    if (mismatch) throw new Error(`document ${mismatch} differs from what was written`);
    take();
    return { seed, runs, reads: await readCases(store, take, collection, villages, units, reads, budgetS) };
  } finally {
    await close();
  }
}

/** (c) and (d) on the rollup collection. */
async function readCases(store, take, collection, villages, units, reads, budgetS) {
  const random = prng(42);
  const timedLoop = async (call) => {
    let calls = 0;
    let docs = 0;
    const t0 = performance.now();
    while (calls < reads && performance.now() - t0 < budgetS * 1000) {
      docs += await call();
      calls++;
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      calls,
      docs,
      seconds: round(seconds, 2),
      msPerCall: round((seconds * 1000) / calls, 1),
      docsPerS: round(docs / seconds),
      commands: take(),
    };
  };
  const getMany = await timedLoop(async () => {
    const ids = Array.from({ length: 500 }, () => villages[Math.floor(random() * villages.length)].id);
    const found = await store.getMany(collection, ids);
    return [...found.values()].filter(Boolean).length;
  });
  await store.ensureIndex(collection, ['countyCode']);
  take();
  const counties = units.filter((u) => u.tier === 'county').map((u) => u.id);
  const findIndexed = await timedLoop(async () => {
    const county = counties[Math.floor(random() * counties.length)];
    const found = await store.find(collection, { where: { countyCode: county } });
    if (found.length !== 1 + 15 + 15 * 15) throw new Error(`county ${county}: ${found.length} units found`);
    return found.length;
  });
  return { getMany500: getMany, findIndexed: { ...findIndexed, field: 'countyCode', docsPerQuery: 241 } };
}

serveOneTask({ bulkInsert, rollup });
