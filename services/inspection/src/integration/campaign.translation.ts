import { assertNever } from '@relapse-watch/domain-kernel';
import type { CampaignEvent, CampaignLaunched } from '../domain/campaign/campaign.events';

/** `data` of `CampaignLaunched.v1` (libs/contracts/src/inspection), field for field. */
export interface CampaignLaunchedData {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: string;
  readonly teamsInPlaceBy: string;
  readonly inspectBy: string;
  readonly checklistVersion: string;
  readonly ruleSetVersion: string;
  readonly lines: { readonly monitoringLineFen: number; readonly inspectionFilterLineFen: number | null };
  readonly keyRegions: readonly {
    readonly regionId: string;
    readonly kind: string;
    readonly divisionCodes: readonly string[];
  }[];
  readonly keyGroupRuleIds: readonly string[];
}

function launched(data: CampaignLaunched['data']): CampaignLaunchedData {
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
    keyRegions: data.keyRegions.map((r) => ({ regionId: r.regionId, kind: r.kind, divisionCodes: r.divisionCodes })),
    keyGroupRuleIds: data.keyGroupRuleIds,
  };
}

/**
 * The integration event a campaign event becomes: the launch only. Working groups are the
 * province's internal organisation (user ids by unit) and the closing has no public contract yet
 * (an addition when a subscriber needs it); both stay private.
 */
export function translateCampaignEvent(
  event: CampaignEvent,
): { readonly event: 'CampaignLaunched'; readonly data: CampaignLaunchedData } | null {
  switch (event.type) {
    case 'CampaignLaunched':
      return { event: 'CampaignLaunched', data: launched(event.data) };
    case 'WorkingGroupFormed':
    case 'WorkingGroupMembersChanged':
    case 'CampaignClosed':
      return null;
    default:
      return assertNever(event, 'campaign event');
  }
}
