// OUR side of bench/projection-mongo: one child process per task, on our packages as built
// JavaScript (build-ours.mjs). Events come from our embedded SQLite event store (seeded by
// the `seed` task); the rebuild runs our ProjectionRunner into MongoReadStore on FerretDB
// (MONGODB_URL), into a fresh database that the task drops afterwards.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { requireOurs, requireWorkspace } from '../event-store/harness.mjs';
import {
  EVENT_TYPES,
  EVENTS_PER_HOUSEHOLD,
  householdEvents,
  householdStreamId,
  round,
  serveOneTask,
  uuidv7,
} from '../event-store/workload.mjs';

const require = createRequire(import.meta.url);
const { SqliteEventStore } = requireOurs(require, '@relapse-watch/event-store-sqlite');
const { ProjectionRunner } = requireOurs(require, '@relapse-watch/read-store-core');
const { MongoReadStore } = requireOurs(require, '@relapse-watch/read-store-mongodb');
const { MongoClient } = requireWorkspace('mongodb');

/**
 * A household-like read model: one summary document per household, changed by each of the
 * registry's four event types (the types workload.mjs cycles through).
 */
const householdSummary = {
  name: 'bench-household-summary',
  collection: 'household_summaries',
  handles: EVENT_TYPES,
  documentId: (event) => event.data.householdId,
  indexes: [['divisionCode']],
  evolve(doc, event) {
    const d = event.data;
    const base = doc ?? {
      householdId: d.householdId,
      divisionCode: d.divisionCode,
      village: d.village,
      head: d.head,
      members: d.members,
      events: 0,
      incomeRecords: 0,
      lastPerCapitaIncome: null,
      risks: 0,
      lastRisk: null,
      visits: 0,
      lastNote: null,
    };
    const next = { ...base, events: base.events + 1, members: d.members };
    if (event.type === 'HouseholdIncomeRecorded')
      Object.assign(next, { incomeRecords: base.incomeRecords + 1, lastPerCapitaIncome: d.perCapitaIncome });
    if (event.type === 'HouseholdRiskReported') Object.assign(next, { risks: base.risks + 1, lastRisk: d.riskType });
    if (event.type === 'HouseholdVisitRecorded') Object.assign(next, { visits: base.visits + 1, lastNote: d.note });
    return next;
  },
};

/**
 * Writes `households` × 20 events. `appendsPerHousehold` = 1: each household's history in one
 * append (a household's events are adjacent in the log). Above 1: households come in waves of
 * `wave`, and each wave's households get their events in that many rounds of appends, so a
 * household's events are spread over the log (as in a live registry) and the projection
 * updates its document several times.
 */
async function seed({ file, households, appendsPerHousehold, wave }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'NORMAL' });
  const t0 = performance.now();
  const per = EVENTS_PER_HOUSEHOLD / appendsPerHousehold;
  try {
    for (let first = 0; first < households; first += wave) {
      const ids = [];
      for (let h = first; h < Math.min(households, first + wave); h++) ids.push([h, uuidv7()]);
      for (let round = 0; round < appendsPerHousehold; round++) {
        await Promise.all(
          ids.map(([h, id]) =>
            store.appendToStream(
              householdStreamId(id),
              householdEvents(id, per, h * EVENTS_PER_HOUSEHOLD + round * per),
              { expectedRevision: round === 0 ? 'no_stream' : round * per - 1 },
            ),
          ),
        );
      }
    }
    return { events: await store.headPosition(), seconds: round((performance.now() - t0) / 1000, 2) };
  } finally {
    await store.close();
  }
}

/**
 * ProjectionRunner.rebuild() of the household summary from position 0 into a fresh database,
 * timed until waitUntilCaughtUp(last position) resolves. The profile: wall time inside the
 * read store's `get`, `getMany` and `applyBatch` (the rest is reading the log, folding, and the runner),
 * and every wire command FerretDB answered, by name (count and total ms, from the driver's
 * command monitoring).
 */
async function rebuild({ file, url, database, total, households, maxBatchEvents }) {
  const store = SqliteEventStore.open({ path: file, synchronous: 'FULL' });
  const client = new MongoClient(url, { monitorCommands: true });
  await client.connect();
  const commands = {};
  client.on('commandSucceeded', (e) => {
    const c = (commands[e.commandName] ??= { count: 0, ms: 0 });
    c.count++;
    c.ms += e.duration;
  });
  const spent = { get: { calls: 0, ms: 0 }, getMany: { calls: 0, ms: 0 }, applyBatch: { calls: 0, ms: 0 } };
  const readStore = MongoReadStore.fromClient(client, { database });
  const timed = new Proxy(readStore, {
    get(target, prop) {
      const value = target[prop];
      if (typeof value !== 'function') return value;
      if (!(prop in spent)) return value.bind(target);
      return async (...args) => {
        const t = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          spent[prop].calls++;
          spent[prop].ms += performance.now() - t;
        }
      };
    },
  });
  let runnerError = null;
  const runner = new ProjectionRunner(householdSummary, store, timed, {
    maxBatchEvents,
    onError: (error) => (runnerError = error),
  });
  try {
    const head = await store.headPosition();
    const t0 = performance.now();
    await runner.rebuild();
    await runner.waitUntilCaughtUp(head);
    const seconds = (performance.now() - t0) / 1000;
    await runner.stop();
    const documents = await readStore.count(householdSummary.collection);
    const [sample] = await readStore.find(householdSummary.collection, { limit: 1 });
    const stats = runner.stats;
    const ms = (x) => round(x, 0);
    return {
      events: stats.eventsSeen,
      seconds,
      documents,
      documentsOk: documents === households && stats.eventsSeen === total && sample?.data?.events > 0,
      stats,
      error: runnerError ? String(runnerError) : null,
      profile: {
        wallMs: ms(seconds * 1000),
        readStoreGetMs: ms(spent.get.ms),
        readStoreGetCalls: spent.get.calls,
        readStoreGetManyMs: ms(spent.getMany.ms),
        readStoreGetManyCalls: spent.getMany.calls,
        readStoreApplyBatchMs: ms(spent.applyBatch.ms),
        readStoreApplyBatchCalls: spent.applyBatch.calls,
        restMs: ms(seconds * 1000 - spent.get.ms - spent.getMany.ms - spent.applyBatch.ms),
        restIs: 'reading the SQLite log, folding, runner bookkeeping',
        commands: Object.fromEntries(
          Object.entries(commands)
            .sort((a, b) => b[1].ms - a[1].ms)
            .map(([k, v]) => [k, { count: v.count, ms: ms(v.ms), avgMs: round(v.ms / v.count, 3) }]),
        ),
      },
      setup: {
        runner: `ProjectionRunner, maxBatchEvents ${maxBatchEvents}, rebuild()`,
        readStore: `MongoReadStore on ${url.replace(/\/[^/]*$/, '')}, database ${database}`,
        source: 'SqliteEventStore (node:sqlite)',
      },
    };
  } finally {
    await runner.stop().catch(() => undefined);
    await client
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await store.close();
  }
}

serveOneTask({ seed, rebuild });
