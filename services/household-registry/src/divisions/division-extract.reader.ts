import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { divisionSourceError } from './division.errors';
import type { DivisionRecord, DivisionSource } from './division.types';
import { checkProvinceCode } from './province-code';

/** The `format` tag of an extract written by `divisionExtractBytes` (`relapse-watch divisions extract`). */
export const DIVISION_EXTRACT_FORMAT = 'relapse-watch/divisions-extract@1';

/**
 * Where the extracts shipped with the service live. Outside `src` and named `reference`, not
 * `data`: the repository ignores every `data/` folder (runtime files), and the same relative path
 * works from `src/divisions` and from the built `dist/divisions`.
 */
export const SHIPPED_EXTRACTS_DIR = join(__dirname, '..', '..', 'reference');

/** The shipped extract of a province (it may not exist: only Sichuan, 51, is shipped). */
export function shippedExtractPath(provinceCode: string): string {
  return join(SHIPPED_EXTRACTS_DIR, `divisions-${checkProvinceCode(provinceCode)}.json.gz`);
}

/**
 * Reads an extract: gzipped JSON `{ format, edition, province, units: [[code12, name], …] }`.
 * The records are checked further when built into a DivisionDirectory.
 * @throws DomainError `division-source.unreadable` (missing, unreadable) or
 *   `division-source.format` (not gzip, not JSON, not an extract), naming the file.
 */
export async function readDivisionExtract(file: string): Promise<DivisionSource> {
  let gzipped: Buffer;
  try {
    gzipped = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ?? (error as Error).message;
    throw divisionSourceError(
      'division-source.unreadable',
      `${file}（${code === 'ENOENT' ? '文件不存在' : reason}）`,
      `${file} (${code === 'ENOENT' ? 'no such file' : reason})`,
    );
  }
  let json: string;
  try {
    json = gunzipSync(gzipped).toString('utf8');
  } catch {
    throw divisionSourceError('division-source.format', `${file} 不是gzip文件`, `${file} is not gzip`);
  }
  let extract: unknown;
  try {
    extract = JSON.parse(json);
  } catch {
    throw divisionSourceError('division-source.format', `${file} 不是JSON`, `${file} is not JSON`);
  }
  const { format, edition, province, units } = (extract ?? {}) as Record<string, unknown>;
  if (
    format !== DIVISION_EXTRACT_FORMAT ||
    typeof edition !== 'string' ||
    typeof province !== 'string' ||
    !Array.isArray(units)
  ) {
    throw divisionSourceError(
      'division-source.format',
      `${file} 不是 ${DIVISION_EXTRACT_FORMAT} 区划摘录`,
      `${file} is not a ${DIVISION_EXTRACT_FORMAT} division extract`,
    );
  }
  return { edition, provinceCode: checkProvinceCode(province), records: units as DivisionRecord[] };
}
