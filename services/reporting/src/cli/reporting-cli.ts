import { CommanderError, type Command } from 'commander';
import { PROJECTION_NAMES, projectionsRebuild, projectionsVerify } from './projections.command';
import type { ReportingCliIo } from './reporting-cli.io';

export type { ReportingCliIo } from './reporting-cli.io';

/**
 * Adds the reporting's operator commands to the `relapse-watch` program: `projections rebuild
 * <name|all>` (blue/green, from position zero) and `projections verify` (a scratch rebuild
 * compared by hash with the live read models). They work on the server's own stores, as its
 * environment names them (DATA_DIR, EVENT_STORE_URL or REPORTING_INBOX_URL, READ_STORE_URL).
 */
export function addReportingCommands(root: Command, io: ReportingCliIo): void {
  const projections = root.command('projections').description('读模型（报表）/ read models (reports)');
  projections
    .command('rebuild')
    .description(
      '从日志起点重建读模型，重建期间服务照常使用旧的，追上后切换 / rebuild read models from position zero; the service keeps serving the old ones until the new ones have caught up',
    )
    .argument('<name>', `读模型名或 all / a read model (${PROJECTION_NAMES.join(', ')}) or all`)
    .action(async (name: string) => {
      await projectionsRebuild(name, io);
    });
  projections
    .command('verify')
    .description(
      '在临时库中从日志重建，与在用的读模型按哈希比对 / rebuild into a scratch store and compare with the live read models by hash',
    )
    .action(async () => {
      // Exit status 2: the read models differ (the lines above name where); 1 stays for errors.
      if (!(await projectionsVerify(io)))
        throw new CommanderError(2, 'projections.differ', 'the read models differ from a rebuild');
    });
}
