import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { jsonTextWriterConformance, readStoreConformance, uniqueCollection } from '@relapse-watch/read-store-testing';
import { findSql } from './sqlite-query';
import { SqliteReadStore } from './sqlite-read-store';

const dir = mkdtempSync(join(tmpdir(), 'rw-rs-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

readStoreConformance('sqlite (file, synchronous=FULL)', async () =>
  SqliteReadStore.open({ path: join(dir, 'read.db') }),
);

jsonTextWriterConformance('sqlite (file)', async () => SqliteReadStore.open({ path: join(dir, 'json-text.db') }));

describe('SqliteReadStore', () => {
  it('keeps documents, checkpoints and processed ids across reopening the file', async () => {
    const path = join(dir, 'reopen.db');
    const c = uniqueCollection();
    const first = SqliteReadStore.open({ path });
    await first.applyBatch({
      operations: [{ type: 'put', collection: c, doc: { id: 'h1', position: 9, data: { 户主: '张三' } } }],
      checkpoint: { name: 'p', position: 9 },
      processed: { consumer: 'k', messageIds: ['m'] },
    });
    await first.close();
    const second = SqliteReadStore.open({ path });
    expect(await second.get(c, 'h1')).toEqual({ id: 'h1', position: 9, data: { 户主: '张三' } });
    expect(await second.loadCheckpoint('p')).toBe(9);
    expect(await second.hasProcessed('k', 'm')).toBe(true);
    expect(await second.put(c, { id: 'h1', position: 9, data: {} })).toBe(false);
    await second.close();
  });

  it('ensureIndex makes equality and sort queries use an expression index', async () => {
    const path = join(dir, 'explain.db');
    const c = uniqueCollection();
    const store = SqliteReadStore.open({ path });
    for (let i = 0; i < 50; i++) {
      await store.put(c, {
        id: `h${i}`,
        position: i + 1,
        data: { address: { villageCode: `v${i % 5}` }, members: i % 7 },
      });
    }
    const query = { where: { 'address.villageCode': 'v1' }, sort: [{ field: 'members', direction: 'asc' as const }] };
    const plan = () => {
      const db = new DatabaseSync(path);
      const { sql, params } = findSql(c, { ...query, where: query.where });
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      db.close();
      return rows.map((r) => r.detail).join('\n');
    };
    expect(plan()).not.toMatch(/USING INDEX/);
    const before = await store.find(c, query);
    await store.ensureIndex(c, ['address.villageCode', 'members']);
    expect(plan()).toMatch(/USING INDEX rsx_/);
    expect(await store.find(c, query)).toEqual(before);
    expect(before.map((d) => d.id)).toEqual(['h21', 'h1', 'h36', 'h16', 'h31', 'h11', 'h46', 'h26', 'h41', 'h6']);
    await store.close();
  });

  it('refuses a file written by another schema version', () => {
    const path = join(dir, 'version.db');
    SqliteReadStore.open({ path }).close();
    const db = new DatabaseSync(path);
    db.exec('UPDATE read_store_schema SET version = 99');
    db.close();
    expect(() => SqliteReadStore.open({ path })).toThrow(/schema version 99/);
  });
});
