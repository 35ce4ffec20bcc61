// The sheets officials have: the national system's export saved by Excel as CSV in GB18030 (a
// Chinese Windows' "CSV (逗号分隔)"), as "CSV UTF-8" with a BOM, or kept as a workbook.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine, openSheetRecords } from '@relapse-watch/sheet-io';
import iconv from 'iconv-lite';
import { generateCaseload, type GeneratedCase } from '../generator/caseload.generator';
import { caseloadHeader, caseloadRows, writeCaseloadSheet } from '../generator/caseload-sheet.writer';
import type { HouseholdKey } from '../generator/household-sheet.keys';
import { importCaseloadSheet } from './caseload-sheet.import';
import { allEvents, caseloadSpecHarness, CLOCK } from './testing/caseload-sheet.fixture';

const { tempFolder, withStore } = caseloadSpecHarness('rw-caseload-encodings-');

async function* households(): AsyncGenerator<HouseholdKey> {
  for (let n = 1; n <= 30; n++)
    yield { villageCode: '513433200201', householdNumber: String(n).padStart(4, '0'), alleviated: n % 3 === 0 };
}

async function cases(): Promise<GeneratedCase[]> {
  const all: GeneratedCase[] = [];
  for await (const c of generateCaseload(households(), { seed: 'encodings', share: 1, asOf: '2024-12-31' }))
    all.push(c);
  return all;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/** What an import stored, without the instants and correlation ids that differ between runs. */
async function importedFrom(file: string) {
  return withStore(join(tempFolder(), 'events.db'), async (store) => {
    const result = await importCaseloadSheet({ file, store, clock: CLOCK, progressFile: null });
    const events = (await allEvents(store))
      .filter((e) => e.streamId.startsWith('assistance-'))
      .map(({ id, streamId, type, data }) => ({ id, streamId, type, data }));
    return { result: { ...result, elapsedMs: 0, errorFile: null }, events };
  });
}

describe('caseload sheet: the files officials save', () => {
  it('imports a GB18030 CSV, a UTF-8 CSV with BOM and an XLSX of the same cases alike', async () => {
    const generated = await cases();
    const rows = generated.flatMap(caseloadRows);
    const folder = tempFolder();

    const gb18030 = join(folder, 'gb18030.csv');
    writeFileSync(gb18030, iconv.encode([caseloadHeader(), ...rows].map((r) => csvLine(r)).join(''), 'gb18030'));
    const opened = openSheetRecords(gb18030);
    await opened.records[Symbol.asyncIterator]().next();
    expect(opened.encoding()).toBe('gb18030');

    const utf8 = join(folder, 'utf8.csv');
    expect(await writeCaseloadSheet(each(generated), { kind: 'csv', path: utf8 })).toEqual({
      cases: 30,
      rows: rows.length,
    });
    const xlsx = join(folder, 'caseload.xlsx');
    await writeCaseloadSheet(each(generated), { kind: 'xlsx', path: xlsx });

    const fromUtf8 = await importedFrom(utf8);
    expect(fromUtf8.result).toMatchObject({ cases: 30, rows: rows.length, rejectedRows: 0, problems: 0 });
    expect(fromUtf8.events.length).toBeGreaterThanOrEqual(60);
    expect(await importedFrom(gb18030)).toEqual(fromUtf8);
    expect(await importedFrom(xlsx)).toEqual(fromUtf8);
  });
});
