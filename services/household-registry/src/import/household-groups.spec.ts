import type { CsvRecord } from '@relapse-watch/sheet-io';
import { householdGroups, MAX_GROUP_ROWS, splitHeader } from './household-groups';
import type { ColumnIndex } from './household-row.parser';

const columns = { villageCode: 0, householdNumber: 1 } as ColumnIndex;

async function* records(rows: readonly (readonly [village: string, number: string])[]): AsyncGenerator<CsvRecord> {
  let rowNumber = 1;
  for (const [village, number] of rows) yield { rowNumber: ++rowNumber, fields: [village, number, 'x'] };
}

async function groupsOf(rows: readonly (readonly [string, string])[]) {
  const groups = [];
  for await (const group of householdGroups(records(rows), columns))
    groups.push({ sequence: group.sequence, firstRow: group.firstRow, lastRow: group.lastRow });
  return groups;
}

describe('householdGroups: the rows of one household, in file order', () => {
  it('groups consecutive rows of one village and number (trimmed), and numbers the groups', async () => {
    expect(
      await groupsOf([
        ['510104001001', '0001'],
        ['510104001001', ' 0001 '],
        ['510104001001', '0002'],
        ['510104001002', '0002'],
      ]),
    ).toEqual([
      { sequence: 0, firstRow: 2, lastRow: 3 },
      { sequence: 1, firstRow: 4, lastRow: 4 },
      { sequence: 2, firstRow: 5, lastRow: 5 },
    ]);
  });

  it('gives a household split over non-consecutive rows as two groups', async () => {
    const a = ['510104001001', '0001'] as const;
    const b = ['510104001001', '0002'] as const;
    expect((await groupsOf([a, b, a])).map((g) => g.firstRow)).toEqual([2, 3, 4]);
  });

  it(`cuts a household of more than ${MAX_GROUP_ROWS} rows (a number column left constant) into pieces`, async () => {
    const rows = Array.from({ length: MAX_GROUP_ROWS + 1 }, () => ['510104001001', '0001'] as const);
    expect((await groupsOf(rows)).map((g) => g.lastRow - g.firstRow + 1)).toEqual([MAX_GROUP_ROWS, 1]);
  });

  it('gives nothing for a sheet without rows', async () => {
    expect(await groupsOf([])).toEqual([]);
  });
});

describe('splitHeader', () => {
  it('takes the first record as the header and leaves the rest', async () => {
    const split = await splitHeader(
      records([
        ['h', 'h'],
        ['510104001001', '0001'],
      ]),
    );
    expect(split?.header.fields).toEqual(['h', 'h', 'x']);
    const rest = [];
    for await (const record of split?.rows ?? []) rest.push(record.rowNumber);
    expect(rest).toEqual([3]);
  });

  it('gives null for an empty sheet', async () => {
    expect(await splitHeader(records([]))).toBeNull();
  });
});
