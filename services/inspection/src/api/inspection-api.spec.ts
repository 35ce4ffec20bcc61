import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { TestTokenClaims } from '@relapse-watch/testing';
import { campaignStreamId } from '../domain/campaign/campaign.decider';
import { teamStreamId } from '../domain/team/team.decider';
import { startInspectionApi, type InspectionApiHarness } from './testing/inspection-api.fixture';

// Campaigns, working groups and teams over real HTTP against the embedded app's SQLite stores.
const CAMPAIGN = '51-2024';
const COUNTY = '511923000000';
const TOWNSHIP = '511923002000';
const V1 = '511923002201';
const V2 = '511923002202';
const V3 = '511923002203';
const terms = {
  provinceCode: '51',
  year: 2024,
  launchedOn: '2024-09-01',
  teamsInPlaceBy: '2024-09-15',
  inspectBy: '2024-12-15',
  checklistVersion: '2024.1',
  ruleSetVersion: '51-2024.1',
  keyGroupRuleIds: ['key-group.income-drop'],
};
const policy = {
  lines: { monitoringThresholdFen: 720000, inspectionFilterLineFen: null },
  keyRegions: [{ regionId: 'kr-1', kind: 'major-natural-disaster', divisionCodes: [COUNTY] }],
};
const county: TestTokenClaims = { sub: 'u-county', kind: 'user', role: 'county-official', unit: COUNTY };
const otherCounty: TestTokenClaims = { sub: 'u-yilong', kind: 'user', role: 'county-official', unit: '511324000000' };
const township: TestTokenClaims = { sub: 'u-town', kind: 'user', role: 'township-official', unit: TOWNSHIP };
const inspector: TestTokenClaims = {
  sub: 'u-insp',
  kind: 'user',
  role: 'village-inspector',
  unit: TOWNSHIP,
  villages: [V1],
};
const team = (villageCodes: string[], name = '排查一组') => ({
  name,
  townshipCode: TOWNSHIP,
  villageCodes,
  members: [
    { userId: 'u-insp', role: 'grid-worker' },
    { userId: 'u-town', role: 'official' },
  ],
});

let api: InspectionApiHarness;

async function stream(streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of api.events.readStream(streamId)) events.push(e);
  return events;
}

beforeAll(async () => {
  api = await startInspectionApi('rw-inspection-api-');
});
afterAll(async () => {
  await api.close();
});

describe('launching a campaign', () => {
  it('is refused with the rule when the inspection’s policy view knows no line in force for the province', async () => {
    const res = await api.call('POST', '/api/inspection/campaigns', terms);
    expect(res).toMatchObject({ status: 422, body: { code: 'campaign.threshold-not-published', field: 'launchedOn' } });
  });

  it('is refused with 403 to a county official (only the province reaches its province)', async () => {
    const res = await api.as(county, 'POST', '/api/inspection/campaigns', terms);
    expect(res).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'provinceCode' } });
  });

  it('is refused with 422 for a rule set the rules library does not ship, naming every field', async () => {
    const res = await api.call('POST', '/api/inspection/campaigns', {
      ...terms,
      ruleSetVersion: '51-2024.9',
      checklistVersion: '2019.1',
    });
    expect(res).toMatchObject({ status: 422, body: { code: 'campaign.checklist-version' } });
    expect(res.body['errors'].map((e: { field: string }) => e.field)).toEqual(['checklistVersion', 'ruleSetVersion']);
  });

  it('is refused with 400 naming the field when a date is not a date', async () => {
    const res = await api.call('POST', '/api/inspection/campaigns', { ...terms, inspectBy: '2024-13-01' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('inspectBy');
  });

  it('once launched, reads back with the policy of its launch day; an unknown campaign is a 404', async () => {
    await api.launch(terms, policy);
    const res = await api.as(county, 'GET', `/api/inspection/campaigns/${CAMPAIGN}`);
    expect(res).toMatchObject({
      status: 200,
      body: { campaignId: CAMPAIGN, status: 'open', lines: policy.lines, keyRegions: policy.keyRegions, revision: 0 },
    });
    expect((await api.call('GET', '/api/inspection/campaigns/51-2023')).status).toBe(404);
  });
});

describe('working groups', () => {
  const members = [{ userId: 'u-county', duty: 'leader' }];

  it('a county official forms the county’s group; the same again writes nothing', async () => {
    const path = `/api/inspection/campaigns/${CAMPAIGN}/working-groups`;
    const first = await api.as(county, 'POST', path, { unitCode: COUNTY, members });
    expect(first).toMatchObject({ status: 201, body: { id: CAMPAIGN, events: ['WorkingGroupFormed'] } });
    const again = await api.as(county, 'POST', path, { unitCode: COUNTY, members });
    expect(again).toMatchObject({ status: 201, body: { events: [] } });
  });

  it('a county official cannot form the province’s group (403), nor one without a leader (422)', async () => {
    const path = `/api/inspection/campaigns/${CAMPAIGN}/working-groups`;
    expect((await api.as(county, 'POST', path, { unitCode: '510000000000', members })).status).toBe(403);
    const leaderless = await api.as(county, 'POST', path, {
      unitCode: TOWNSHIP,
      members: [{ userId: 'u-1', duty: 'member' }],
    });
    expect(leaderless).toMatchObject({ status: 422, body: { code: 'working-group.leader-required' } });
  });

  it('changing the members of a group never formed is a 404', async () => {
    const res = await api.as(
      county,
      'PUT',
      `/api/inspection/campaigns/${CAMPAIGN}/working-groups/${TOWNSHIP}/members`,
      {
        members,
      },
    );
    expect(res).toMatchObject({ status: 404, body: { code: 'working-group.not-formed' } });
  });
});

