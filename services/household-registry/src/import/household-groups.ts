import { rowGroups, type CsvRecord } from '@relapse-watch/sheet-io';
import type { RowGroup } from './household-group.importer';
import type { ColumnIndex } from './household-row.parser';

export { splitHeader } from '@relapse-watch/sheet-io';

/** A household with more rows than this is a sheet error (e.g. the number column left constant), cut into pieces to keep memory bounded. */
export const MAX_GROUP_ROWS = 200;

/**
 * The sheet's rows as households: consecutive rows of one (village, household number) form a
 * group, numbered in file order (sheet-io's `rowGroups`). A household split over non-consecutive
 * rows gives several groups (imported in parts, in file order).
 */
export function householdGroups(rows: AsyncIterable<CsvRecord>, columns: ColumnIndex): AsyncGenerator<RowGroup> {
  return rowGroups(
    rows,
    (record) =>
      `${(record.fields[columns.villageCode] ?? '').trim()}\u0000${(record.fields[columns.householdNumber] ?? '').trim()}`,
    MAX_GROUP_ROWS,
  );
}
