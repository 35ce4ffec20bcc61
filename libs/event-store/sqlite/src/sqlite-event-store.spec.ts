import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { eventStoreConformance } from '@relapse-watch/event-store-testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-es-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreConformance('sqlite (file, synchronous=FULL)', async () =>
  SqliteEventStore.open({ path: join(dir, 'events.db') }),
);
