import type { Caller } from '@relapse-watch/access';
import type { HouseholdFlaggedAtRiskV1 } from '@relapse-watch/contracts';
import type { IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import type { RequestContext } from '@relapse-watch/service-runtime';
import type { LeadSubmission } from '../application/case-commands';

/** The lead summary's length limit in the case (the official's reason is cut to it). */
const SUMMARY_LIMIT = 500;

/**
 * The lead an official's acceptance of the inspection's at-risk suggestion makes (排查发现): the
 * concentrated inspection as the source, the suggestion's id as its reference (a redelivered
 * message is the same lead, so it changes nothing), the rules' suggestion kept beside the county's
 * later decision, the day it was flagged, and the village the event names.
 */
export function leadOfFlaggedHousehold(data: HouseholdFlaggedAtRiskV1): LeadSubmission {
  return {
    householdId: data.householdId,
    villageCode: data.villageCode,
    on: data.flaggedOn,
    lead: {
      source: 'concentrated-inspection',
      referenceId: data.suggestionId,
      department: null,
      summary: data.reason.slice(0, SUMMARY_LIMIT),
    },
    suggestion: { category: data.suggestedCategory, riskTypes: [...data.riskTypes], ruleIds: [...data.ruleIds] },
  };
}

/**
 * Who submits it: the inspection, on behalf of the official who accepted the suggestion (their
 * role; the bus carries no user id). The inspection checked the official's right to decide, so
 * the lead is not checked again against a person's area.
 */
export function inspectionCaller(data: HouseholdFlaggedAtRiskV1): Caller {
  return { kind: 'operator', actor: { userId: 'service:inspection', role: data.decidedBy.role } };
}

/** The request context of a message: its correlation id, and the message as the cause. */
export function messageContext(envelope: IntegrationEventEnvelope, caller: Caller): RequestContext {
  return { caller, correlationId: envelope.correlationid, causationId: envelope.id };
}
