import { TextDecoder } from 'node:util';
import { sheetFileError } from './sheet-file.errors';

/** The text encodings a CSV sheet is read in: what Excel and WPS write on officials' machines. */
export type SheetEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How the first bytes of a file decide its encoding, or why it is refused. */
export type EncodingVerdict =
  | { readonly kind: 'bom'; readonly encoding: SheetEncoding; readonly bomLength: number }
  /** No BOM: strict UTF-8 first, then GB18030 (see {@link decodeSheetText}). */
  | { readonly kind: 'sniff' }
  | { readonly kind: 'refused'; readonly zh: string; readonly en: string };

const SAVE_AS = {
  zh: '请在 Excel 中“另存为”CSV UTF-8（逗号分隔）或 Excel 工作簿（.xlsx）后重新导入',
  en: 'save it from Excel as "CSV UTF-8 (Comma delimited)" or as an Excel workbook (.xlsx) and import that',
};

/**
 * Reads a file's first bytes: a byte-order mark names the encoding (Excel's "CSV UTF-8" writes
 * EF BB BF, its "Unicode text" FF FE); files that are not text at all (a workbook renamed .csv,
 * an old .xls, UTF-32, UTF-16 without a mark) are refused with what they are and what to do.
 */
export function sheetEncodingOf(head: Uint8Array): EncodingVerdict {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xef, 0xbb, 0xbf)) return { kind: 'bom', encoding: 'utf-8', bomLength: 3 };
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff))
    return refused('文件是 UTF-32 编码', 'the file is UTF-32');
  if (starts(0xff, 0xfe)) return { kind: 'bom', encoding: 'utf-16le', bomLength: 2 };
  if (starts(0xfe, 0xff)) return { kind: 'bom', encoding: 'utf-16be', bomLength: 2 };
  if (starts(0x50, 0x4b, 0x03, 0x04))
    return {
      kind: 'refused',
      zh: '文件是 Excel 工作簿（.xlsx），不是 CSV：请把扩展名改为 .xlsx 后导入',
      en: 'the file is an Excel workbook (.xlsx), not a CSV: give it the .xlsx extension and import it',
    };
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return refused('文件是旧版 Excel 工作簿（.xls）', 'the file is an old Excel workbook (.xls)');
  if (head.includes(0))
    return refused(
      '文件含空字节，可能是无 BOM 的 UTF-16',
      'the file holds NUL bytes, likely UTF-16 without a byte-order mark',
    );
  return { kind: 'sniff' };
}

function refused(zh: string, en: string): EncodingVerdict {
  return { kind: 'refused', zh: `${zh}，无法读取：${SAVE_AS.zh}`, en: `${en} and cannot be read: ${SAVE_AS.en}` };
}

/** The `import.encoding` refusal, one line. */
function encodingError(zh: string, en: string) {
  return sheetFileError('import.encoding', zh, en);
}

/**
 * Decodes a sheet's bytes into text, streamed: memory holds one chunk. The encoding is that of
 * the byte-order mark; without one, the first chunk holding a byte above 0x7F decides: strict
 * UTF-8 when it decodes as such, else GB18030 (Excel's "CSV (逗号分隔)" on a Chinese Windows,
 * which in practice is never valid UTF-8); chunks before it are ASCII, the same in both. Reports
 * the encoding through `onEncoding` once known.
 *
 * A file that decodes in neither, or that turns invalid after a UTF-8 start (two encodings
 * mixed), is refused with one line naming the byte offset. Known gap: when the only non-ASCII
 * bytes of an all-ASCII start are a character cut by the chunk's end, UTF-8 is assumed.
 * @throws DomainError `import.encoding`.
 */
export async function* decodeSheetText(
  chunks: AsyncIterable<Uint8Array>,
  onEncoding: (encoding: SheetEncoding) => void = () => undefined,
): AsyncGenerator<string> {
  const text = new SheetTextDecoder(onEncoding);
  for await (const chunk of chunks) yield text.decode(chunk);
  yield text.end();
}

class SheetTextDecoder {
  private decoder: TextDecoder | null = null;
  /** The first bytes while fewer than four have come; null once the start is decided. */
  private head: Uint8Array | null = new Uint8Array(0);
  private encoding: SheetEncoding = 'utf-8';
  /** Bytes decoded so far, to say where a file turns undecodable. */
  private offset = 0;

  constructor(private readonly onEncoding: (encoding: SheetEncoding) => void) {}

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.head !== null) {
      // The first four bytes decide a byte-order mark: wait for them, however the reads are cut.
      bytes = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      if (bytes.length < 4) {
        this.head = bytes;
        return '';
      }
      bytes = this.start(bytes);
    }
    return this.body(bytes);
  }

  end(): string {
    // A file shorter than four bytes is decided on what there is.
    const rest = this.head !== null && this.head.length > 0 ? this.body(this.start(this.head)) : '';
    if (this.decoder === null) {
      this.onEncoding('utf-8');
      return rest;
    }
    return rest + this.run(new Uint8Array(0), true);
  }

  /** Decides by the byte-order mark; returns the bytes after it. */
  private start(bytes: Uint8Array): Uint8Array {
    this.head = null;
    const verdict = sheetEncodingOf(bytes);
    if (verdict.kind === 'refused') throw encodingError(verdict.zh, verdict.en);
    if (verdict.kind === 'sniff') return bytes;
    this.use(verdict.encoding);
    this.offset = verdict.bomLength;
    return bytes.subarray(verdict.bomLength);
  }

  private body(bytes: Uint8Array): string {
    if (this.decoder === null && bytes.some((b) => b > 0x7f)) {
      if (decodesAs('utf-8', bytes)) this.use('utf-8');
      else if (decodesAs('gb18030', bytes)) this.use('gb18030');
      else
        throw encodingError(
          `文件编码无法识别（既不是 UTF-8，也不是 GB18030），${SAVE_AS.zh}`,
          `the file's encoding is neither UTF-8 nor GB18030: ${SAVE_AS.en}`,
        );
    }
    const text = this.run(bytes, false);
    this.offset += bytes.length;
    return text;
  }

  private use(encoding: SheetEncoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true });
    this.onEncoding(encoding);
  }

  private run(bytes: Uint8Array, end: boolean): string {
    // ASCII so far: the same text in every encoding sniffed for.
    if (this.decoder === null) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    try {
      return this.decoder.decode(bytes, { stream: !end });
    } catch {
      throw encodingError(
        `文件在第 ${this.offset} 字节之后不是有效的 ${this.encoding} 编码（可能混用了两种编码），${SAVE_AS.zh}`,
        `the file is not valid ${this.encoding} after byte ${this.offset} (two encodings mixed?): ${SAVE_AS.en}`,
      );
    }
  }
}

function decodesAs(encoding: SheetEncoding, bytes: Uint8Array): boolean {
  try {
    // `stream`: a character cut at the chunk's end is not an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
