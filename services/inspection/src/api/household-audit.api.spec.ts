import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { testAccessToken } from '@relapse-watch/testing';
import { randomUUID } from 'node:crypto';
import {
  CampaignsInMemory,
  cleanFindings,
  householdFacts,
  HouseholdFactsInMemory,
  riskFindings,
  sichuanCampaign,
} from '../application/testing/household-inspection.test-support';
import { startInspectionApi, type InspectionApiHarness } from './testing/household-inspection-api.fixture';

// The inspection's part of a household's audit trail over real HTTP (SQLite in a temp folder):
// the household's inspections in two campaigns, found through the progress read model, with
// who, when, what, the officials' reasons and the correlation id.
const clock = fixedOffsetClock(480);
const today = clock.dateAt(new Date());
const daysFrom = (days: number) => clock.dateAt(new Date(Date.now() + days * 86_400_000));
const campaigns = new CampaignsInMemory();
const households = new HouseholdFactsInMemory();
let api: InspectionApiHarness;
let auditor: string;

beforeAll(async () => {
  // Only 2024's rule sets ship: the second campaign is held in memory under the next year's id with them.
  for (const campaignId of ['51-2024', '51-2025'])
    campaigns.put(
      sichuanCampaign({
        campaignId,
        year: 2024,
        ruleSetVersion: '51-2024.1',
        launchedOn: daysFrom(-30),
        teamsInPlaceBy: daysFrom(-20),
        inspectBy: daysFrom(30),
      }),
    );
  api = await startInspectionApi('rw-inspection-audit-api-', { campaigns, households });
  auditor = `Bearer ${await testAccessToken({ sub: 'aud-1', kind: 'user', role: 'auditor', unit: '510000000000' })}`;
});
afterAll(async () => {
  await api?.close();
});

const path = (householdId: string, campaignId: string) =>
  `/api/inspection/campaigns/${campaignId}/households/${householdId}`;
const visit = (findings: unknown) => ({ method: 'household-visit', contactedOn: today, findings, complete: true });

describe('GET /api/inspection/audit/households/{householdId}', () => {
  it('lists the household’s inspections in every campaign, with the officials’ reasons, to an auditor', async () => {
    const id = randomUUID();
    households.put(householdFacts(id));
    const correlationId = randomUUID();
    const headers = { 'x-correlation-id': correlationId };
    expect((await api.call('POST', `${path(id, '51-2024')}/visits`, visit(cleanFindings()), headers)).status).toBe(201);
    const second = await api.call('POST', `${path(id, '51-2025')}/visits`, visit(riskFindings()), headers);
    expect(second.status).toBe(201);
    const { suggestions } = (await api.call('GET', path(id, '51-2025'))).body;
    const suggestionId = suggestions[0].suggestion.suggestionId as string;
    const accepted = await api.call(
      'POST',
      `${path(id, '51-2025')}/suggestions/${suggestionId}/acceptance`,
      { reason: '入户核实属实 / confirmed at the visit', category: 'sudden-severe-hardship', riskTypes: ['illness'] },
      headers,
    );
    expect(accepted.status).toBe(200);

    const res = await api.call('GET', `/api/inspection/audit/households/${id}`, undefined, {
      authorization: auditor,
      'x-min-position': String(accepted.body.position),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId: id, context: 'inspection' });
    const entries = res.body.entries as {
      streamId: string;
      eventType: string;
      summary: { zh: string; en: string };
    }[];
    expect(entries.map((e) => [e.streamId.replace(`-${id}`, ''), e.eventType])).toEqual([
      ['inspection-household-51-2024', 'HouseholdInspectionOpened'],
      ['inspection-household-51-2024', 'HouseholdContactRecorded'],
      ['inspection-household-51-2024', 'HouseholdInspectionCompleted'],
      ['inspection-household-51-2025', 'HouseholdInspectionOpened'],
      ['inspection-household-51-2025', 'HouseholdContactRecorded'],
      ['inspection-household-51-2025', 'InspectionSuggestionsRecorded'],
      ['inspection-household-51-2025', 'HouseholdInspectionCompleted'],
      ['inspection-household-51-2025', 'InspectionSuggestionAccepted'],
    ]);
    for (const e of entries)
      expect(e).toMatchObject({
        context: 'inspection',
        actor: { userId: 'test-admin', role: 'administrator' },
        correlationId,
        erased: false,
      });
    expect(entries[7]).toMatchObject({
      reason: '入户核实属实 / confirmed at the visit',
      summary: { en: expect.stringContaining('flagged at risk: sudden-severe-hardship (illness)') },
    });
    expect(entries[1].summary.zh).toContain('入户走访');
  });

  it('refuses a role without audit.read and a malformed id; 404 for a household never inspected', async () => {
    const id = randomUUID();
    households.put(householdFacts(id));
    expect((await api.call('POST', `${path(id, '51-2024')}/visits`, visit(cleanFindings()))).status).toBe(201);
    const county = await testAccessToken({ sub: 'c', kind: 'user', role: 'county-official', unit: '511902000000' });
    expect(
      await api.call('GET', `/api/inspection/audit/households/${id}`, undefined, { authorization: `Bearer ${county}` }),
    ).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    expect(await api.call('GET', '/api/inspection/audit/households/42')).toMatchObject({
      status: 400,
      body: { code: 'validation.failed', field: 'householdId' },
    });
    expect(await api.call('GET', `/api/inspection/audit/households/${randomUUID()}`)).toMatchObject({
      status: 404,
      body: { code: 'audit.household-unknown' },
    });
  });
});
