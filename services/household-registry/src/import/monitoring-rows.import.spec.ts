import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldStream, type StoredEvent } from '@relapse-watch/event-store-core';
import { householdDecider, householdStreamId } from '../domain/household/household.decider';
import type { HouseholdImported } from '../domain/household/household.events';
import type { RegisteredHousehold } from '../domain/household/household.state';
import type { LegacyMonitoringRecord } from '../domain/household/legacy-monitoring.values';
import { generateProvinceHouseholds } from '../generator/province.generator';
import { columnIndexOf } from './household-row.parser';
import { SHEET_COLUMNS, type SheetColumn } from './household-sheet.columns';
import { importHouseholdSheet } from './household-sheet.import';
import { sheetRows } from './household-sheet.writer';
import { csvLine } from '@relapse-watch/sheet-io';
import { importedHouseholdId } from './import-ids';
import { sheetDate } from '@relapse-watch/sheet-io';
import { importSpecHarness } from './testing/import-spec.harness';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';

// Officials' sheets carry monitoring subjects as 户类型 监测户 with their monitoring columns. They
// must load without edits: each household with its base status, its monitoring columns kept as a
// declared record for the assistance import, never as a status.
const SALT = 'monitoring-rows-spec-salt';
const NOW = new Date('2026-03-01T08:00:00Z');
const CLOCK = fixedOffsetClock(480, () => NOW);
const { directory: sichuan, tempFolder, withStore } = importSpecHarness('rw-monitoring-rows-');

/** The header as an official's sheet writes it: Chinese only, the costs column under its older name. */
function officialHeader(): string[] {
  return SHEET_COLUMNS.map(([key, zh]) => (key === 'productionCostsYuan' ? '生产经营性支出' : zh));
}

type Cells = Partial<Record<SheetColumn, string>>;

/** Four generated households; the first three become monitoring subjects as officials write them. */
function officialRows(): { rows: string[][]; households: { villageCode: string; householdNumber: string }[] } {
  const households = [...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 4, seed: 'jiance' })];
  const index = columnIndexOf(SHEET_COLUMNS.map(([key]) => key));
  const edits: Cells[] = [
    {
      status: '监测户',
      yearLeftPoverty: '2016',
      monitoringCategory: '脱贫不稳定户',
      identifiedOn: '2022/4/18',
      riskTypes: '因病、因学',
      riskEliminated: '是',
      eliminatedOn: '2023年11月30日',
    },
    {
      status: '监测户',
      yearLeftPoverty: '',
      monitoringCategory: '边缘易致贫户',
      identifiedOn: '2023-05-06',
      riskTypes: '因灾',
      riskEliminated: '否',
    },
    { status: '监测户', yearLeftPoverty: '2018', monitoringCategory: '突发严重困难户', identifiedOn: '20240102' },
    {},
  ];
  const rows = households.flatMap((household, h) =>
    sheetRows(household).map((row) => {
      const edited = [...row];
      for (const [column, value] of Object.entries(edits[h]) as [SheetColumn, string][]) edited[index[column]] = value;
      return edited;
    }),
  );
  return { rows, households };
}

async function householdsIn(path: string, ids: readonly string[]): Promise<RegisteredHousehold[]> {
  return withStore(path, async (store) => {
    const out: RegisteredHousehold[] = [];
    for (const id of ids) {
      const state = await foldStream(store, householdStreamId(id), householdDecider);
      if (state.kind !== 'registered') throw new Error(`household ${id} not registered`);
      out.push(state);
    }
    return out;
  });
}

async function eventsIn(path: string): Promise<StoredEvent[]> {
  return withStore(path, async (store) => {
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  });
}

const expectedRecords: (LegacyMonitoringRecord | undefined)[] = [
  {
    source: 'household-sheet',
    category: 'unstable-poverty-alleviated',
    identifiedOn: '2022-04-18',
    riskTypes: ['illness', 'schooling-cost'],
    riskEliminated: true,
    eliminatedOn: '2023-11-30',
  },
  {
    source: 'household-sheet',
    category: 'marginal-prone-to-poverty',
    identifiedOn: '2023-05-06',
    riskTypes: ['natural-disaster'],
    riskEliminated: false,
    eliminatedOn: null,
  },
  {
    source: 'household-sheet',
    category: 'sudden-severe-hardship',
    identifiedOn: '2024-01-02',
    riskTypes: [],
    riskEliminated: false,
    eliminatedOn: null,
  },
  undefined,
];

