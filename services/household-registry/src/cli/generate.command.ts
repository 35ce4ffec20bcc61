import { existsSync } from 'node:fs';
import { DomainError } from '@relapse-watch/domain-kernel';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { DivisionDirectory } from '../divisions/division-directory';
import { divisionSourceError } from '../divisions/division.errors';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { checkProvinceCode } from '../divisions/province-code';
import { generateProvinceHouseholds, GENERATOR_DEFAULTS } from '../generator/province.generator';
import { isXlsxPath } from '@relapse-watch/sheet-io';
import { writeHouseholdSheet, type SheetTarget } from '../import/household-sheet.writer';
import type { CliIo } from './cli-io';
import { resolve } from 'node:path';

/** Options of `relapse-watch generate`, as commander parsed them. */
export interface GenerateOptions {
  readonly province?: string;
  readonly households: string;
  readonly seed: string;
  readonly within?: string;
  readonly out?: string;
  readonly incomeYear?: string;
  readonly line?: string;
  readonly extract?: string;
}

/**
 * Writes a synthetic household sheet of one province: the CSV (or, for an `--out` ending in
 * `.xlsx`, the workbook) `households import` reads. The same seed and options give the same
 * file, byte for byte (CSV). Data goes to `--out` or stdout; the summary to stderr.
 */
export async function generate(options: GenerateOptions, io: CliIo): Promise<void> {
  if (options.province === undefined) {
    throw divisionSourceError(
      'division-source.province',
      '请用 --province 指定省级代码，如 51',
      'give the province with --province, e.g. --province 51',
    );
  }
  const provinceCode = checkProvinceCode(options.province);
  const started = performance.now();
  const file = options.extract === undefined ? shippedExtractPath(provinceCode) : resolve(io.cwd, options.extract);
  if (options.extract === undefined && !existsSync(file)) {
    throw divisionSourceError(
      'division-source.province',
      `没有随附 ${provinceCode} 省的区划摘录，请用 --extract 指定`,
      `no extract of province ${provinceCode} is shipped; give one with --extract`,
    );
  }
  const source = await readDivisionExtract(file);
  const directory = DivisionDirectory.fromRecords(source.edition, source.records);
  const households = generateProvinceHouseholds(directory, {
    provinceCode,
    households: wholeNumber(options.households, '--households'),
    seed: options.seed,
    within: options.within,
    incomeYear: options.incomeYear === undefined ? undefined : wholeNumber(options.incomeYear, '--income-year'),
    monitoringLineYuan: options.line === undefined ? GENERATOR_DEFAULTS.monitoringLineYuan : Number(options.line),
  });
  const target: SheetTarget =
    options.out !== undefined
      ? { kind: isXlsxPath(options.out) ? 'xlsx' : 'csv', path: resolve(io.cwd, options.out) }
      : { kind: 'csv', stream: io.dataOut ?? linesTo(io.out) };
  const written = await writeHouseholdSheet(households, target);
  io.err(
    `已生成 ${written.households} 户 ${written.rows} 人（种子 ${options.seed}）${options.out ? `：${options.out}` : ''}，用时 ${((performance.now() - started) / 1000).toFixed(2)} 秒` +
      ` / Generated ${written.households} households, ${written.rows} members (seed ${options.seed})${options.out ? `: ${options.out}` : ''} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text))
    throw new DomainError({
      code: 'generator.options',
      field: option,
      message: `${option} 须为非负整数 / ${option} must be a whole number`,
    });
  return Number(text);
}

/** A stream that hands whole lines to `out` (tests capture the CSV through it). */
function linesTo(out: (line: string) => void): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      pending += chunk.toString();
      const lines = pending.split('\r\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out(line);
      callback();
    },
    final(callback) {
      if (pending !== '') out(pending);
      callback();
    },
  });
}
