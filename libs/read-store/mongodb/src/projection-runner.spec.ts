import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { projectionRunnerConformance } from '@relapse-watch/read-store-testing';
import { MongoReadStore } from './mongo-read-store';
import { dropDatabases, mongoUrl, uniqueDatabase } from './test-database.fixture';

const database = uniqueDatabase('rw_rs_runner');
const dir = mkdtempSync(join(tmpdir(), 'rw-mongo-runner-'));
let readStore: MongoReadStore;
beforeAll(async () => {
  readStore = await MongoReadStore.connect(mongoUrl(), { database });
});
afterAll(async () => {
  await readStore?.close();
  await dropDatabases(database);
  rmSync(dir, { recursive: true, force: true });
});

// One database for the file (each test's projection has collections of its own), a fresh
// event store per test. FerretDB 1.24 does not keep the position guard between two writers
// racing on one document (about 1 run in 3 failed that case): one runner per projection there.
projectionRunnerConformance(
  'SqliteEventStore + MongoReadStore (FerretDB)',
  async () => {
    const eventStore = SqliteEventStore.open({ path: join(dir, `${randomUUID()}-events.db`) });
    return { eventStore, readStore, close: () => eventStore.close() };
  },
  { concurrentRunners: false },
);
