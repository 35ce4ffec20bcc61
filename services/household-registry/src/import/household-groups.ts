import type { CsvRecord } from '@relapse-watch/sheet-io';
import type { RowGroup } from './household-group.importer';
import type { ColumnIndex } from './household-row.parser';

/** A household with more rows than this is a sheet error (e.g. the number column left constant), cut into pieces to keep memory bounded. */
export const MAX_GROUP_ROWS = 200;

/**
 * The sheet's rows as households: consecutive rows of one (village, household number) form a
 * group, numbered in file order. A household split over non-consecutive rows gives several groups
 * (imported in parts, in file order). Streams: holds one group's rows at a time.
 */
export async function* householdGroups(rows: AsyncIterable<CsvRecord>, columns: ColumnIndex): AsyncGenerator<RowGroup> {
  let sequence = 0;
  let current: { key: string; records: CsvRecord[] } | null = null;
  const group = (records: CsvRecord[]): RowGroup => ({
    sequence: sequence++,
    firstRow: records[0].rowNumber,
    lastRow: records[records.length - 1].rowNumber,
    records,
  });
  for await (const record of rows) {
    const key = `${(record.fields[columns.villageCode] ?? '').trim()}\u0000${(record.fields[columns.householdNumber] ?? '').trim()}`;
    if (current !== null && (current.key !== key || current.records.length >= MAX_GROUP_ROWS)) {
      const done = current.records;
      current = null;
      yield group(done);
    }
    current ??= { key, records: [] };
    current.records.push(record);
  }
  if (current !== null) yield group(current.records);
}

/** The sheet's header row and an iterator over the rows after it; null for an empty sheet. */
export async function splitHeader(
  records: AsyncIterable<CsvRecord>,
): Promise<{ readonly header: CsvRecord; readonly rows: AsyncIterable<CsvRecord> } | null> {
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return null;
  return { header: first.value, rows: { [Symbol.asyncIterator]: () => iterator } };
}
