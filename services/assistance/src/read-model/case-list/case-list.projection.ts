import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { Projection } from '@relapse-watch/read-store-core';
import { ASSISTANCE_PLAN_STREAM_PREFIX } from '../../domain/assistance-plan/assistance-plan.decider';
import {
  ASSISTANCE_PLAN_EVENT_TYPES,
  type AssistancePlanEvent,
} from '../../domain/assistance-plan/assistance-plan.events';
import { MONITORING_CASE_STREAM_PREFIX } from '../../domain/monitoring-case/monitoring-case.decider';
import {
  MONITORING_CASE_EVENT_TYPES,
  type MonitoringCaseEvent,
} from '../../domain/monitoring-case/monitoring-case.events';
import { CASE_LIST_COLLECTION, CASE_LIST_INDEXES, type CaseListDocument } from './case-list.document';
import { evolveCaseList } from './case-list.evolve';
import { evolveCaseListPlan } from './case-list.plan';

const CASE_TYPES: ReadonlySet<string> = new Set(MONITORING_CASE_EVENT_TYPES);

/** The case a stream belongs to: `assistance-case-<caseId>` and `assistance-plan-<caseId>` both name it. */
function caseIdOfStream(streamId: string): string | null {
  for (const prefix of [MONITORING_CASE_STREAM_PREFIX, ASSISTANCE_PLAN_STREAM_PREFIX])
    if (streamId.startsWith(prefix)) return streamId.slice(prefix.length);
  return null;
}

/**
 * The case list: one document per monitoring case, folded from the case's events and its
 * assistance plan's, so a list shows the plan's flags and measures beside the procedure.
 */
export const caseListProjection: Projection<CaseListDocument> = {
  name: 'assistance.case-list',
  collection: CASE_LIST_COLLECTION,
  handles: [...MONITORING_CASE_EVENT_TYPES, ...ASSISTANCE_PLAN_EVENT_TYPES],
  documentId: (event: StoredEvent) => caseIdOfStream(event.streamId),
  evolve(doc, event) {
    const domainEvent = { type: event.type, data: event.data };
    return CASE_TYPES.has(event.type)
      ? evolveCaseList(doc, domainEvent as MonitoringCaseEvent)
      : evolveCaseListPlan(doc, domainEvent as AssistancePlanEvent);
  },
  indexes: CASE_LIST_INDEXES,
};
