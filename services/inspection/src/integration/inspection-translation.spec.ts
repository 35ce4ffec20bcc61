import { describe, expect, it } from '@jest/globals';
import { campaignLaunchedV1, inspectionTeamChangedV1, inspectionTeamFormedV1 } from '@relapse-watch/contracts';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { CampaignClosed } from '../domain/campaign/campaign.events';
import { launched } from '../domain/campaign/testing/campaign.fixtures';
import type { TeamDisbanded, TeamEvent, TeamFormed } from '../domain/team/team.events';
import { evolve, initialState } from '../domain/team/team.state';
import { translateCampaignEvent } from './campaign.translation';
import { translateTeamEvent } from './team.translation';

const TEAM = '0192f3a1-4c2d-7e10-9b35-6a1c8d2e4f70';
const formed: TeamFormed = {
  type: 'TeamFormed',
  data: {
    teamId: TEAM,
    campaignId: '51-2024',
    name: '西兴镇第一排查组',
    townshipCode: '511923102000',
    villageCodes: ['511923102201', '511923102202'],
    members: [
      { userId: 'u-1', role: 'official' },
      { userId: 'u-2', role: 'grid-worker' },
    ],
  },
};
const after = (...events: TeamEvent[]) => events.reduce(evolve, initialState);
const validator = createContractValidator();

/** The translation, with its data checked against its contract's JSON Schema. */
function valid<T extends { contract: { type: string }; data: unknown } | null>(out: T): T {
  expect(out).not.toBeNull();
  if (out !== null) expect(validator.validate(out.contract.type, out.data)).toEqual({ valid: true });
  return out;
}

describe('campaign → integration events', () => {
  it('the launch is CampaignLaunched with the lines of its launch day', () => {
    expect(valid(translateCampaignEvent(launched))).toEqual({
      contract: campaignLaunchedV1,
      data: {
        campaignId: '51-2024',
        provinceCode: '51',
        year: 2024,
        launchedOn: '2024-09-01',
        teamsInPlaceBy: '2024-09-15',
        inspectBy: '2024-12-15',
        checklistVersion: '2024.1',
        ruleSetVersion: '51-2024.1',
        lines: { monitoringLineFen: 720000, inspectionFilterLineFen: 900000 },
        keyRegions: [],
        keyGroupRuleIds: ['key-group.income-drop'],
      },
    });
  });

  it('working groups and the closing stay private', () => {
    const closed: CampaignClosed = {
      type: 'CampaignClosed',
      data: { campaignId: '51-2024', provinceCode: '51', year: 2024, closedOn: '2024-12-20', reason: '结束' },
    };
    expect(translateCampaignEvent(closed)).toBeNull();
  });
});

describe('team → integration events', () => {
  it('a formed team is InspectionTeamFormed with the whole team', () => {
    expect(valid(translateTeamEvent(after(formed), formed))).toEqual({
      contract: inspectionTeamFormedV1,
      data: { ...formed.data, disbanded: false },
    });
  });

  it('a coverage change is InspectionTeamChanged with the team after it and what changed', () => {
    const changed: TeamEvent = {
      type: 'TeamCoverageChanged',
      data: {
        teamId: TEAM,
        campaignId: '51-2024',
        villageCodes: ['511923102201'],
        added: [],
        removed: ['511923102202'],
      },
    };
    expect(valid(translateTeamEvent(after(formed, changed), changed))).toEqual({
      contract: inspectionTeamChangedV1,
      data: { ...formed.data, villageCodes: ['511923102201'], disbanded: false, changed: 'coverage' },
    });
  });

  it('a disbanded team keeps its last coverage and members for the record, disbanded', () => {
    const disbanded: TeamDisbanded = {
      type: 'TeamDisbanded',
      data: { teamId: TEAM, campaignId: '51-2024', reason: '合并' },
    };
    expect(valid(translateTeamEvent(after(formed, disbanded), disbanded))).toEqual({
      contract: inspectionTeamChangedV1,
      data: { ...formed.data, disbanded: true, changed: 'disbanded' },
    });
  });

  it('the reason of a disbanding (free text) never leaves the service', () => {
    const disbanded: TeamDisbanded = {
      type: 'TeamDisbanded',
      data: { teamId: TEAM, campaignId: '51-2024', reason: '王某调离' },
    };
    expect(JSON.stringify(translateTeamEvent(after(formed, disbanded), disbanded))).not.toContain('王某');
  });
});
