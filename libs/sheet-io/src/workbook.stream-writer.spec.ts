import { PassThrough, Writable } from 'node:stream';
import Papa from 'papaparse';
import { loadExcelJs } from './exceljs-utf8.fix';
import { writeWorkbook, type SheetCell } from './workbook.stream-writer';

/** Collects what a writer sends, and when (in rows produced so far). */
function sink(produced: () => number) {
  const chunks: Buffer[] = [];
  const firstChunkAfter: number[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (chunks.length === 0) firstChunkAfter.push(produced());
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks), firstChunkAfter };
}

function* rows(count: number, counter: { n: number }): Generator<SheetCell[]> {
  for (let i = 0; i < count; i++) {
    counter.n++;
    yield [`5119231012${String(i).padStart(2, '0')}`, `楠木村${i}`, i, i % 2 === 0 ? null : i / 3];
  }
}

const HEADER = ['代码 / Code', '名称 / Name', '户数 / Households', '占比 / Share'];

describe('writeWorkbook', () => {
  it('writes CSV with a BOM and CRLF that parses back to the rows, numbers as text and nothing as empty', async () => {
    const counter = { n: 0 };
    const out = sink(() => counter.n);
    const counts = await writeWorkbook({ kind: 'csv', stream: out.stream }, [
      { name: 'x', header: HEADER, rows: () => rows(3, counter) },
    ]);
    expect(counts).toEqual([3]);
    const text = out.bytes().toString('utf8');
    expect(text.startsWith('\uFEFF代码 / Code,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
    // Papa keeps the BOM in the first field: Excel strips it, the check does too.
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      HEADER,
      ['511923101200', '楠木村0', '0', ''],
      ['511923101201', '楠木村1', '1', String(1 / 3)],
      ['511923101202', '楠木村2', '2', ''],
    ]);
  });

  it('writes one XLSX worksheet per sheet, read back by exceljs with the Chinese text and the numbers', async () => {
    const counter = { n: 0 };
    const out = sink(() => counter.n);
    await writeWorkbook({ kind: 'xlsx', stream: out.stream }, [
      { name: '排查进度', header: HEADER, rows: () => rows(2, counter) },
      { name: '数据质量', header: HEADER.slice(0, 2), rows: () => [['511923000000', '平昌县']] },
    ]);
    const excel = await loadExcelJs();
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(out.bytes() as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['排查进度', '数据质量']);
    const values = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
    expect(values('排查进度')).toEqual([HEADER, ['511923101200', '楠木村0', 0], ['511923101201', '楠木村1', 1, 1 / 3]]);
    expect(values('数据质量')).toEqual([HEADER.slice(0, 2), ['511923000000', '平昌县']]);
  });

  it.each(['csv', 'xlsx'] as const)('sends %s bytes long before the last row is produced', async (kind) => {
    const counter = { n: 0 };
    const out = sink(() => counter.n);
    await writeWorkbook({ kind, stream: out.stream }, [
      { name: 's', header: HEADER, rows: () => rows(20_000, counter) },
    ]);
    expect(counter.n).toBe(20_000);
    expect(out.firstChunkAfter[0]).toBeLessThan(5_000);
  });

  it('stops with an error, not a hang, when the reader goes away while the stream is backed up', async () => {
    const stream = new PassThrough({ highWaterMark: 1024 });
    const counter = { n: 0 };
    const written = writeWorkbook({ kind: 'csv', stream }, [
      { name: 's', header: HEADER, rows: () => rows(50_000, counter) },
    ]);
    setImmediate(() => stream.destroy());
    await expect(written).rejects.toThrow();
    expect(counter.n).toBeLessThan(50_000);
  });

  it('refuses more than one sheet as CSV', async () => {
    const sheet = { name: 's', header: HEADER, rows: () => [] };
    await expect(writeWorkbook({ kind: 'csv', stream: new PassThrough() }, [sheet, sheet])).rejects.toThrow(RangeError);
  });
});
