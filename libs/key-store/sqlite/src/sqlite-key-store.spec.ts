import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { keyStoreConformance, personalDataEventStoreCases, wrappedKey } from '@relapse-watch/key-store-testing';
import { SqliteKeyStore } from './sqlite-key-store';

const dir = mkdtempSync(join(tmpdir(), 'key-store-'));
const path = join(dir, 'keys.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

keyStoreConformance('sqlite', async () => SqliteKeyStore.open(path));

it('erasure leaves no copy of the wrapped key in the database file or its write-ahead log', async () => {
  const store = SqliteKeyStore.open(join(dir, 'shred.db'));
  try {
    const key = wrappedKey();
    const kept = wrappedKey();
    await store.putIfAbsent([key, kept]);
    const bytes = () => Buffer.concat([join(dir, 'shred.db'), join(dir, 'shred.db-wal')].map((p) => readOr(p)));
    expect(bytes().includes(Buffer.from(key.wrapped))).toBe(true);
    await store.erase({
      subjectId: key.subjectId,
      erasedAt: '2026-12-07T08:00:00.000Z',
      reason: '测试 / test',
      erasedBy: { userId: 'admin-1', role: 'administrator' },
    });
    expect(bytes().includes(Buffer.from(key.wrapped))).toBe(false);
    expect(bytes().includes(Buffer.from(kept.wrapped))).toBe(true);
  } finally {
    await store.close();
  }
});

it('refuses a file of another schema version without touching it', async () => {
  const other = join(dir, 'future.db');
  (await SqliteKeyStore.open(other)).close();
  const db = new DatabaseSync(other);
  db.exec('UPDATE key_store_schema SET version = 99');
  db.close();
  expect(() => SqliteKeyStore.open(other)).toThrow(/schema version 99/);
  const check = new DatabaseSync(other);
  expect(check.prepare('SELECT version FROM key_store_schema').get()).toEqual({ version: 99 });
  check.close();
});

function readOr(p: string): Buffer {
  try {
    return readFileSync(p);
  } catch {
    return Buffer.alloc(0);
  }
}

let stores = 0;
personalDataEventStoreCases(
  'SQLite event store',
  async () => SqliteEventStore.open({ path: join(dir, `events-${++stores}.db`) }),
  async () => SqliteKeyStore.open(join(dir, 'sealing-keys.db')),
);