function checkHouseholds(households: readonly RegisteredHousehold[]): void {
  expect(households.map((h) => h.status)).toEqual([
    { kind: 'poverty-alleviated', yearLeftPoverty: 2016 },
    { kind: 'ordinary' },
    { kind: 'poverty-alleviated', yearLeftPoverty: 2018 },
    households[3].status,
  ]);
  expect(households.map((h) => h.legacyMonitoring[0])).toEqual(expectedRecords);
}

describe('监测户 rows of an official sheet', () => {
  it.each([
    ['the fast path', 250],
    ['the command path', 1],
  ])('import from CSV with their base status and their monitoring columns kept (%s)', async (_path, batch) => {
    const folder = tempFolder();
    const { rows, households } = officialRows();
    const sheet = join(folder, 'official.csv');
    writeFileSync(sheet, `\uFEFF${[officialHeader(), ...rows].map(csvLine).join('')}`);
    const store = join(folder, 'events.db');
    const result = await withStore(store, (s) =>
      importHouseholdSheet({
        file: sheet,
        store: s,
        directory: sichuan(),
        residentIdSalt: SALT,
        clock: CLOCK,
        batchHouseholds: batch,
      }),
    );
    expect(result).toMatchObject({ households: 4, rejectedRows: 0, errorFile: null });
    const ids = households.map((h) => importedHouseholdId(h.villageCode, h.householdNumber));
    checkHouseholds(await householdsIn(store, ids));
    const events = await eventsIn(store);
    if (batch > 1)
      expect(
        events
          .filter((e) => e.type === 'HouseholdImported')
          .map((e) => (e.data as HouseholdImported['data']).legacyMonitoring?.category ?? 'none')
          .sort(),
      ).toEqual(['marginal-prone-to-poverty', 'none', 'sudden-severe-hardship', 'unstable-poverty-alleviated']);
    else expect(events.filter((e) => e.type === 'LegacyMonitoringRecordNoted')).toHaveLength(3);
  });

  it('import from XLSX, dates typed as date cells, the same way', async () => {
    const folder = tempFolder();
    const { rows, households } = officialRows();
    const identified = columnIndexOf(SHEET_COLUMNS.map(([key]) => key)).identifiedOn;
    const excel = (await import('exceljs')).default;
    const workbook = new excel.Workbook();
    const sheet = workbook.addWorksheet('户籍信息');
    sheet.addRow(officialHeader());
    for (const row of rows) {
      const date = sheetDate(row[identified]);
      sheet.addRow(row.map((cell, i) => (i === identified && date !== null ? new Date(`${date}T00:00:00Z`) : cell)));
    }
    const file = join(folder, 'official.xlsx');
    await workbook.xlsx.writeFile(file);
    const store = join(folder, 'events.db');
    const result = await withStore(store, (s) =>
      importHouseholdSheet({ file, store: s, directory: sichuan(), residentIdSalt: SALT, clock: CLOCK }),
    );
    expect(result).toMatchObject({ households: 4, rejectedRows: 0, errorFile: null });
    checkHouseholds(
      await householdsIn(
        store,
        households.map((h) => importedHouseholdId(h.villageCode, h.householdNumber)),
      ),
    );
  });

  it('refuses monitoring rows that contradict themselves, each at its column, and never a status of monitored', async () => {
    const folder = tempFolder();
    const [household] = [...generateProvinceHouseholds(sichuan(), { provinceCode: '51', households: 1, seed: 'bad' })];
    const index = columnIndexOf(SHEET_COLUMNS.map(([key]) => key));
    const [head] = sheetRows(household);
    const variant = (n: number, cells: Cells) => {
      const row = [...head];
      row[index.householdNumber] = `90${n}`;
      for (const [column, value] of Object.entries(cells) as [SheetColumn, string][]) row[index[column]] = value;
      return row;
    };
    const rows = [
      variant(1, { status: '监测户', monitoringCategory: '', identifiedOn: '2022-01-01' }),
      variant(2, {
        status: '脱贫户',
        yearLeftPoverty: '2016',
        monitoringCategory: '边缘易致贫户',
        identifiedOn: '2022-01-01',
      }),
      variant(3, {
        status: '监测户',
        monitoringCategory: '边缘易致贫户',
        identifiedOn: '2022-01-01',
        riskTypes: '因天气',
      }),
      variant(4, {
        status: '监测户',
        monitoringCategory: '边缘易致贫户',
        identifiedOn: '2022-01-01',
        riskEliminated: '是',
      }),
      variant(5, { status: '监测户', monitoringCategory: '脱贫不稳定户', yearLeftPoverty: '', identifiedOn: '明年' }),
    ];
    const sheet = join(folder, 'bad.csv');
    writeFileSync(sheet, `\uFEFF${[SHEET_COLUMNS.map(([key, zh]) => `${zh} ${key}`), ...rows].map(csvLine).join('')}`);
    const result = await withStore(join(folder, 'events.db'), (s) =>
      importHouseholdSheet({ file: sheet, store: s, directory: sichuan(), residentIdSalt: SALT, clock: CLOCK }),
    );
    expect(result).toMatchObject({ households: 0, rejectedRows: 5 });
    const lines = readFileSync(`${sheet}.errors.csv`, 'utf8').split('\r\n').slice(1, -1);
    const problems = lines.map((line) => line.split(',').slice(0, 3).join(' '));
    expect(problems).toEqual([
      '2 监测对象类别 monitoringCategory import.field-required',
      '3 监测对象类别 monitoringCategory import.monitoring-status-conflict',
      '4 风险类型 riskTypes import.value-unknown',
      '5 消除时间 eliminatedOn import.field-required',
      '6 脱贫年度 yearLeftPoverty import.field-required',
      '6 识别时间 identifiedOn import.date-format',
    ]);
  });
});

