import { addAuditCommands } from '@relapse-watch/audit';
import { addAssistanceCommands } from '@relapse-watch/assistance/cli';
import { addIdentityCommands } from '@relapse-watch/gateway/cli';
import { addInspectionCommands } from '@relapse-watch/inspection/cli';
import { addReportingCommands } from '@relapse-watch/reporting/cli';
import {
  addRegistryCommands,
  processIo,
  rootProgram,
  runProgram,
  type CliIo,
} from '@relapse-watch/household-registry/cli';

/**
 * Runs `relapse-watch` on `argv`: the registry's commands (`divisions`, `generate`,
 * `households import`), the inspection's (`visits import`), the assistance's (`cases import`,
 * `cases generate`), the reporting's (`projections rebuild`, `projections verify`), the gateway's
 * (`users`, `clients`) and the log's tamper evidence (`audit verify`, `audit seal`) in one program. The services do
 * not import each other; this app composes them, as apps/embedded composes their HTTP modules.
 * @returns the exit code (0; 1 with one line on stderr; 2 from `audit verify` for a log that does not verify).
 */
export function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const root = rootProgram(io);
  addRegistryCommands(root, io);
  addInspectionCommands(root, io);
  addAssistanceCommands(root, io);
  addReportingCommands(root, io);
  addIdentityCommands(root, io);
  addAuditCommands(root, io);
  return runProgram(root, argv, io);
}
