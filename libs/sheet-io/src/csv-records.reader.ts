import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { sheetFileError } from './sheet-file.errors';

/** One record of a sheet with its 1-based row number (the header is row 1, as a spreadsheet numbers rows). */
export interface CsvRecord {
  readonly rowNumber: number;
  readonly fields: string[];
  /** Indexes of the fields a workbook held as numbers (XLSX only): an ID there has lost digits. */
  readonly numberCells?: readonly number[];
}

/** Parsed records held before the parser is paused: memory stays flat however large the sheet. */
const HIGH_WATER = 2_000;

/**
 * The records of CSV text, streamed through Papa Parse: RFC 4180 quoting (fields may hold commas,
 * doubled quotes and line breaks, as addresses and notes in officials' sheets do), records ending
 * in CRLF, LF or CR — mixed in one file too, and read as LF inside quoted fields as well, which
 * no household column can hold anyway — rows of any length. The delimiter is a comma, or a tab
 * when the header line holds tabs and no comma (Excel's "Unicode text"). Blank lines are skipped
 * but counted, so row numbers match what a spreadsheet shows. The text arrives decoded (see
 * `decodeSheetText`). Papa Parse rather than csv-parse: about five times faster on a province's
 * sheet, and the parse runs on the import's busiest thread (bench/README.md, "registry-import").
 * @throws DomainError `import.csv-format` naming the row, for an unterminated quoted field.
 */
export async function* readCsvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const iterator = text[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const source = Readable.from(lineFeeds(rest(first.value, iterator)), { objectMode: false });
  const queue: string[][] = [];
  let parser: Papa.Parser | null = null;
  let paused = false;
  let ended = false;
  let failure: unknown = null;
  // The record whose quoted field never closes: it runs to the end of the text, so it comes last.
  let unterminated: string[] | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  Papa.parse<string[]>(source as unknown as Papa.LocalFile, {
    delimiter: delimiterOf(first.value),
    newline: '\n',
    skipEmptyLines: false,
    step: (results, p) => {
      parser = p;
      if (results.errors.some((e) => e.code === 'MissingQuotes')) unterminated = results.data;
      queue.push(results.data);
      if (queue.length >= HIGH_WATER && !paused) {
        // The parser's own pause only stops it mid-chunk: the source must stop flowing too, or
        // the rest of the sheet piles up in the parser's chunk queue.
        paused = true;
        source.pause();
        p.pause();
      }
      signal();
    },
    complete: () => {
      ended = true;
      signal();
    },
    error: (error: Error) => {
      failure ??= error;
      ended = true;
      signal();
    },
  });
  // An error of the source (an undecodable byte) ends the parse with that error.
  source.on('error', (error) => {
    failure ??= error;
    ended = true;
    signal();
  });
  let lastLine = 0;
  try {
    for (;;) {
      const record = queue.shift();
      if (record === undefined) {
        if (failure !== null) break;
        if (ended) return;
        if (paused) {
          // Resuming parses the rest of the chunk at once, into the queue: read it before waiting.
          paused = false;
          source.resume();
          (parser as Papa.Parser | null)?.resume();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const rowNumber = lastLine + 1;
      lastLine = rowNumber + lineBreaksIn(record);
      if (failure !== null) break;
      if (record === unterminated) {
        throw sheetFileError(
          'import.csv-format',
          `第 ${rowNumber} 行：引号未闭合`,
          `row ${rowNumber}: a quoted field is not closed`,
        );
      }
      if (record.length === 1 && record[0] === '') continue; // a blank line: counted, not a record
      yield { rowNumber, fields: record };
    }
    throw failure;
  } finally {
    source.destroy();
    (parser as Papa.Parser | null)?.abort();
  }
}

/** The text again from its first chunk, without empty chunks (an empty string would end a byte stream's reads). */
async function* rest(first: string, iterator: AsyncIterator<string>): AsyncGenerator<string> {
  if (first !== '') yield first;
  for (let next = await iterator.next(); !next.done; next = await iterator.next())
    if (next.value !== '') yield next.value;
}

/** The text with every CRLF and lone CR as LF; a CR ending a chunk waits for the next one's first character. */
async function* lineFeeds(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk;
    const cut = text.endsWith('\r') ? text.length - 1 : text.length;
    carry = text.slice(cut);
    const out = text.slice(0, cut).replace(/\r\n?/g, '\n');
    if (out !== '') yield out;
  }
  if (carry !== '') yield '\n';
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
    if (field.indexOf('\n') < 0) continue;
    for (let i = 0; i < field.length; i++) if (field.charCodeAt(i) === 10) breaks++;
  }
  return breaks;
}
