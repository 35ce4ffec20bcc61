import { gzipSync } from 'node:zlib';
import { DIVISION_EXTRACT_FORMAT } from './division-extract.reader';
import type { DivisionSource } from './division.types';

/**
 * The bytes of an extract of `source`, as {@link readDivisionExtract} reads them: gzipped JSON
 * with the units sorted by code, one per line (so `zcat FILE | head` is readable). The same
 * source always gives the same bytes, so a regenerated extract can be compared with the
 * shipped one.
 */
export function divisionExtractBytes(source: DivisionSource): Buffer {
  const units = [...source.records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const json =
    `{"format":${JSON.stringify(DIVISION_EXTRACT_FORMAT)},"edition":${JSON.stringify(source.edition)},` +
    `"province":${JSON.stringify(source.provinceCode)},"units":[\n${units.map((unit) => JSON.stringify(unit)).join(',\n')}\n]}\n`;
  return gzipSync(json, { level: 9 });
}
