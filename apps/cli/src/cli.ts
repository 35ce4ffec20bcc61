import { addAssistanceCommands, assistanceAuditSource } from '@relapse-watch/assistance/cli';
import { addIdentityCommands } from '@relapse-watch/gateway/cli';
import { addInspectionCommands, inspectionAuditSource } from '@relapse-watch/inspection/cli';
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
 * `cases generate`), the gateway's (`users`, `clients`) and `audit household` over the three
 * services' audit parts, in one program. The services do not import each other; this app
 * composes them, as apps/embedded composes their HTTP modules.
 * @returns the exit code (0, or 1 with one line on stderr).
 */
export function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const root = rootProgram(io);
  addRegistryCommands(root, io);
  addInspectionCommands(root, io);
  addAssistanceCommands(root, io);
  addIdentityCommands(root, io);
  const audit = root.command('audit').description('审计 / audit');
  addHouseholdAuditCommand(audit, io, async (events, reads) => [
    registryAuditSource(events),
    await inspectionAuditSource(events, reads),
    assistanceAuditSource(events),
  ]);
  return runProgram(root, argv, io);
}
