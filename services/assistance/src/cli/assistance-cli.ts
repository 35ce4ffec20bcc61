import type { Command } from 'commander';
import type { AssistanceCliIo } from './assistance-cli.io';
import { casesGenerate, type CasesGenerateOptions } from './cases-generate.command';
import { casesImport, type CasesImportOptions } from './cases-import.command';

export type { AssistanceCliIo } from './assistance-cli.io';

/**
 * Adds the assistance service's commands to the `relapse-watch` program: `cases import FILE` (the
 * existing caseload, see src/import/README.md) and `cases generate` (a synthetic one).
 */
export function addAssistanceCommands(root: Command, io: AssistanceCliIo): void {
  const cases = root.command('cases').description('监测对象 / monitoring cases');
  cases
    .command('import')
    .description(
      '导入存量监测对象及其帮扶措施（CSV 或 XLSX），可重复运行、中断后续传 / import the existing caseload with its measures (CSV or XLSX); re-runnable, resumes after a kill',
    )
    .argument('<file>', '监测对象帮扶台账 / the caseload sheet')
    .option(
      '--event-store <url>',
      '事件库，写法同 EVENT_STORE_URL，默认同服务配置（EVENT_STORE_URL，或 DATA_DIR 下的 events.db） / the event store, as EVENT_STORE_URL (sqlite:<path>, postgres://…, kurrentdb://…); default: as the server',
    )
    .option('--concurrency <n>', '同时处理的监测对象数 / cases in flight', '1000')
    .option(
      '--batch-cases <n>',
      '一次写入的监测对象数（1：逐条命令） / cases written in one append (1: command by command)',
      '250',
    )
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
    .action(async (file: string, options: CasesImportOptions) => {
      await casesImport(file, options, io);
    });
  cases
    .command('generate')
    .description(
      '按户籍信息表生成模拟的存量监测对象台账（CSV 或 XLSX） / generate a synthetic caseload sheet over a household sheet (CSV or XLSX)',
    )
    .requiredOption(
      '--households <file>',
      '户籍信息表（如 relapse-watch generate 的输出） / the household sheet (e.g. what relapse-watch generate wrote)',
    )
    .requiredOption('--out <file>', '输出文件，.xlsx 结尾写 Excel / output file, Excel when it ends in .xlsx')
    .option(
      '--seed <seed>',
      '随机种子：相同种子和户籍表生成相同文件 / seed: the same seed and sheet give the same file',
      '1',
    )
    .option('--share <0-1>', '监测对象占户数的比例 / share of the households that are monitoring subjects', '0.08')
    .option('--as-of <date>', '导出日期，之后没有任何日期 / the export day: no date lies after it', '2024-12-31')
    .action(async (options: CasesGenerateOptions) => {
      await casesGenerate(options, io);
    });
}

export { assistanceAuditSource } from './assistance-audit.source';
