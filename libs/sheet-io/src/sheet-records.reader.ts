import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { readCsvRecords, type CsvRecord } from './csv-records.reader';
import { loadExcelJs } from './exceljs-utf8.fix';
import { sheetFileError } from './sheet-file.errors';
import { decodeSheetText, type SheetEncoding } from './sheet-encoding';

/** A sheet being read: its records in order, and how far through the file the reader is. */
export interface SheetRecords {
  readonly records: AsyncIterable<CsvRecord>;
  /** Share of the file read so far (0–1), or null when the format cannot tell (XLSX is zipped). */
  readonly fraction: () => number | null;
  /** The CSV's text encoding once the reader has found it (null before, and for XLSX). */
  readonly encoding: () => SheetEncoding | null;
}

/** Whether a path names an XLSX workbook (by extension; anything else is read as CSV). */
export function isXlsxPath(path: string): boolean {
  return extname(path).toLowerCase() === '.xlsx';
}

/**
 * Opens a sheet (households, visits, cases) for streaming: CSV in UTF-8 (BOM optional), GB18030 or UTF-16 with a
 * BOM (see `decodeSheetText`), or, by the `.xlsx` extension, the first worksheet of a workbook
 * through exceljs's streaming WorkbookReader.
 * @throws DomainError `import.file` when the file cannot be opened.
 */
export function openSheetRecords(path: string): SheetRecords {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw sheetFileError(
      'import.file',
      `${path}（${code === 'ENOENT' ? '文件不存在' : code}）`,
      `${path} (${code === 'ENOENT' ? 'no such file' : code})`,
    );
  }
  if (isXlsxPath(path)) return { records: xlsxRecords(path), fraction: () => null, encoding: () => null };
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let encoding: SheetEncoding | null = null;
  const text = decodeSheetText(stream as AsyncIterable<Buffer>, (found) => (encoding = found));
  return {
    records: readCsvRecords(text),
    fraction: () => (size === 0 ? 1 : stream.bytesRead / size),
    encoding: () => encoding,
  };
}

async function* xlsxRecords(path: string): AsyncGenerator<CsvRecord> {
  // Loaded on use (exceljs adds about 35 MB to a process that only reads CSV), with its UTF-8 fix.
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const fields: string[] = [];
      const numberCells: number[] = [];
      // `values` is 1-based and sparse: index 0 is always empty.
      for (let i = 1; i < values.length; i++) {
        if (typeof values[i] === 'number') numberCells.push(i - 1);
        fields.push(cellText(values[i]));
      }
      if (fields.every((f) => f === '')) continue;
      yield numberCells.length > 0 ? { rowNumber: row.number, fields, numberCells } : { rowNumber: row.number, fields };
    }
    // Only the first worksheet is the sheet; later ones (notes, instructions) are not read.
    return;
  }
}

/** A cell's text as the sheet shows it: numbers as written, rich text joined, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if (cell.result !== undefined) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
  }
  return String(value);
}
