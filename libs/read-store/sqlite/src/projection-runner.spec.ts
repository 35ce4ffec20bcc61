import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { projectionRunnerConformance } from '@relapse-watch/read-store-testing';
import { SqliteReadStore } from './sqlite-read-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-projection-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fresh event store and read store per test, each in its own file.
projectionRunnerConformance('SqliteEventStore + SqliteReadStore', async () => {
  const id = randomUUID();
  const eventStore = SqliteEventStore.open({ path: join(dir, `${id}-events.db`) });
  const readStore = SqliteReadStore.open({ path: join(dir, `${id}-read.db`) });
  return {
    eventStore,
    readStore,
    close: async () => void (await Promise.all([eventStore.close(), readStore.close()])),
  };
});
