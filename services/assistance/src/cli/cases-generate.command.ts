import { resolve } from 'node:path';
import { isIsoDate } from '@relapse-watch/domain-kernel';
import { isXlsxPath } from '@relapse-watch/sheet-io';
import { generateCaseload } from '../generator/caseload.generator';
import { writeCaseloadSheet } from '../generator/caseload-sheet.writer';
import { householdKeysOf } from '../generator/household-sheet.keys';
import { optionError, type AssistanceCliIo } from './assistance-cli.io';

/** Options of `relapse-watch cases generate`, as commander parsed them. */
export interface CasesGenerateOptions {
  readonly households: string;
  readonly out: string;
  readonly seed: string;
  readonly share: string;
  readonly asOf: string;
}

/**
 * Writes a synthetic caseload sheet over the households of a household sheet (what `relapse-watch
 * generate` wrote, so its cases are households the registry imports from it): CSV, or XLSX for an
 * `--out` ending in `.xlsx`. The same sheet, seed and options give the same file.
 */
export async function casesGenerate(options: CasesGenerateOptions, io: AssistanceCliIo): Promise<void> {
  const share = Number(options.share);
  if (!/^\d*\.?\d+$/.test(options.share) || share > 1)
    throw optionError('--share', '--share 须为 0 到 1 之间的数', '--share must be a number from 0 to 1');
  if (!isIsoDate(options.asOf))
    throw optionError('--as-of', '--as-of 须为 YYYY-MM-DD 日期', '--as-of must be a YYYY-MM-DD date');
  const started = performance.now();
  const out = resolve(io.cwd, options.out);
  const cases = generateCaseload(householdKeysOf(resolve(io.cwd, options.households)), {
    seed: options.seed,
    share,
    asOf: options.asOf,
  });
  const written = await writeCaseloadSheet(cases, { kind: isXlsxPath(out) ? 'xlsx' : 'csv', path: out });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.err(
    `已生成 ${written.cases} 个监测对象 ${written.rows} 行（种子 ${options.seed}）：${options.out}，用时 ${seconds} 秒` +
      ` / Generated ${written.cases} cases, ${written.rows} rows (seed ${options.seed}): ${options.out} in ${seconds} s`,
  );
}
