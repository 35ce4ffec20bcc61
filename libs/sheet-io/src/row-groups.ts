import type { CsvRecord } from './csv-records.reader';

/**
 * Consecutive rows of one unit of a sheet (a household's members, a case's measures), numbered in
 * file order: what an import decides and writes as a whole, and what its tally counts.
 */
export interface RowGroup {
  readonly sequence: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly records: readonly CsvRecord[];
}

/**
 * The sheet's rows as units: consecutive rows with the same key form a group, numbered in file
 * order. A unit split over non-consecutive rows gives several groups (imported in parts, in file
 * order); one longer than `maxRows` is cut (a sheet error such as a key column left constant must
 * not hold the whole file in memory). Streams: holds one group's rows at a time.
 */
export async function* rowGroups(
  rows: AsyncIterable<CsvRecord>,
  keyOf: (record: CsvRecord) => string,
  maxRows: number,
): AsyncGenerator<RowGroup> {
  let sequence = 0;
  let current: { key: string; records: CsvRecord[] } | null = null;
  const group = (records: CsvRecord[]): RowGroup => ({
    sequence: sequence++,
    firstRow: records[0].rowNumber,
    lastRow: records[records.length - 1].rowNumber,
    records,
  });
  for await (const record of rows) {
    const key = keyOf(record);
    if (current !== null && (current.key !== key || current.records.length >= maxRows)) {
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
