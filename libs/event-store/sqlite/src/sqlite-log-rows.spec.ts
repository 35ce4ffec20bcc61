import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { logRowsConformance } from '@relapse-watch/event-store-testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-es-sqlite-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

logRowsConformance('sqlite (file)', async () => SqliteEventStore.open({ path: join(dir, `events-${++files}.db`) }));
