import type { Command } from 'commander';
import {
  visitsImport,
  visitsImportSummary,
  type InspectionCliIo,
  type VisitsImportOptions,
} from './visits-import.command';

export type { InspectionCliIo } from './visits-import.command';

/**
 * Adds the inspection's commands to the `relapse-watch` program: `visits import FILE --campaign ID`
 * (the visit sheet of a campaign's checklist, see src/import).
 */
export function addInspectionCommands(root: Command, io: InspectionCliIo): void {
  const visits = root.command('visits').description('入户排查记录 / household visits of a campaign');
  visits
    .command('import')
    .description('导入入户排查记录表（CSV 或 XLSX）/ import a visit sheet (CSV or XLSX) into a campaign')
    .argument('<file>', '走访记录表 / the visit sheet')
    .requiredOption('--campaign <id>', '排查ID，如 51-2024 / the campaign id, e.g. 51-2024')
    .option('--concurrency <n>', '同时处理的行数 / rows in flight at once', '32')
    .option('--errors <file>', '错误文件 / the error file (default <file>.errors.csv)')
    .option('--no-progress-file', '不保存续传进度 / keep no progress file (a re-run then replays every row)')
    .action(async (file: string, options: VisitsImportOptions) => {
      io.out(visitsImportSummary(await visitsImport(file, options, io)));
    });
}

export { inspectionAuditSource } from './inspection-audit.source';
