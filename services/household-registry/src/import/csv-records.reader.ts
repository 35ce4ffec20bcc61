import { Readable } from 'node:stream';
import { CsvError, parse, type Info } from 'csv-parse';
import { importFileError } from './import.errors';

/** One record of a sheet with its 1-based row number (the header is row 1, as a spreadsheet numbers rows). */
export interface CsvRecord {
  readonly rowNumber: number;
  readonly fields: string[];
  /** Indexes of the fields a workbook held as numbers (XLSX only): an ID there has lost digits. */
  readonly numberCells?: readonly number[];
}

/**
 * The records of CSV text, streamed through csv-parse: RFC 4180 quoting (fields may hold commas,
 * doubled quotes and line breaks, as addresses and notes in officials' sheets do), records ending
 * in CRLF, LF or CR, rows of any length. The delimiter is a comma, or a tab when the header line
 * holds tabs and no comma (Excel's "Unicode text"). Blank lines are skipped but counted, so row
 * numbers match what a spreadsheet shows. The text arrives decoded (see `decodeSheetText`).
 * @throws DomainError `import.csv-format` naming the row, for an unterminated quoted field.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const parser = parse({
    delimiter: delimiterOf(first.value),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // A quote inside an unquoted field (`5" 板房`) is kept as text, as spreadsheet programs do.
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  });
  const source = Readable.from(rest(first.value, iterator), { objectMode: false });
  // An error of the source (an undecodable byte) ends the parse with that error.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    // Rows counted here: csv-parse's `info.lines` counts a CRLF inside quotes as two lines.
    let lastLine = 0;
    let emptyLines = 0;
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const rowNumber = lastLine + 1 + info.empty_lines - emptyLines;
      emptyLines = info.empty_lines;
      lastLine = rowNumber + lineBreaksIn(record);
      yield { rowNumber, fields: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw importFileError(
      'import.csv-format',
      `第 ${error.lines ?? '?'} 行附近：${error.code === 'CSV_QUOTE_NOT_CLOSED' ? '引号未闭合' : error.code}`,
      `near row ${error.lines ?? '?'}: ${error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is not closed' : error.message}`,
    );
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** The text again from its first chunk, without empty chunks (an empty string would end a byte stream's reads). */
async function* rest(first: string, iterator: AsyncIterator<string>): AsyncGenerator<string> {
  if (first !== '') yield first;
  for (let next = await iterator.next(); !next.done; next = await iterator.next())
    if (next.value !== '') yield next.value;
}

/** A tab when the first line holds tabs and no comma (tab-separated text), else a comma. */
function delimiterOf(start: string): string {
  const end = start.search(/[\r\n]/);
  const line = end < 0 ? start : start.slice(0, end);
  return line.includes('\t') && !line.includes(',') ? '\t' : ',';
}

/** Line breaks inside a record's quoted fields: its row is the line it starts on. */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.indexOf('\n') < 0 && field.indexOf('\r') < 0) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}
