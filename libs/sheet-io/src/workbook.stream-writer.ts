import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvLine } from './import-error.file';
import { loadExcelJs } from './exceljs-utf8.fix';

/** A cell as written: text, a number (XLSX keeps it a number), or nothing. */
export type SheetCell = string | number | null;

/** One sheet of a {@link writeWorkbook}: its rows are read only when the sheet is written. */
export interface WorkbookSheet {
  /** The worksheet's name (XLSX; at most 31 characters, none of `\ / ? * [ ]`). */
  readonly name: string;
  readonly header: readonly string[];
  /** Called once, when the sheet's turn comes, so a sheet's rows are read after the one before was written. */
  readonly rows: () => AsyncIterable<readonly SheetCell[]> | Iterable<readonly SheetCell[]>;
}

/** Where {@link writeWorkbook} writes, and as what. */
export interface WorkbookTarget {
  readonly kind: 'csv' | 'xlsx';
  readonly stream: Writable;
}

const CSV_CHUNK = 64 * 1024;

/**
 * Writes sheets to a stream as officials open them, as the rows come: CSV in UTF-8 with a BOM and
 * CRLF (one sheet only: CSV has no worksheets), or XLSX through exceljs's streaming
 * `WorkbookWriter` (one worksheet per sheet, inline strings, no styles, a fixed creation date).
 * Waits for the stream to drain whenever it is backed up, so a slow reader slows the producer of
 * rows instead of letting rows pile up in memory. Ends the stream when done.
 * @returns the number of rows written per sheet (headers not counted).
 */
export async function writeWorkbook(target: WorkbookTarget, sheets: readonly WorkbookSheet[]): Promise<number[]> {
  if (target.kind === 'csv') {
    if (sheets.length !== 1) throw new RangeError(`a CSV file holds one sheet, not ${sheets.length}`);
    return [await writeCsv(target.stream, sheets[0])];
  }
  return writeXlsx(target.stream, sheets);
}

async function writeCsv(out: Writable, sheet: WorkbookSheet): Promise<number> {
  let count = 0;
  let buffer = `\uFEFF${csvLine(sheet.header)}`;
  for await (const row of sheet.rows()) {
    buffer += csvLine(row.map((cell) => (cell === null ? '' : String(cell))));
    count++;
    if (buffer.length >= CSV_CHUNK) {
      if (!out.write(buffer)) await drained(out);
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return count;
}

async function writeXlsx(out: Writable, sheets: readonly WorkbookSheet[]): Promise<number[]> {
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const counts: number[] = [];
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow([...sheet.header]).commit();
    let count = 0;
    for await (const row of sheet.rows()) {
      worksheet.addRow(row.map((cell) => cell ?? undefined)).commit();
      count++;
      if (out.writableNeedDrain) await drained(out);
    }
    worksheet.commit();
    counts.push(count);
  }
  await workbook.commit();
  return counts;
}

/** Resolves when the stream drains; rejects when it closes first (a reader that went away), so no writer hangs. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the stream closed before the workbook was written'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}
