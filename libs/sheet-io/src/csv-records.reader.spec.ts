import { readCsvRecords, type CsvRecord } from './csv-records.reader';

async function parseInChunks(text: string, size: number): Promise<CsvRecord[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  }
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(chunks())) records.push(record);
  return records;
}

describe('readCsvRecords (Papa Parse, RFC 4180)', () => {
  const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n4,last,"no newline"';
  const expected = [
    { rowNumber: 1, fields: ['a', 'b', 'c'] },
    { rowNumber: 2, fields: ['1', 'x, y', 'say "hi"'] },
    { rowNumber: 4, fields: ['2', 'two\nlines', 'z'] },
    { rowNumber: 6, fields: ['3', '', ''] },
    { rowNumber: 7, fields: ['4', 'last', 'no newline'] },
  ];

  it.each([1, 2, 3, 7, 1000])(
    'reads quoted commas, quotes, line breaks, CRLF and LF mixed, blank lines counted, in chunks of %i',
    async (size) => {
      expect(await parseInChunks(text, size)).toEqual(expected);
    },
  );

  it('numbers a row after a quoted field with a CRLF inside (read as LF) by the line it starts on', async () => {
    expect(await parseInChunks('h\r\n"a\r\nb"\r\nc\r\n', 4)).toEqual([
      { rowNumber: 1, fields: ['h'] },
      { rowNumber: 2, fields: ['a\nb'] },
      { rowNumber: 4, fields: ['c'] },
    ]);
  });

  it('reads old Mac line ends (a lone CR), also split across chunks', async () => {
    expect(await parseInChunks('a,b\r1,"x\ry"\r\r2,z\r', 4)).toEqual([
      { rowNumber: 1, fields: ['a', 'b'] },
      { rowNumber: 2, fields: ['1', 'x\ny'] },
      { rowNumber: 5, fields: ['2', 'z'] },
    ]);
  });

  it('reads a province-sized sheet with the parser paused and resumed, every row in order', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"名字 ${i}",x`);
    const records = await parseInChunks(`n,name,c\r\n${rows.join('\r\n')}\r\n`, 65_536);
    expect(records).toHaveLength(20_001);
    expect(records[20_000]).toEqual({ rowNumber: 20_001, fields: ['19999', '名字 19999', 'x'] });
  });

  it('reads tab-separated text (Excel "Unicode text") when the header has tabs and no comma', async () => {
    expect(await parseInChunks('村代码\t姓名\r\n510101001001\t张, 三\r\n', 5)).toEqual([
      { rowNumber: 1, fields: ['村代码', '姓名'] },
      { rowNumber: 2, fields: ['510101001001', '张, 三'] },
    ]);
  });

  it('refuses an unterminated quoted field with import.csv-format naming the row', async () => {
    await expect(parseInChunks('a,b\n1,"open\n', 3)).rejects.toMatchObject({
      code: 'import.csv-format',
      message: expect.stringMatching(/第 2 行：引号未闭合.*row 2: a quoted field is not closed/) as unknown,
    });
  });

  it('gives nothing for empty text', async () => {
    expect(await parseInChunks('', 1)).toEqual([]);
  });
});
