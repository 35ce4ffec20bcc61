import { Readable } from 'node:stream';

// exceljs 4.4.0's streaming reader decodes each chunk of a zipped XML part on its own
// (lib/utils/parse-sax.js → browser-buffer-decode.js: one shared TextDecoder without
// `stream: true`), so a Chinese character whose three UTF-8 bytes straddle two chunks becomes
// U+FFFD — in a household sheet, about one cell in a few thousand (found by the XLSX round-trip
// test). Until exceljs fixes it, the reader's two entry points for XML parts (worksheets and
// shared strings) get their bytes decoded here first, with a streaming decoder per part:
// exceljs passes strings through untouched. If an upgrade renames those methods, loading
// fails loudly rather than reading wrong names.

type WorkbookReaderInternals = {
  _parseWorksheet: (this: unknown, iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings: (this: unknown, entry: NodeJS.ReadableStream) => unknown;
};

let patched = false;

/** Loads exceljs (on use: it adds about 35 MB to a process) with its streaming reader's UTF-8 decoding fixed. */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const excel = (await import('exceljs')).default;
  if (!patched) {
    const reader = excel.stream.xlsx.WorkbookReader.prototype as unknown as WorkbookReaderInternals;
    const parseWorksheet = reader._parseWorksheet;
    const parseSharedStrings = reader._parseSharedStrings;
    if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
      throw new Error('exceljs: WorkbookReader internals changed; review src/import/exceljs-utf8.fix.ts');
    }
    reader._parseWorksheet = function (iterator, sheetNo) {
      return parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
    };
    reader._parseSharedStrings = function (entry) {
      return parseSharedStrings.call(this, Readable.from(decodeUtf8(entry as AsyncIterable<Buffer | string>)));
    };
    patched = true;
  }
  return excel;
}

/** The chunks as text, a character split across two chunks decoded whole. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
