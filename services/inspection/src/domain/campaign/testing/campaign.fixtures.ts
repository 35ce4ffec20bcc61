import type { LaunchCampaign } from '../campaign.commands';
import type { CampaignLaunched } from '../campaign.events';

/** A launch of Sichuan's 2024 campaign with a threshold in force and no key region. */
export const launch: LaunchCampaign = {
  type: 'LaunchCampaign',
  data: {
    provinceCode: '51',
    year: 2024,
    launchedOn: '2024-09-01',
    teamsInPlaceBy: '2024-09-15',
    inspectBy: '2024-12-15',
    checklistVersion: '2024.1',
    ruleSetVersion: '51-2024.1',
    keyGroupRuleIds: ['key-group.income-drop'],
  },
  facts: {
    lines: { monitoringThresholdFen: 720000, inspectionFilterLineFen: 900000 },
    keyRegions: [],
    ruleSetKnown: true,
    checklistKnown: true,
    unknownKeyGroupRuleIds: [],
  },
};

/** What {@link launch} records. */
export const launched: CampaignLaunched = {
  type: 'CampaignLaunched',
  data: {
    campaignId: '51-2024',
    ...launch.data,
    lines: { monitoringThresholdFen: 720000, inspectionFilterLineFen: 900000 },
    keyRegions: [],
  },
};
