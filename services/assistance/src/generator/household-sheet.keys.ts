import { openSheetRecords, rowGroups, sheetColumnIndex, splitHeader } from '@relapse-watch/sheet-io';

/** A household of a household sheet, as far as a caseload needs it. */
export interface HouseholdKey {
  readonly villageCode: string;
  readonly householdNumber: string;
  /** Poverty-alleviated (脱贫户, or a year left poverty given), as the sheet says. */
  readonly alleviated: boolean;
}

const COLUMNS = [
  ['villageCode', '村代码'],
  ['householdNumber', '户编号'],
  ['status', '户类型'],
  ['yearLeftPoverty', '脱贫年度'],
] as const;

/**
 * The households of a household sheet (the registry's `relapse-watch generate` output, or an
 * official one), one per run of consecutive rows, in file order: read through sheet-io like any
 * import, so every encoding and XLSX work; only the four columns above are looked at.
 * @throws DomainError `import.file` / `import.encoding` / `import.header` for a sheet that cannot be read.
 */
export async function* householdKeysOf(file: string): AsyncGenerator<HouseholdKey> {
  const split = await splitHeader(openSheetRecords(file).records);
  if (split === null) return;
  const at = sheetColumnIndex(split.header.fields, COLUMNS, { optional: new Set(['status', 'yearLeftPoverty']) });
  const cell = (fields: readonly string[], index: number) => (index < 0 ? '' : (fields[index] ?? '').trim());
  const key = (record: { readonly fields: readonly string[] }) =>
    `${cell(record.fields, at.villageCode)}\u0000${cell(record.fields, at.householdNumber)}`;
  for await (const group of rowGroups(split.rows, key, Number.MAX_SAFE_INTEGER)) {
    const { fields } = group.records[0];
    const status = cell(fields, at.status);
    yield {
      villageCode: cell(fields, at.villageCode),
      householdNumber: cell(fields, at.householdNumber),
      alleviated:
        status === '脱贫户' || status === 'poverty-alleviated' || /^\d{4}$/.test(cell(fields, at.yearLeftPoverty)),
    };
  }
}
