import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OPERATOR } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { ReadStoreOperation } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { ChinaDivisionNames } from '../divisions/china-division.names';
import { reportingCollections, storedCounts, unitPlacementOf } from '../read-model/reporting-collections';
import { EXPORT_PAGE, ReportExports } from './report-export';

// An export of many rows does not hold them: the response's first bytes leave before the store's
// last page is read. Witnessed by the order of events (pages read, bytes written), never by time.
const COUNTY = '511923000000';
const VILLAGES = [100, 101, 102].flatMap((township) =>
  Array.from({ length: 999 }, (_, i) => `511923${township}${String(i + 1).padStart(3, '0')}`),
);
const collections = reportingCollections(1);
let dir: string;
let store: SqliteReadStore;
const names = ChinaDivisionNames.open();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-reporting-export-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  const operations: ReadStoreOperation[] = VILLAGES.map((code, i) => ({
    type: 'put',
    collection: collections.units,
    doc: { id: code, position: 1, data: { ...unitPlacementOf(code), counts: storedCounts({ households: i % 7 }) } },
  }));
  await store.applyBatch({ operations, checkpoint: { name: collections.checkpoint, position: 1 } });
});
afterAll(async () => {
  await store.close();
  await names.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['csv', 'xlsx'] as const)('a %s export of 2,997 villages', (format) => {
  it('sends its first bytes before the last page of units is read, and every row', async () => {
    const events: string[] = [];
    const exports = new ReportExports(
      {
        store,
        collections: () => collections,
        names,
        clock: fixedOffsetClock(480, () => new Date('2025-01-31T04:00:00Z')),
        utcOffsetMinutes: 480,
      },
      (offset, units) => events.push(`page ${offset / EXPORT_PAGE} (${units})`),
    );
    const prepared = await exports.prepare(OPERATOR, { unitCode: COUNTY, format, report: 'all', tier: 'village' });
    let bytes = 0;
    let lines = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (bytes === 0) events.push('first bytes');
        bytes += chunk.length;
        lines += chunk.toString('latin1').split('\r\n').length - 1;
        callback();
      },
    });
    await prepared.write(out);

    const pages = Math.ceil(VILLAGES.length / EXPORT_PAGE);
    // CSV reads the units once; XLSX once per worksheet (one per report).
    expect(events.filter((e) => e.startsWith('page 0 '))).toHaveLength(format === 'csv' ? 1 : 9);
    const lastPage = events.indexOf(`page ${pages - 1} (${VILLAGES.length % EXPORT_PAGE})`);
    expect(lastPage).toBeGreaterThan(0);
    expect(events.indexOf('first bytes')).toBeGreaterThan(-1);
    expect(events.indexOf('first bytes')).toBeLessThan(lastPage);
    // The header, the county's total and every village (CSV; the XLSX is zipped).
    if (format === 'csv') expect(lines).toBe(VILLAGES.length + 2);
    expect(bytes).toBeGreaterThan(VILLAGES.length * 20);
  }, 60_000);
});
