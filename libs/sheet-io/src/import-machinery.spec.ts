import { BatchDispatch } from './batch-dispatch';
import type { CsvRecord } from './csv-records.reader';
import { rowGroups } from './row-groups';
import { sheetColumnIndex } from './sheet-columns';

const COLUMNS = [
  ['villageCode', '村代码'],
  ['identifiedOn', '识别时间'],
  ['eliminatedOn', '消除时间'],
] as const;

describe('sheetColumnIndex', () => {
  it('finds columns by `中文 english`, either half, an alias, in any order, ignoring extra columns', () => {
    const index = sheetColumnIndex(['备注', '纳入监测时间', 'VILLAGECODE', '消除时间 eliminatedOn'], COLUMNS, {
      aliases: { identifiedOn: ['纳入监测时间'] },
    });
    expect(index).toEqual({ villageCode: 2, identifiedOn: 1, eliminatedOn: 3 });
  });

  it('gives -1 for a missing optional column and names every missing required one', () => {
    expect(sheetColumnIndex(['村代码', '识别时间'], COLUMNS, { optional: new Set(['eliminatedOn']) })).toEqual({
      villageCode: 0,
      identifiedOn: 1,
      eliminatedOn: -1,
    });
    expect(() => sheetColumnIndex(['村代码'], COLUMNS)).toThrow(
      expect.objectContaining({
        code: 'import.header',
        message: expect.stringContaining('识别时间 identifiedOn、消除时间 eliminatedOn') as unknown,
      }),
    );
  });
});

describe('rowGroups', () => {
  async function* records(keys: readonly string[]): AsyncGenerator<CsvRecord> {
    let rowNumber = 1;
    for (const key of keys) yield { rowNumber: ++rowNumber, fields: [key] };
  }

  it('groups consecutive rows of one key and cuts a group at maxRows', async () => {
    const groups = [];
    for await (const g of rowGroups(records(['a', 'a', 'a', 'b', 'a']), (r) => r.fields[0], 2))
      groups.push([g.sequence, g.firstRow, g.lastRow]);
    expect(groups).toEqual([
      [0, 2, 3],
      [1, 4, 4],
      [2, 5, 5],
      [3, 6, 6],
    ]);
  });
});

describe('BatchDispatch', () => {
  const unit = (n: number) => ({ n, records: [n] });

  it('sends full batches and the rest on flush, with no more batches in flight than its slots', async () => {
    const batches: number[][] = [];
    let inFlight = 0;
    let most = 0;
    const dispatch = new BatchDispatch<ReturnType<typeof unit>>({
      batchUnits: 2,
      maxBatchRows: 100,
      concurrency: 4,
      run: async (units) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        batches.push(units.map((u) => u.n));
        inFlight--;
      },
    });
    for (let n = 1; n <= 7; n++) await dispatch.add(unit(n));
    await dispatch.flush();
    await dispatch.drained();
    expect(batches.flat().sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(batches.map((b) => b.length).sort()).toEqual([1, 2, 2, 2]);
    expect(most).toBe(2);
    expect(dispatch.failure).toBeNull();
  });

  it('keeps the first failure', async () => {
    const dispatch = new BatchDispatch<ReturnType<typeof unit>>({
      batchUnits: 1,
      maxBatchRows: 100,
      concurrency: 2,
      run: (units) => Promise.reject(new Error(`store down at ${units[0].n}`)),
    });
    await dispatch.add(unit(1));
    await dispatch.drained();
    expect(dispatch.failure).toEqual(new Error('store down at 1'));
  });
});
