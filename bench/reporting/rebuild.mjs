#!/usr/bin/env node
// `npm run bench -- reporting --cases=rebuild-sqlite,rebuild-mongo`: issue 13's rebuild cases. All
// the reporting's read models (households, contexts, unit summaries) folded from position zero of
// a generated inbox log of N events (default 1,000,000) into an empty generation, as `relapse-watch
// projections rebuild` does: on the embedded SQLite read store, or on FerretDB (MongoDB API).
// One JSON line per store: `ours` = events/s from start to caught up.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listOf, parseOptions, positiveInt, reporter, root, serviceUrl } from '../event-store/harness.mjs';
import { peakRssMB } from '../event-store/workload.mjs';
import { writeInbox } from './inbox-log.mjs';

const { log, emit } = reporter('reporting');
const options = parseOptions(process.argv.slice(2), 'usage: rebuild.mjs [--events=N] [--stores=sqlite,mongo]', {
  events: { default: 1_000_000, parse: positiveInt, help: 'events in the inbox log' },
  stores: { default: ['sqlite', 'mongo'], parse: listOf(['sqlite', 'mongo']), help: 'read stores to rebuild into' },
  'batch-events': { default: 5_000, parse: positiveInt, help: 'events folded into one store write' },
});

const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, p));
const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
const { SqliteReadStore } = dist('libs/read-store/sqlite/dist/index.js');
const { MongoReadStore } = dist('libs/read-store/mongodb/dist/index.js');
const { TierSummaryProjector } = dist('services/reporting/dist/read-model/tier-summary.projector.js');
const { reportingCollections } = dist('services/reporting/dist/read-model/reporting-collections.js');

const dir = mkdtempSync(path.join(tmpdir(), 'rw-bench-reporting-'));
try {
  const inboxFile = path.join(dir, 'reporting-inbox.db');
  const { events, households } = await writeInbox(inboxFile, options.events, log);
  for (const kind of options.stores) {
    const database = `rw_bench_reporting_${Date.now()}`;
    const store =
      kind === 'sqlite'
        ? SqliteReadStore.open({ path: path.join(dir, 'read.db') })
        : await MongoReadStore.connect(serviceUrl('MONGODB_URL', 'ferretdb'), { database });
    const inbox = SqliteEventStore.open({ path: inboxFile });
    try {
      const head = await inbox.headPosition();
      const projector = new TierSummaryProjector({
        inbox,
        store,
        collections: reportingCollections(1),
        utcOffsetMinutes: 480,
        batchEvents: options['batch-events'],
        cacheHouseholds: 250_000,
        onBatch: (position) => {
          if (position % 100_000 < options['batch-events']) log(`${kind}: ${position}/${head}`);
        },
      });
      const started = process.hrtime.bigint();
      await projector.start();
      await projector.waitUntil(head);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await projector.stop();
      emit({
        case: `rebuild-${kind}`,
        unit: 'events/s',
        ours: Math.round(events / seconds),
        events,
        households,
        seconds: Math.round(seconds * 10) / 10,
        peakRssMB: peakRssMB(),
        target: kind === 'sqlite' ? 100_000 : 20_000,
      });
    } finally {
      await inbox.close();
      if (kind === 'mongo') {
        const { MongoClient } = require(
          require.resolve('mongodb', { paths: [path.join(root, 'libs/read-store/mongodb')] }),
        );
        const client = new MongoClient(serviceUrl('MONGODB_URL', 'ferretdb'));
        await client
          .db(database)
          .dropDatabase()
          .finally(() => client.close());
      }
      await store.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