describe('sheet dates', () => {
  it.each([
    ['2022-04-18', '2022-04-18'],
    ['2022/4/18', '2022-04-18'],
    ['2022.04.08', '2022-04-08'],
    ['20220418', '2022-04-18'],
    ['2022年4月18日', '2022-04-18'],
    ['44669', '2022-04-18'],
  ])('reads %s as %s', (text, iso) => {
    expect(sheetDate(text)).toBe(iso);
  });

  it.each(['2022-02-30', '2022/13/01', '18/04/2022', '明年', '123', '99999'])('refuses %s', (text) => {
    expect(sheetDate(text)).toBeNull();
  });
});

describe('header of an earlier sheet', () => {
  it('finds the income columns under the previous version’s headers, and a sheet without monitoring columns', () => {
    const previous: Record<string, string> = {
      grossBusinessYuan: '生产经营性收入 netBusinessYuan',
      propertyYuan: '财产性收入 netPropertyYuan',
      transferYuan: '转移性收入 netTransferYuan',
      productionCostsYuan: '生产经营性支出 productionCostsYuan',
    };
    const monitoring = new Set(['monitoringCategory', 'identifiedOn', 'riskTypes', 'riskEliminated', 'eliminatedOn']);
    const header = SHEET_COLUMNS.filter(([key]) => !monitoring.has(key)).map(
      ([key, zh]) => previous[key] ?? `${zh} ${key}`,
    );
    const index = columnIndexOf(header);
    expect([index.grossBusinessYuan, index.propertyYuan, index.transferYuan, index.productionCostsYuan]).toEqual([
      8, 9, 10, 11,
    ]);
    expect(index.monitoringCategory).toBe(-1);
    expect(() => columnIndexOf(header.filter((cell) => !cell.startsWith('生产经营性支出')))).toThrow(
      /生产经营费用支出 productionCostsYuan/,
    );
  });
});