describe('teams', () => {
  let teamId: string;

  it('a township official forms a team; the same Idempotency-Key again answers the same team, replayed', async () => {
    const path = `/api/inspection/campaigns/${CAMPAIGN}/teams`;
    const headers = { 'Idempotency-Key': 'form-team-1' };
    const first = await api.as(township, 'POST', path, team([V1, V2]), headers);
    expect(first).toMatchObject({ status: 201, body: { events: ['TeamFormed'], replayed: false } });
    teamId = first.body['id'] as string;
    const again = await api.as(township, 'POST', path, team([V1, V2]), headers);
    expect(again).toMatchObject({ status: 201, body: { id: teamId, replayed: true } });
    const [formed] = await stream(teamStreamId(teamId));
    expect(formed?.metadata.actor).toEqual({ userId: 'u-town', role: 'township-official' });
  });

  it('a second team claiming a covered village is a 422 naming the team that holds it, and takes no village', async () => {
    const res = await api.as(
      township,
      'POST',
      `/api/inspection/campaigns/${CAMPAIGN}/teams`,
      team([V3, V2], '排查二组'),
    );
    expect(res).toMatchObject({
      status: 422,
      body: { code: 'team.village-covered', field: 'villageCodes', heldBy: { teamId } },
    });
    // V3 was reserved before V2 was refused, and released again: a third team may take it.
    const third = await api.as(township, 'POST', `/api/inspection/campaigns/${CAMPAIGN}/teams`, team([V3], '排查三组'));
    expect(third.status).toBe(201);
  });

  it('lists the township’s teams (reading one’s write) and answers one team, to the inspector of a village it covers', async () => {
    const formed = await api.as(township, 'PUT', `/api/inspection/teams/${teamId}/members`, {
      members: [{ userId: 'u-insp', role: 'monitoring-contact' }],
    });
    const list = await api.as(
      county,
      'GET',
      `/api/inspection/campaigns/${CAMPAIGN}/teams?unitCode=${TOWNSHIP}`,
      undefined,
      {
        'X-Min-Position': String(formed.body['position']),
      },
    );
    expect(list.status).toBe(200);
    expect(list.body['items']).toHaveLength(2);
    const own = await api.as(inspector, 'GET', `/api/inspection/teams/${teamId}`);
    expect(own).toMatchObject({ status: 200, body: { villageCodes: [V1, V2], members: [{ userId: 'u-insp' }] } });
    const forVillage = await api.as(
      inspector,
      'GET',
      `/api/inspection/campaigns/${CAMPAIGN}/teams?unitCode=${TOWNSHIP}`,
    );
    expect(forVillage.body['items'].map((t: { teamId: string }) => t.teamId)).toEqual([teamId]);
  });

  it('refuses a county official of another county (403) and an inspector (no campaign.manage, 403)', async () => {
    const path = `/api/inspection/teams/${teamId}/villages`;
    expect(await api.as(otherCounty, 'PUT', path, { villageCodes: [V1] })).toMatchObject({
      status: 403,
      body: { code: 'access.outside-area' },
    });
    expect(await api.as(inspector, 'PUT', path, { villageCodes: [V1] })).toMatchObject({
      status: 403,
      body: { code: 'access.permission-denied' },
    });
  });

  it('a coverage change frees the villages given up, and a moved-on If-Match is a 409', async () => {
    const stale = await api.as(
      township,
      'PUT',
      `/api/inspection/teams/${teamId}/villages`,
      { villageCodes: [V1] },
      {
        'If-Match': '"0"',
      },
    );
    expect(stale.status).toBe(409);
    const res = await api.as(township, 'PUT', `/api/inspection/teams/${teamId}/villages`, { villageCodes: [V1] });
    expect(res).toMatchObject({ status: 200, body: { events: ['TeamCoverageChanged'] } });
    const taker = await api.as(township, 'POST', `/api/inspection/campaigns/${CAMPAIGN}/teams`, team([V2], '排查四组'));
    expect(taker.status).toBe(201);
  });

  it('disbanding frees the team’s villages; a team that was never formed is a 404', async () => {
    const res = await api.as(township, 'POST', `/api/inspection/teams/${teamId}/disbandment`, { reason: '人员调整' });
    expect(res).toMatchObject({ status: 201, body: { events: ['TeamDisbanded'] } });
    const taker = await api.as(township, 'POST', `/api/inspection/campaigns/${CAMPAIGN}/teams`, team([V1], '排查五组'));
    expect(taker.status).toBe(201);
    const none = await api.as(
      township,
      'POST',
      '/api/inspection/teams/0190f3a0-0000-7000-8000-00000000dead/disbandment',
      {
        reason: '人员调整',
      },
    );
    expect(none).toMatchObject({ status: 404, body: { code: 'team.not-formed' } });
  });
});

describe('closing a campaign', () => {
  it('leaves it read only: a team formed after is refused with team.campaign-closed', async () => {
    const closed = await api.call('POST', `/api/inspection/campaigns/${CAMPAIGN}/closure`, {
      closedOn: '2024-12-20',
      reason: '排查结束',
    });
    expect(closed).toMatchObject({ status: 201, body: { events: ['CampaignClosed'] } });
    const res = await api.as(
      township,
      'POST',
      `/api/inspection/campaigns/${CAMPAIGN}/teams`,
      team(['511923002204'], '迟到组'),
    );
    expect(res).toMatchObject({ status: 422, body: { code: 'team.campaign-closed' } });
    const types = (await stream(campaignStreamId(CAMPAIGN))).map((e) => e.type);
    expect(types).toEqual(['CampaignLaunched', 'WorkingGroupFormed', 'CampaignClosed']);
  });
});
