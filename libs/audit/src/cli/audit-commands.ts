import type { Command } from 'commander';
import type { AuditCliIo } from './audit-cli.io';
import { auditSeal, type AuditSealOptions } from './audit-seal.command';
import { auditVerify, type AuditVerifyOptions } from './audit-verify.command';

const EVENT_STORE_OPTION =
  '事件库，写法同 EVENT_STORE_URL，默认同服务配置（EVENT_STORE_URL，或 DATA_DIR 下的 events.db） / the event store, as EVENT_STORE_URL; default: as the server';

/**
 * Adds `audit verify` and `audit seal` to the `relapse-watch` program, under an `audit` command
 * it creates or finds (other `audit …` commands, e.g. `audit household`, live next to them).
 * `verify` exits 0 when the log is intact, 2 when it is not, 1 on usage errors.
 */
export function addAuditCommands(root: Command, io: AuditCliIo): void {
  const audit = root.commands.find((c) => c.name() === 'audit') ?? root.command('audit').description('审计 / audit');
  audit
    .command('verify')
    .description(
      '校验事件日志：重算每个事件的哈希链与每个封签，指出第一处不符 / verify the event log: recompute every hash chain and seal, name the first mismatch',
    )
    .option('--from <position>', '从该日志位置起校验 / start at this log position')
    .option('--json', '以 JSON 输出校验报告 / print the report as JSON')
    .option('--event-store <url>', EVENT_STORE_OPTION)
    .action(async (options: AuditVerifyOptions) => {
      await auditVerify(options, io);
    });
  audit
    .command('seal')
    .description('为已提交的全部事件加签名封签 / seal everything committed now with signed checkpoints')
    .option('--event-store <url>', EVENT_STORE_OPTION)
    .action(async (options: AuditSealOptions) => {
      await auditSeal(options, io);
    });
}
