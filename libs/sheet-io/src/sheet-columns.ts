import { DomainError } from '@relapse-watch/domain-kernel';

/** A sheet's columns: each key (its English name) with its Chinese name, in the order a template lists them. */
export type SheetColumnTable<Key extends string> = readonly (readonly [key: Key, zh: string])[];

/** What {@link sheetColumnIndex} reads a header against besides the columns' own names. */
export interface SheetColumnRules<Key extends string> {
  /** Other headers officials' sheets use for a column (Chinese, or an earlier English key). */
  readonly aliases?: Readonly<Partial<Record<Key, readonly string[]>>>;
  /** Columns whose header may be missing altogether (their index is then -1). */
  readonly optional?: ReadonlySet<Key>;
}

/** Whether a header cell names a column: every word of it is one of the column's names (case aside for English). */
function headerNames(cell: string, names: ReadonlySet<string>): boolean {
  const words = cell.split(' ');
  return words.length <= 2 && words.every((word) => names.has(word) || names.has(word.toLowerCase()));
}

/**
 * Finds a sheet's columns by their header cells: `中文 english`, either half alone, or an alias,
 * in any order; extra columns are ignored. Sheets that officials re-type or merge from several
 * offices rarely keep a template's order, so position means nothing and the header everything.
 * @returns each column's index in a row, -1 for a missing optional column.
 * @throws DomainError `import.header` naming every missing column.
 */
export function sheetColumnIndex<Key extends string>(
  header: readonly string[],
  columns: SheetColumnTable<Key>,
  rules: SheetColumnRules<Key> = {},
): Readonly<Record<Key, number>> {
  const cells = header.map((cell) => cell.trim().replace(/\s+/g, ' '));
  const index: Partial<Record<Key, number>> = {};
  const missing: string[] = [];
  for (const [key, zh] of columns) {
    const names = new Set([zh, key.toLowerCase(), ...(rules.aliases?.[key] ?? []).map((n) => n.toLowerCase())]);
    const at = cells.findIndex((cell) => headerNames(cell, names));
    if (at < 0 && !rules.optional?.has(key)) missing.push(`${zh} ${key}`);
    else index[key] = at;
  }
  if (missing.length > 0) {
    throw new DomainError({
      code: 'import.header',
      field: 'header',
      message: `表头缺少列：${missing.join('、')} / The header lacks the columns: ${missing.join(', ')}`,
    });
  }
  return index as Record<Key, number>;
}
