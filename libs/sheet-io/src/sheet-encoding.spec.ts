import iconv from 'iconv-lite';
import { decodeSheetText, sheetEncodingOf, type SheetEncoding } from './sheet-encoding';

const HEADER = '村代码 villageCode,户编号 householdNumber,姓名 name\r\n';
const ROW = '510104001001,0001,张三丰\r\n';

/** The text of `bytes` as the import decodes it, delivered in chunks of `size`, and the encoding found. */
async function decode(bytes: Uint8Array, size: number): Promise<{ text: string; encoding: SheetEncoding | null }> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  let encoding: SheetEncoding | null = null;
  let text = '';
  for await (const part of decodeSheetText(chunks(), (found) => (encoding = found))) text += part;
  return { text, encoding };
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const bom = (...bytes: number[]) => Buffer.from(bytes);

describe('decodeSheetText: the encodings Excel and WPS save CSV in', () => {
  const text = HEADER + ROW;
  it.each<[string, Buffer, SheetEncoding]>([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', Buffer.concat([bom(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['GB18030 (Excel "CSV (逗号分隔)" on a Chinese Windows)', iconv.encode(text, 'gb18030'), 'gb18030'],
    [
      'UTF-16 LE with BOM (Excel "Unicode text")',
      Buffer.concat([bom(0xff, 0xfe), Buffer.from(text, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16 BE with BOM', Buffer.concat([bom(0xfe, 0xff), utf16be(text)]), 'utf-16be'],
  ])('decodes %s, whatever the chunk size', async (_, bytes, encoding) => {
    for (const size of [1, 2, 5, 4096]) expect(await decode(bytes, size)).toEqual({ text, encoding });
  });

  it('takes an ASCII start as either, and decides GB18030 at the first byte above 0x7F', async () => {
    const ascii = 'villageCode,householdNumber,name\r\n'.repeat(20);
    const bytes = iconv.encode(`${ascii}510104001001,0001,张三丰\r\n`, 'gb18030');
    expect(await decode(bytes, 64)).toEqual({ text: `${ascii}510104001001,0001,张三丰\r\n`, encoding: 'gb18030' });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming both and what to do', async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER, 'utf8').subarray(0, 5), bom(0xff, 0x80, 0xff)]);
    await expect(decode(bytes, 4096)).rejects.toMatchObject({
      code: 'import.encoding',
      message: expect.stringMatching(/既不是 UTF-8，也不是 GB18030.*CSV UTF-8.*neither UTF-8 nor GB18030/) as unknown,
    });
  });

  it('refuses a UTF-8 file that turns into another encoding, naming where', async () => {
    const bytes = Buffer.concat([Buffer.from(HEADER, 'utf8'), iconv.encode(ROW, 'gb18030')]);
    await expect(decode(bytes, HEADER.length + 8)).rejects.toMatchObject({
      code: 'import.encoding',
      message: expect.stringMatching(/不是有效的 utf-8 编码.*not valid utf-8 after byte/) as unknown,
    });
  });

  it('reports an empty or all-ASCII file as UTF-8', async () => {
    expect(await decode(Buffer.alloc(0), 8)).toEqual({ text: '', encoding: 'utf-8' });
    expect(await decode(Buffer.from('a,b\r\n'), 2)).toEqual({ text: 'a,b\r\n', encoding: 'utf-8' });
  });
});

describe('sheetEncodingOf: files that are not CSV text', () => {
  it.each([
    [
      'an XLSX workbook named .csv',
      bom(0x50, 0x4b, 0x03, 0x04, 0x14),
      /Excel 工作簿（\.xlsx）.*give it the \.xlsx extension/,
    ],
    ['an old .xls workbook', bom(0xd0, 0xcf, 0x11, 0xe0, 0xa1), /旧版 Excel 工作簿.*old Excel workbook \(\.xls\)/],
    ['UTF-32', bom(0xff, 0xfe, 0x00, 0x00), /UTF-32.*UTF-32/],
    [
      'UTF-16 without a byte-order mark',
      Buffer.from('村代码,户编号', 'utf16le'),
      /无 BOM 的 UTF-16.*UTF-16 without a byte-order mark/,
    ],
  ])('refuses %s with one line saying what it is and what to do', (_, head, message) => {
    const verdict = sheetEncodingOf(head);
    expect(verdict.kind).toBe('refused');
    if (verdict.kind === 'refused') expect(`${verdict.zh} / ${verdict.en}`).toMatch(message);
  });
});
