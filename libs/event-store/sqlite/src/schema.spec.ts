import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll } from '@jest/globals';
import { eventHash, type StoredEvent } from '@relapse-watch/event-store-core';
import { testEvent } from '@relapse-watch/event-store-testing';
import { streamKey, UnsupportedSchemaVersion } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-es-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `events-${files++}.db`);

// The schema as version 1 created it (kept here as the fixture of the migration).
const VERSION_1 = `
CREATE TABLE events (
  position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL,
  type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
  recorded_at TEXT NOT NULL, prev_hash TEXT, hash TEXT NOT NULL
);
CREATE UNIQUE INDEX events_stream_revision ON events (stream_id, revision);
CREATE TABLE event_store_schema (version INTEGER NOT NULL);
INSERT INTO event_store_schema (version) VALUES (1);
`;

async function all(store: SqliteEventStore): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

async function stream(store: SqliteEventStore, id: string, backwards = false): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.readStream(id, backwards ? { direction: 'backwards' } : {})) out.push(e);
  return out;
}

/** A version 1 file holding `events`, rows written as the version 1 store wrote them (hash chains included). */
function versionOneFile(path: string, events: readonly StoredEvent[]): void {
  const db = new DatabaseSync(path);
  db.exec(VERSION_1);
  const insert = db.prepare(
    'INSERT INTO events (position, stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const e of events) {
    insert.run(e.position, e.streamId, e.revision, e.id, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt, e.prevHash, e.hash);
  }
  db.close();
}

describe('SQLite event store schema', () => {
  it('gives a stream a 52-bit key of its id, the same on every call', () => {
    const keys = ['registry-household-1', 'registry-household-2', 'registry-person-户主'].map(streamKey);
    for (const key of keys) expect(Number.isSafeInteger(key) && key >= 0 && key < 2 ** 52).toBe(true);
    expect(new Set(keys).size).toBe(3);
    expect(streamKey('registry-household-1')).toBe(keys[0]);
  });

  it('migrates a version 1 file: every event kept as it was, streams readable both ways, appends continue the chains', async () => {
    // Events as a store writes them, copied into a version 1 file.
    const source = SqliteEventStore.open({ path: newPath() });
    const streams = ['registry-household-a', 'registry-person-b', 'registry-household-c'];
    for (let round = 0; round < 3; round++) {
      for (const id of streams) await source.appendToStream(id, [testEvent('E', { round, 户主: '张三' }), testEvent('F', { round })]);
    }
    const original = await all(source);
    await source.close();
    const path = newPath();
    versionOneFile(path, original);

    const migrated = SqliteEventStore.open({ path });
    try {
      expect(await all(migrated)).toEqual(original);
      for (const id of streams) {
        const events = original.filter((e) => e.streamId === id);
        expect(await stream(migrated, id)).toEqual(events);
        expect(await stream(migrated, id, true)).toEqual([...events].reverse());
      }
      const next = await migrated.appendToStream('registry-person-b', [testEvent('G', {})], { expectedRevision: 5 });
      expect(next.nextRevision).toBe(6);
      const [last] = await stream(migrated, 'registry-person-b', true);
      const previous = original.filter((e) => e.streamId === 'registry-person-b').at(-1) as StoredEvent;
      expect(last.prevHash).toBe(previous.hash);
      expect(last.hash).toBe(
        eventHash(
          { streamId: last.streamId, revision: 6, id: last.id, type: 'G', schemaVersion: 1, dataJson: '{}', metadataJson: JSON.stringify(last.metadata), recordedAt: last.recordedAt },
          previous.hash,
        ),
      );
      await expect(migrated.appendToStream('registry-household-a', [testEvent('H', {})], { expectedRevision: 4 })).rejects.toMatchObject({ name: 'WrongExpectedRevision' });
    } finally {
      await migrated.close();
    }
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('SELECT version FROM event_store_schema').all()).toEqual([{ version: 2 }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").all()).toEqual([{ name: 'events_stream_key' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events WHERE stream_key = 0').get()).toEqual({ n: 0 });
    // Stream reads go through the key's index.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT revision FROM events WHERE stream_key = ? AND stream_id = ? AND revision >= ? ORDER BY revision').all(1, 'x', 0);
    expect(JSON.stringify(plan)).toContain('events_stream_key');
    db.close();
  });

  it('refuses a file written by a newer version, and leaves it as it was', () => {
    const path = newPath();
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE event_store_schema (version INTEGER NOT NULL); INSERT INTO event_store_schema (version) VALUES (3);');
    db.close();
    expect(() => SqliteEventStore.open({ path })).toThrow(UnsupportedSchemaVersion);
    const after = new DatabaseSync(path, { readOnly: true });
    expect(after.prepare('SELECT version FROM event_store_schema').all()).toEqual([{ version: 3 }]);
    after.close();
  });
});
