import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

/** One line of the error file: a problem of a row. */
export interface ImportErrorLine {
  readonly row: number;
  /** Column key (e.g. `residentId`), or the domain field when no column matches: the file shows the column's header. */
  readonly field: string;
  readonly code: string;
  /** `中文 / English`, as the domain words it; never a value. */
  readonly message: string;
  /** A data-quality warning of an accepted row, not a refusal. */
  readonly warning?: true;
}

/** Header of the error file. */
export const ERROR_FILE_HEADER = [
  '行号 row',
  '列 column',
  '代码 code',
  '说明 message (zh-CN)',
  'message (en)',
  '级别 severity',
] as const;

const SEVERITY = { error: '错误 error', warning: '警告 warning' } as const;

/** One CSV line (RFC 4180 quoting, CRLF), as Excel reads it. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',')}\r\n`;
}

/** The header a sheet shows for a column key, or undefined when the field is no column of the sheet. */
export type ColumnHeaderOf = (field: string) => string | undefined;

function cells(line: ImportErrorLine, headerOf: ColumnHeaderOf): string[] {
  const split = line.message.indexOf(' / ');
  const zh = split < 0 ? line.message : line.message.slice(0, split);
  const en = split < 0 ? line.message : line.message.slice(split + 3);
  return [
    String(line.row),
    headerOf(line.field) ?? line.field,
    line.code,
    zh,
    en,
    line.warning ? SEVERITY.warning : SEVERITY.error,
  ];
}

/**
 * The error file of an import (`<sheet>.errors.csv`): one line per problem, with the row number
 * as the sheet shows it, the column, the rule code, the message in Chinese and English and the
 * severity: `错误 error` (the row was refused) or `警告 warning` (a data-quality warning of an
 * accepted row).
 * Written as problems are found (appended in batches) and sorted by row at the end; it holds
 * no values, only where and why.
 */
export class ImportErrorFile {
  private buffer: string[] = [];
  private count = 0;

  private constructor(
    readonly path: string,
    private readonly headerOf: ColumnHeaderOf,
  ) {}

  /** A new error file: an old one (of an earlier run) is removed. */
  static fresh(path: string, headerOf: ColumnHeaderOf): ImportErrorFile {
    rmSync(path, { force: true });
    return new ImportErrorFile(path, headerOf);
  }

  /** The error file of a resumed run: keeps the lines of rows up to `rowsDone`, drops the rest (they are checked again). */
  static resumed(path: string, rowsDone: number, headerOf: ColumnHeaderOf): ImportErrorFile {
    const file = new ImportErrorFile(path, headerOf);
    if (!existsSync(path)) return file;
    const kept = readRows(path).filter((fields) => Number(fields[0]) <= rowsDone);
    rmSync(path, { force: true });
    if (kept.length > 0) {
      writeFileSync(path, `\uFEFF${csvLine([...ERROR_FILE_HEADER])}${kept.map(csvLine).join('')}`);
      file.count = kept.length;
    }
    return file;
  }

  /** Lines written or waiting. */
  get lines(): number {
    return this.count + this.buffer.length;
  }

  add(lines: readonly ImportErrorLine[]): void {
    for (const line of lines) this.buffer.push(csvLine(cells(line, this.headerOf)));
  }

  /** Writes the waiting lines (before the progress file moves past their rows). */
  flush(): void {
    if (this.buffer.length === 0) return;
    const header = existsSync(this.path) ? '' : `\uFEFF${csvLine([...ERROR_FILE_HEADER])}`;
    appendFileSync(this.path, header + this.buffer.join(''));
    this.count += this.buffer.length;
    this.buffer = [];
  }

  /**
   * Flushes, then sorts the file by row (stable: a row's problems keep their order). Removes the
   * file when there is nothing in it. Returns the count of lines, and of those the warnings.
   */
  finish(): { readonly lines: number; readonly warnings: number } {
    this.flush();
    if (this.count === 0) {
      rmSync(this.path, { force: true });
      return { lines: 0, warnings: 0 };
    }
    const rows = readRows(this.path);
    rows.sort((a, b) => Number(a[0]) - Number(b[0]));
    writeFileSync(this.path, `\uFEFF${csvLine([...ERROR_FILE_HEADER])}${rows.map(csvLine).join('')}`);
    return { lines: rows.length, warnings: rows.filter((fields) => fields[5] === SEVERITY.warning).length };
  }
}

/** The data lines of an error file, without its header. */
function readRows(path: string): string[][] {
  // The file is ours (UTF-8 with a BOM, CRLF, every field quoted as needed): only the BOM to drop.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const records = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
  return records.slice(1);
}
