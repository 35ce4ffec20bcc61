import { campaignLaunchedV1, type CampaignLaunchedV1, type KeyRegionKindV1 } from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { CampaignEvent, CampaignLaunched } from '../domain/campaign/campaign.events';
import type { IntegrationEvent } from './integration-event';

function launched(data: CampaignLaunched['data']): CampaignLaunchedV1 {
  return {
    campaignId: data.campaignId,
    provinceCode: data.provinceCode,
    year: data.year,
    launchedOn: data.launchedOn,
    teamsInPlaceBy: data.teamsInPlaceBy,
    inspectBy: data.inspectBy,
    checklistVersion: data.checklistVersion,
    ruleSetVersion: data.ruleSetVersion,
    lines: {
      // The decider refuses a launch without a monitoring threshold in force.
      monitoringLineFen: data.lines.monitoringThresholdFen ?? 0,
      inspectionFilterLineFen: data.lines.inspectionFilterLineFen,
    },
    // Kinds as the registry designated them (its KeyRegionDesignated contract's words), copied at launch.
    keyRegions: data.keyRegions.map((r) => ({
      regionId: r.regionId,
      kind: r.kind as KeyRegionKindV1,
      divisionCodes: r.divisionCodes,
    })),
    keyGroupRuleIds: data.keyGroupRuleIds,
  };
}

/**
 * The integration event a campaign event becomes: the launch only. Working groups are the
 * province's internal organisation (user ids by unit) and the closing has no public contract yet
 * (an addition when a subscriber needs it); both stay private.
 */
export function translateCampaignEvent(event: CampaignEvent): IntegrationEvent<CampaignLaunchedV1> | null {
  switch (event.type) {
    case 'CampaignLaunched':
      return { contract: campaignLaunchedV1, data: launched(event.data) };
    case 'WorkingGroupFormed':
    case 'WorkingGroupMembersChanged':
    case 'CampaignClosed':
      return null;
    default:
      return assertNever(event, 'campaign event');
  }
}
