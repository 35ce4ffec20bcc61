import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from '@jest/globals';
import { logSealsConformance } from '@relapse-watch/event-store-testing';
import { SCHEMA_VERSION } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-es-sqlite-seals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

logSealsConformance('sqlite (file)', async () => SqliteEventStore.open({ path: join(dir, `events-${++files}.db`) }));

describe('SqliteEventStore schema', () => {
  it('upgrades a version-1 file (no log_seals table) in place and refuses an unknown version', async () => {
    const path = join(dir, 'v1.db');
    await SqliteEventStore.open({ path }).close();
    const db = new DatabaseSync(path);
    db.exec('DROP TABLE log_seals; UPDATE event_store_schema SET version = 1');
    db.close();

    const store = SqliteEventStore.open({ path });
    expect(await store.logSeals().lastSeal()).toBeNull();
    await store.close();
    const check = new DatabaseSync(path);
    expect(check.prepare('SELECT version FROM event_store_schema').get()).toEqual({ version: SCHEMA_VERSION });
    check.exec('UPDATE event_store_schema SET version = 99');
    check.close();
    expect(() => SqliteEventStore.open({ path })).toThrow(/schema version 99 .* expects 2/);
  });
});
