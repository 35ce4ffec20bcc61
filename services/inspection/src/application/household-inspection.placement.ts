import type { Permission } from '@relapse-watch/access';
import type { Clock } from '@relapse-watch/domain-kernel';
import type { CommandContext, EventStore } from '@relapse-watch/event-store-core';
import type { Checklist, HouseholdFacts } from '@relapse-watch/inspection-rules';
import type { InspectionFacts } from '../domain/household-inspection/household-inspection.commands';
import { householdInspectionStreamId } from '../domain/household-inspection/household-inspection.decider';
import { applicationError } from './inspection-application.errors';
import { actorOfCaller, authorizeCaller } from '@relapse-watch/access';
import type { CampaignFacts, CampaignView, HouseholdFactsSource, InspectionRules } from './household-inspection.ports';
import { type RequestContext } from '@relapse-watch/service-runtime';

/** Dependencies of the household inspection's use cases. */
export interface HouseholdInspectionDeps {
  readonly store: EventStore;
  /** The time and the officials' "today" (the configured time zone; fixed in tests). */
  readonly clock: Clock;
  readonly campaigns: CampaignFacts;
  readonly households: HouseholdFactsSource;
  readonly rules: InspectionRules;
}

/** Which household of which campaign a request addresses (the route's path). */
export interface InspectionAddress {
  readonly campaignId: string;
  readonly householdId: string;
}

/**
 * A command context before the inspection places it (the service's {@link RequestContext}): the
 * tenant division is the household's village, which the inspection knows from its view of households.
 */
export type InspectionRequestContext = RequestContext;

/** A request placed: the campaign, the household, the stream and the command context in its village. */
export interface Placement {
  readonly campaign: CampaignView;
  readonly household: HouseholdFacts;
  readonly streamId: string;
  readonly context: CommandContext;
  readonly facts: InspectionFacts;
}

/**
 * Looks up the household and the campaign a request addresses and places it in the household's
 * village once the caller may do `permission` there. The household comes first so that a caller
 * outside its area learns nothing of the campaign (403 before 404).
 * @throws DomainError `access.*` (403), `household.not-known` / `campaign.not-found` (404),
 *   `inspection.household-outside-campaign` (422)
 */
export async function place(
  deps: HouseholdInspectionDeps,
  address: InspectionAddress,
  permission: Permission,
  ctx: InspectionRequestContext,
): Promise<Placement> {
  const household = await deps.households.get(address.householdId);
  authorizeCaller(ctx.caller, permission, household?.villageCode, 'householdId');
  if (household === null) throw applicationError('household.not-known', 'householdId');
  const campaign = await deps.campaigns.get(address.campaignId);
  if (campaign === null) throw applicationError('campaign.not-found', 'campaignId');
  if (!household.villageCode.startsWith(campaign.provinceCode))
    throw applicationError('inspection.household-outside-campaign', 'householdId');
  const { caller, now: given, ...rest } = ctx;
  const now = given ?? deps.clock.now();
  const context: CommandContext = { ...rest, now, actor: actorOfCaller(caller), divisionCode: household.villageCode };
  const facts: InspectionFacts = {
    campaignId: campaign.campaignId,
    householdId: household.householdId,
    villageCode: household.villageCode,
    checklistVersion: campaign.checklistVersion,
    today: deps.clock.dateAt(now),
    campaignClosed: campaign.closed,
  };
  const streamId = householdInspectionStreamId(campaign.campaignId, household.householdId);
  return { campaign, household, streamId, context, facts };
}

/** The campaign's checklist; a campaign naming one the rules do not know cannot take findings. */
export function checklistOf(rules: InspectionRules, campaign: CampaignView): Checklist {
  const checklist = rules.checklistOf(campaign.checklistVersion);
  if (checklist === null) throw applicationError('campaign.checklist-unknown', 'campaignId');
  return checklist;
}
