import { CommanderError } from 'commander';
import { DomainError } from '@relapse-watch/domain-kernel';
import { verifyLog } from '../verify/verify-log';
import type { VerifyReport } from '../verify/verify-problem';
import type { AuditCliIo } from './audit-cli.io';
import { openAuditLog } from './audit-log.opener';
import { verifyProgressReporter } from './verify-progress.reporter';

/** Options of `relapse-watch audit verify`. */
export interface AuditVerifyOptions {
  readonly from?: string;
  readonly json?: boolean;
  readonly eventStore?: string;
}

/** Exit code of a log that does not verify (1 stays for usage errors and failures). */
export const TAMPERED_EXIT_CODE = 2;

/**
 * `relapse-watch audit verify`: recomputes every event's hash and chain and every seal from the
 * stored rows, with a progress bar on stderr; prints the counts (or the report as JSON) on stdout.
 * A log that does not verify ends with one line naming the first event at fault and exit code 2.
 */
export async function auditVerify(options: AuditVerifyOptions, io: AuditCliIo): Promise<void> {
  const fromPosition = positionOption(options.from);
  const { store, seals, keyring } = await openAuditLog(options.eventStore, io);
  let report: VerifyReport;
  try {
    const progress = verifyProgressReporter(io, fromPosition, await store.headPosition());
    try {
      report = await verifyLog(seals, { fromPosition, keyring, onProgress: progress.update });
    } finally {
      progress.stop();
    }
  } finally {
    await store.close();
  }
  io.out(options.json ? JSON.stringify(report) : summaryOf(report));
  if (report.firstProblem !== null) {
    const line = `篡改 / tampered: ${report.firstProblem.reason}: ${report.firstProblem.message}`;
    io.err(line);
    throw new CommanderError(TAMPERED_EXIT_CODE, 'audit.tampered', line);
  }
}

function summaryOf(r: VerifyReport): string {
  const counts =
    `${r.eventsChecked} 个事件 events, ${r.sealsChecked} 个封签 seals, ` +
    `${r.unsealedEvents} 个未封签 unsealed (封签至位置 / sealed up to position ${r.lastSealedPosition})`;
  if (r.intact) return `日志完整 / log intact: ${counts}`;
  return `日志不符 / log does not verify: ${r.problemCount} 处问题 problems; ${counts}`;
}

function positionOption(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new DomainError({
      code: 'cli.option',
      field: '--from',
      message: `--from 须为非负整数（日志位置） / --from must be a whole number (a log position), got ${JSON.stringify(value)}`,
    });
  return n;
}
