// Spec support for the case list: a case's and its plan's events as stored events, and the
// events the domain fixtures do not write out, by hand.
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { foldProjection } from '@relapse-watch/read-store-core';
import type { AssistancePlanEvent } from '../../../domain/assistance-plan/assistance-plan.events';
import type { MonitoringCaseEvent } from '../../../domain/monitoring-case/monitoring-case.events';
import {
  CASE_ID,
  opened,
  TOWNSHIP,
  VILLAGE_CADRE,
} from '../../../domain/monitoring-case/testing/monitoring-case.fixtures';
import type { OverdueStep } from '../../../domain/monitoring-case/monitoring-case.values';
import type { CaseListDocument } from '../case-list.document';
import { caseListProjection } from '../case-list.projection';

let position = 0;

/** The events as stored: a case event on `assistance-case-<caseId>`, a plan event on `assistance-plan-<caseId>`. */
export function stored(caseId: string, events: readonly (MonitoringCaseEvent | AssistancePlanEvent)[]): StoredEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event) => {
    const streamId = event.type.startsWith('Assistance') ? `assistance-plan-${caseId}` : `assistance-case-${caseId}`;
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return { streamId, revision, position: ++position, type: event.type, data: event.data } as unknown as StoredEvent;
  });
}

/** The documents the projection folds from one case's events. */
export function documentsAfter(events: readonly (MonitoringCaseEvent | AssistancePlanEvent)[], caseId = CASE_ID) {
  return foldProjection(caseListProjection, stored(caseId, events));
}

/** The one document of the fixtures' case after these events (fails when there is none). */
export function caseAfter(events: readonly (MonitoringCaseEvent | AssistancePlanEvent)[]): CaseListDocument {
  const doc = documentsAfter(events).get(CASE_ID);
  if (doc === undefined) throw new Error('the case is not listed');
  return doc.data;
}

/** The fixtures' opening, for another case of another village on another day. */
export function openedCase(
  caseId: string,
  villageCode: string,
  on: string,
  extra: Partial<Extract<MonitoringCaseEvent, { type: 'MonitoringCaseOpened' }>['data']> = {},
): MonitoringCaseEvent {
  return { type: 'MonitoringCaseOpened', data: { ...opened.data, caseId, villageCode, on, acceptBy: on, ...extra } };
}

/** The watcher's mark of a step. */
export function overdue(step: OverdueStep, dueOn: string, on: string): MonitoringCaseEvent {
  return {
    type: 'MonitoringCaseStepOverdue',
    data: { actor: { userId: 'operator', role: 'cli' }, on, reason: null, step, dueOn },
  };
}

/** An objection to a notice, raised by a villager. */
export function objection(objectionId: string, noticeNumber: number, on: string): MonitoringCaseEvent {
  return {
    type: 'MonitoringCaseObjectionRecorded',
    data: {
      actor: VILLAGE_CADRE,
      on,
      reason: null,
      objectionId,
      noticeNumber,
      raisedBy: '匿名',
      content: '该户有经营性收入未申报',
    },
  };
}

/** An objection resolved, upheld or not. */
export function resolved(objectionId: string, noticeNumber: number, upheld: boolean, on: string): MonitoringCaseEvent {
  return {
    type: 'MonitoringCaseObjectionResolved',
    data: {
      actor: TOWNSHIP,
      on,
      reason: upheld ? '经核实异议成立' : '经核实异议不成立',
      objectionId,
      noticeNumber,
      upheld,
    },
  };
}

/** The identification turned down at a level. */
export function rejected(at: 'village-review' | 'township-review' | 'county', on: string): MonitoringCaseEvent {
  return { type: 'MonitoringCaseIdentificationRejected', data: { actor: TOWNSHIP, on, reason: '不符合条件', at } };
}

/** A measure planned in a category. */
export function planned(measureId: string, category: string): AssistancePlanEvent {
  return {
    type: 'AssistanceMeasurePlanned',
    data: {
      measureId,
      category,
      kind: '措施 / measure',
      responsibleDepartment: '县乡村振兴局 / county rural revitalization bureau',
      plannedStart: '2024-10-01',
      plannedEnd: null,
      amountFen: 100_000,
      continuesAfterEliminationUntil: null,
    },
  } as AssistancePlanEvent;
}
