import { addAuditCommands } from '@relapse-watch/audit';
import { addAssistanceCommands, assistanceAuditSource } from '@relapse-watch/assistance/cli';
import { addIdentityCommands } from '@relapse-watch/gateway/cli';
import { addInspectionCommands, inspectionAuditSource } from '@relapse-watch/inspection/cli';
import { addReportingCommands } from '@relapse-watch/reporting/cli';
import {
  addRegistryCommands,
  registryAuditSource,
  processIo,
  rootProgram,
  runProgram,
  type CliIo,
} from '@relapse-watch/household-registry/cli';
import { addHouseholdAuditCommand } from './audit-household.command';

/**
 * Runs `relapse-watch` on `argv`: the registry's commands (`divisions`, `generate`,
 * `households import`), the inspection's (`visits import`), the assistance's (`cases import`,
 * `cases generate`), the reporting's (`projections rebuild`, `projections verify`), the gateway's
 * (`users`, `clients`), the log's tamper evidence (`audit verify`, `audit seal`) and `audit
 * household` over the three services' audit parts, in one program. The services do not import
 * each other; this app composes them, as apps/embedded composes their HTTP modules.
 * @returns the exit code (0; 1 with one line on stderr; 2 from `audit verify` for a log that does
 * not verify, or `projections verify` for read models that differ from a rebuild).
 */
export function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const root = rootProgram(io);
  addRegistryCommands(root, io);
  addInspectionCommands(root, io);
  addAssistanceCommands(root, io);
  addReportingCommands(root, io);
  addIdentityCommands(root, io);
  // One `audit` group: the household trail here, verify and seal added to it by the audit lib.
  const audit = root.command('audit').description('审计 / audit');
  addHouseholdAuditCommand(audit, io, async (events, reads) => [
    registryAuditSource(events),
    await inspectionAuditSource(events, reads),
    assistanceAuditSource(events),
  ]);
  addAuditCommands(root, io);
  return runProgram(root, argv, io);
}
