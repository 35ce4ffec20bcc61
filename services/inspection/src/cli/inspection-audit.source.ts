import type { EventStore } from '@relapse-watch/event-store-core';
import { ProjectionRunner, type ReadStore } from '@relapse-watch/read-store-core';
import type { HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { HouseholdAuditTrail } from '../audit/household-audit-trail';
import { householdProgressProjection } from '../read-model/progress/household-progress.projection';

/**
 * The inspection's part of `relapse-watch audit household`, over the stores the server's
 * configuration names. The trail finds a household's inspections through the progress read
 * model, which only a running server keeps up to date: a `visits import` made while no server
 * ran is in the log but not yet in the model. So the model is first brought up to the log's
 * head here — what the server does at its start, position-guarded, so a server running beside
 * this writes nothing twice.
 */
export async function inspectionAuditSource(events: EventStore, reads: ReadStore): Promise<HouseholdAuditSource> {
  const runner = new ProjectionRunner(householdProgressProjection, events, reads);
  await runner.start();
  try {
    await runner.waitUntilCaughtUp(await events.headPosition());
  } finally {
    await runner.stop();
  }
  return new HouseholdAuditTrail({ events, reads });
}
