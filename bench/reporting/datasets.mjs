// The logs the reporting cases share within one run, each made once and removed at exit:
//   events     — the 1,000,000-event inbox (rebuild-sqlite, rebuild-mongo, as-of), its read models
//                built into DATA_DIR/read.db by the first case that needs them;
//   households — 1,000,000 households of two events each (tier-summary), read models built.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reporter, root } from '../event-store/harness.mjs';
import { countInbox, writeInbox } from './inbox-log.mjs';
import { rebuild } from './rebuild.case.mjs';

const { log } = reporter('reporting');
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, p));
const folders = [];
process.on('exit', () => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDir(name) {
  const dir = mkdtempSync(path.join(tmpdir(), `rw-bench-reporting-${name}-`));
  folders.push(dir);
  return dir;
}

let eventsLog = null;
let eventsModels = null;
let householdsLog = null;

/** The N-event inbox in a DATA_DIR of its own (`--inbox` reuses a file written before). */
export function eventsDataset({ events, inbox }) {
  eventsLog ??= (async () => {
    const dir = dataDir('events');
    const inboxFile = path.join(dir, 'reporting-inbox.db');
    if (inbox) {
      const { copyFileSync } = await import('node:fs');
      copyFileSync(inbox, inboxFile);
      return { dir, inboxFile, ...(await countInbox(inboxFile)) };
    }
    return { dir, inboxFile, ...(await writeInbox(inboxFile, events, log)) };
  })();
  return eventsLog;
}

/** The same, with its read models in DATA_DIR/read.db (a SQLite rebuild when no case made them yet). */
export function eventsDatasetWithReadModels(options, { measured = false } = {}) {
  eventsModels ??= (async () => {
    const data = await eventsDataset(options);
    await rebuild({
      kind: 'sqlite',
      ...data,
      readFile: path.join(data.dir, 'read.db'),
      threads: options.threads,
      emitLine: measured,
    });
    return data;
  })();
  return eventsModels;
}

/** A province of N households, two events each, its read models built by the live projector. */
export function householdsDataset({ households }) {
  householdsLog ??= (async () => {
    const dir = dataDir('households');
    const inboxFile = path.join(dir, 'reporting-inbox.db');
    const written = await writeInbox(inboxFile, 0, log, { households, light: true });
    const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
    const { SqliteReadStore } = dist('libs/read-store/sqlite/dist/index.js');
    const { TierSummaryProjector } = dist('services/reporting/dist/read-model/tier-summary.projector.js');
    const { reportingCollections } = dist('services/reporting/dist/read-model/reporting-collections.js');
    const inbox = SqliteEventStore.open({ path: inboxFile, readPageSize: 2_000 });
    const store = SqliteReadStore.open({ path: path.join(dir, 'read.db') });
    try {
      const head = await inbox.headPosition();
      const projector = new TierSummaryProjector({
        inbox,
        store,
        collections: reportingCollections(1),
        utcOffsetMinutes: 480,
        batchEvents: 10_000,
        onBatch: (position) => position % 200_000 < 10_000 && log(`households: projected ${position}/${head}`),
      });
      await projector.start();
      await projector.waitUntil(head);
      await projector.stop();
    } finally {
      await inbox.close();
      await store.close();
    }
    return { dir, ...written };
  })();
  return householdsLog;
}
