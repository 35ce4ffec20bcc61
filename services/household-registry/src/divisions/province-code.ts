import { divisionSourceError } from './division.errors';

/**
 * Checks a two-digit province code (`51`), as the import CLI and the sources take it.
 * @throws DomainError `division-source.province`.
 */
export function checkProvinceCode(provinceCode: string): string {
  if (typeof provinceCode !== 'string' || !/^[1-9]\d$/.test(provinceCode)) {
    throw divisionSourceError(
      'division-source.province',
      '省级代码应为两位数字，如 51',
      'a province code is two digits, e.g. 51',
    );
  }
  return provinceCode;
}
