import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  readChinaDivisionPrefixes,
  readGb2260V2,
  readIdValidatorPrefixes,
} from '../divisions/registration-prefix.sources';
import {
  mergePrefixSources,
  registrationPrefixesBytes,
  SHIPPED_REGISTRATION_PREFIXES,
  type RegistrationPrefixSource,
} from '../divisions/registration-prefixes';
import type { CliIo } from './cli-io';

/** Options of `relapse-watch divisions extract-prefixes`, as commander parsed them. */
export interface DivisionsExtractPrefixesOptions {
  readonly out?: string;
}

/** The sources of the table, in the order they are merged (README "Registration prefixes and retired codes"). */
export function registrationPrefixSources(): RegistrationPrefixSource[] {
  return [readGb2260V2(), readChinaDivisionPrefixes(), readIdValidatorPrefixes()];
}

/**
 * Writes the nationwide table of registration prefixes (every GB/T 2260 code since 1980) from the
 * installed sources: by default over the shipped reference/registration-prefixes.json.gz, which a
 * test compares byte for byte with a fresh extract, so a source upgrade without a new table fails it.
 * @returns the file written.
 */
export function divisionsExtractPrefixes(options: DivisionsExtractPrefixesOptions, io: CliIo): string {
  const sources = registrationPrefixSources();
  const file = options.out === undefined ? SHIPPED_REGISTRATION_PREFIXES : resolve(io.cwd, options.out);
  const bytes = registrationPrefixesBytes(sources);
  writeFileSync(file, bytes);
  const counts = sources.map((s) => `${s.source} ${s.records.length}`).join(', ');
  io.out(
    `已写出 / wrote ${relative(io.cwd, file)}: ${mergePrefixSources(sources).length} 个代码 / codes (${counts}), ${bytes.length} bytes`,
  );
  return file;
}
