import { OPERATOR } from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import type { CliIo } from '@relapse-watch/household-registry/cli';
import { mergeAuditTrails, type HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { chosenEventStore, openCommandLineEventStore } from '@relapse-watch/service-runtime/cli';
import { loadCommandLineConfig } from '@relapse-watch/service-runtime/config';
import type { Command } from 'commander';
import { auditJsonLines, auditTableLines } from './audit-household.format';

/** Each service's side of the trail over the stores the command opened (apps/cli composes them). */
export type HouseholdAuditParts = (events: EventStore, reads: ReadStore) => Promise<readonly HouseholdAuditSource[]>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Adds `household <householdId> [--json]` to the `audit` group: the household's whole history
 * across the services — every part read from the stores the server's configuration names
 * (DATA_DIR, or EVENT_STORE_URL and READ_STORE_URL), as the operator, merged by
 * `mergeAuditTrails` — as a table, or as JSON lines. A household no service knows exits 1.
 */
export function addHouseholdAuditCommand(audit: Command, io: CliIo, parts: HouseholdAuditParts): void {
  audit
    .command('household')
    .description(
      '一户在各业务域的全部变更记录（人员、角色、时间、内容、理由、关联ID） / a household’s whole history across the services (who, role, when, what, why, correlation id)',
    )
    .argument('<householdId>', '户ID / household id')
    .option('--json', '每行一条 JSON 记录 / one JSON entry per line')
    .action(async (householdId: string, options: { json?: boolean }) => {
      await householdAudit(householdId, options.json === true, io, parts);
    });
}

async function householdAudit(
  householdId: string,
  json: boolean,
  io: CliIo,
  parts: HouseholdAuditParts,
): Promise<void> {
  if (!UUID.test(householdId))
    throw new DomainError({
      code: 'cli.option',
      field: 'householdId',
      message: `户ID须为 UUID：${householdId} / the household id must be a UUID: ${householdId}`,
    });
  const env = io.env ?? {};
  const config = loadCommandLineConfig(env, io.cwd);
  const chosen = chosenEventStore(undefined, env, io.cwd);
  io.err(`事件库 / event store: ${chosen.label}（来自 / from ${chosen.from}）`);
  const events = await openCommandLineEventStore(chosen, 'FULL', 'relapse-watch audit');
  try {
    const runtime = await import('@relapse-watch/service-runtime');
    const reads = await runtime.openReachable(
      'READ_STORE_URL',
      config.readStore.url,
      () => runtime.openReadStore(config.readStore),
      runtime.ADAPTER_CONNECT_TIMEOUT_MS,
    );
    try {
      const sources = await parts(events, reads);
      const found = (await Promise.all(sources.map((s) => s.trail(householdId, OPERATOR)))).filter((p) => p !== null);
      if (found.length === 0)
        throw new DomainError({
          code: 'audit.household-unknown',
          field: 'householdId',
          message: `没有该户的任何记录：${householdId} / no service has records of household ${householdId}`,
        });
      const entries = mergeAuditTrails(found);
      const lines = json ? auditJsonLines(entries) : auditTableLines(entries, config.utcOffsetMinutes);
      for (const line of lines) io.out(line);
    } finally {
      await reads.close();
    }
  } finally {
    await events.close();
  }
}
