import type { Decider } from '@relapse-watch/event-store-core';
import type { AssistancePlanCommand } from './assistance-plan.commands';
import { decide } from './assistance-plan.decide';
import type { AssistancePlanEvent } from './assistance-plan.events';
import { evolve, initialState, type AssistancePlanState } from './assistance-plan.state';

/** Prefix of an assistance plan's stream: `assistance-plan-<caseId>`. */
export const ASSISTANCE_PLAN_STREAM_PREFIX = 'assistance-plan-';

/** The stream of one monitoring case's assistance plan (one plan per case). */
export function assistancePlanStreamId(caseId: string): string {
  return `${ASSISTANCE_PLAN_STREAM_PREFIX}${caseId}`;
}

/**
 * The assistance plan as a decider. Not its job, and so the handler's: knowing whether and when
 * the case was identified and its risk types, whether the household has labour capacity (from the
 * registry's members), giving measures their ids, and turning yuan into fen.
 */
export const assistancePlanDecider: Decider<AssistancePlanCommand, AssistancePlanEvent, AssistancePlanState> = {
  decide,
  evolve,
  initialState,
};
