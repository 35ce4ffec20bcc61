import type { Decider } from '@relapse-watch/event-store-core';
import type { MonitoringCaseCommand } from './monitoring-case.commands';
import { decide } from './monitoring-case.decide';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import { evolve } from './monitoring-case.evolve';
import { initialState, type MonitoringCaseState } from './monitoring-case.state';

/** Prefix of a monitoring case's stream: `assistance-case-<caseId>`. */
export const MONITORING_CASE_STREAM_PREFIX = 'assistance-case-';

/** The stream of one monitoring case (one per household episode). */
export function monitoringCaseStreamId(caseId: string): string {
  return `${MONITORING_CASE_STREAM_PREFIX}${caseId}`;
}

/**
 * The monitoring case as a decider. Not its job, and so the handler's: making the case id,
 * routing a lead to the household's open case (AddLeadEvidence) or a new one, computing deadlines
 * and the notice's earliest close date from the province's calendar and time limits, running the
 * risk-elimination guard, checking the caller's role and area, and linking a relapse (RecordRelapse
 * on the old case, then OpenCase with `previousCaseId`).
 */
export const monitoringCaseDecider: Decider<MonitoringCaseCommand, MonitoringCaseEvent, MonitoringCaseState> = {
  decide,
  evolve,
  initialState,
};
