import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { csvLine } from './import-error.file';
import { loadExcelJs } from './exceljs-utf8.fix';

/** Where {@link writeSheet} writes: a file (CSV, or XLSX) or a stream (CSV). */
export type SheetTarget =
  { readonly kind: 'csv'; readonly stream: Writable } | { readonly kind: 'csv' | 'xlsx'; readonly path: string };

/**
 * Writes a sheet as officials open it: CSV in UTF-8 with a BOM (so Excel and WPS show the Chinese
 * right) and CRLF, or XLSX through exceljs's streaming writer (inline strings, no styles, a fixed
 * creation date: the same rows give the same workbook contents). Streams throughout: memory stays
 * flat whatever the number of rows.
 * @returns the number of rows written after the header.
 */
export async function writeSheet(
  target: SheetTarget,
  header: readonly string[],
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  worksheetName = 'sheet',
): Promise<number> {
  if (target.kind === 'xlsx' && 'path' in target) return writeXlsx(target.path, header, rows, worksheetName);
  const stream = 'stream' in target ? target.stream : createWriteStream(target.path);
  return writeCsv(stream, header, rows, !('stream' in target));
}

async function writeCsv(
  out: Writable,
  header: readonly string[],
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  close: boolean,
): Promise<number> {
  let count = 0;
  let buffer = `\uFEFF${csvLine(header)}`;
  for await (const row of rows) {
    buffer += csvLine(row);
    count++;
    if (buffer.length >= 64 * 1024) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  if (close) {
    out.end();
    await once(out, 'finish');
  }
  return count;
}

async function writeXlsx(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
  worksheetName: string,
): Promise<number> {
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(worksheetName);
  sheet.addRow([...header]).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow([...row]).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
