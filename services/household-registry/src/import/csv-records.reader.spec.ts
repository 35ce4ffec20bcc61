import { CsvRecordParser } from './csv-records.reader';

function parseInChunks(text: string, size: number) {
  const parser = new CsvRecordParser();
  const records = [];
  for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
  records.push(...parser.end());
  return records;
}

describe('CsvRecordParser (RFC 4180)', () => {
  const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",z\n3,,\n4,last,"no newline"';
  const expected = [
    { rowNumber: 1, fields: ['a', 'b', 'c'] },
    { rowNumber: 2, fields: ['1', 'x, y', 'say "hi"'] },
    { rowNumber: 4, fields: ['2', 'two\nlines', 'z'] },
    { rowNumber: 6, fields: ['3', '', ''] },
    { rowNumber: 7, fields: ['4', 'last', 'no newline'] },
  ];

  it.each([1, 2, 3, 7, 1000])('reads quoted commas, quotes, line breaks, CRLF and a BOM, in chunks of %i', (size) => {
    expect(parseInChunks(text, size)).toEqual(expected);
  });

  it('refuses an unterminated quoted field at the end', () => {
    const parser = new CsvRecordParser();
    parser.push('a,"open');
    expect(() => parser.end()).toThrow(/unterminated/);
  });
});
