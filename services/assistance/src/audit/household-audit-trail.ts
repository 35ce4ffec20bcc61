import { authorizeCaller, type Caller } from '@relapse-watch/access';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import {
  auditEntryOf,
  type AuditDescription,
  type AuditTrailPart,
  type HouseholdAuditSource,
} from '@relapse-watch/service-runtime/audit';
import { assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import { householdEpisodeStreamId, type HouseholdEpisodeEvent } from '../domain/household-episode/household-episode';
import { monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import { describeAssistancePlanEvent, describeHouseholdEpisodeEvent } from './assistance-plan-audit.describer';
import { describeMonitoringCaseEvent } from './monitoring-case-audit.describer';

/** The context name of the assistance's part of a trail. */
export const ASSISTANCE_AUDIT_CONTEXT = 'assistance';

type Describe = (event: { type: string; data: unknown }) => AuditDescription;

/**
 * The assistance's part of a household's audit trail: its episodes (`assistance-household-<id>`),
 * which name every case it had, and each case's procedure and plan (`assistance-case-<caseId>`,
 * `assistance-plan-<caseId>`), read from the assistance's event store — no read model, so a
 * case is in the trail as soon as its events are written.
 */
export class HouseholdAuditTrail implements HouseholdAuditSource {
  readonly context = ASSISTANCE_AUDIT_CONTEXT;

  constructor(private readonly events: EventStore) {}

  async trail(householdId: string, caller: Caller): Promise<AuditTrailPart | null> {
    const episodes = await this.read(householdEpisodeStreamId(householdId));
    if (episodes.length === 0) return null;
    const caseIds = [...new Set(episodes.map((e) => (e.data as HouseholdEpisodeEvent['data']).caseId))];
    const cases = await Promise.all(caseIds.map((id) => this.read(monitoringCaseStreamId(id))));
    for (const [first] of cases) {
      const village = (first?.data as { villageCode?: string } | undefined)?.villageCode;
      authorizeCaller(caller, 'audit.read', village ?? episodes[0].metadata.divisionCode, 'householdId');
    }
    const plans = await Promise.all(caseIds.map((id) => this.read(assistancePlanStreamId(id))));
    const described: [StoredEvent, Describe][] = [
      ...episodes.map((e): [StoredEvent, Describe] => [
        e,
        (x) => describeHouseholdEpisodeEvent(x as HouseholdEpisodeEvent),
      ]),
      ...cases
        .flat()
        .map((e): [StoredEvent, Describe] => [e, (x) => describeMonitoringCaseEvent(x as MonitoringCaseEvent)]),
      ...plans
        .flat()
        .map((e): [StoredEvent, Describe] => [e, (x) => describeAssistancePlanEvent(x as AssistancePlanEvent)]),
    ];
    const entries = described
      .sort(([a], [b]) => a.position - b.position)
      .map(([event, describe]) =>
        auditEntryOf(ASSISTANCE_AUDIT_CONTEXT, event, describe({ type: event.type, data: event.data }), false),
      );
    return { householdId, context: ASSISTANCE_AUDIT_CONTEXT, entries };
  }

  private async read(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const event of this.events.readStream(streamId)) events.push(event);
    return events;
  }
}
