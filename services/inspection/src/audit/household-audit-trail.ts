import { authorizeCaller, type Caller } from '@relapse-watch/access';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { auditEntryOf, type AuditTrailPart, type HouseholdAuditSource } from '@relapse-watch/service-runtime/audit';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import {
  HOUSEHOLD_PROGRESS_COLLECTION,
  type HouseholdProgress,
} from '../read-model/progress/household-progress.projection';
import { describeInspectionEvent } from './inspection-audit.describer';

/** The context name of the inspection's part of a trail. */
export const INSPECTION_AUDIT_CONTEXT = 'inspection';

/**
 * The inspection's part of a household's audit trail: the household's inspection in every
 * campaign, each stream read from the inspection's event store and described by
 * {@link describeInspectionEvent}. Which campaigns inspected the household comes from the
 * progress read model (one document per household inspection, indexed by household): a lookup,
 * where finding the streams in the log would be a scan of it. So an inspection the read model
 * has not caught up with yet is missing — the command line catches the model up first.
 */
export class HouseholdAuditTrail implements HouseholdAuditSource {
  readonly context = INSPECTION_AUDIT_CONTEXT;

  constructor(private readonly deps: { readonly events: EventStore; readonly reads: ReadStore }) {}

  async trail(householdId: string, caller: Caller): Promise<AuditTrailPart | null> {
    const inspections = await this.deps.reads.find<HouseholdProgress>(HOUSEHOLD_PROGRESS_COLLECTION, {
      where: { householdId },
      sort: [{ field: 'campaignId', direction: 'asc' }],
    });
    if (inspections.length === 0) return null;
    for (const { data } of inspections) authorizeCaller(caller, 'audit.read', data.villageCode, 'householdId');
    const streams = await Promise.all(
      inspections.map(({ data }) => this.read(householdInspectionStreamId(data.campaignId, householdId))),
    );
    const entries = streams
      .flat()
      .sort((a, b) => a.position - b.position)
      .map((event) =>
        auditEntryOf(
          INSPECTION_AUDIT_CONTEXT,
          event,
          describeInspectionEvent({ type: event.type, data: event.data } as HouseholdInspectionEvent),
          false,
        ),
      );
    return { householdId, context: INSPECTION_AUDIT_CONTEXT, entries };
  }

  private async read(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const event of this.deps.events.readStream(streamId)) events.push(event);
    return events;
  }
}
