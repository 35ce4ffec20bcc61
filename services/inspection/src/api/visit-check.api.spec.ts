import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { testAccessToken } from '@relapse-watch/testing';
import { randomUUID } from 'node:crypto';
import {
  CampaignsInMemory,
  cleanFindings,
  householdFacts,
  HouseholdFactsInMemory,
  sichuanCampaign,
} from '../application/testing/household-inspection.test-support';
import { startInspectionApi, type InspectionApiHarness } from './testing/household-inspection-api.fixture';

// POST …/visits/check over real HTTP: the field app's check of a drafted visit — the same body and
// the same checks as recording it (the caller's area, household, campaign, checklist), nothing written.
const clock = fixedOffsetClock(480);
const today = clock.dateAt(new Date());
const daysFrom = (days: number) => clock.dateAt(new Date(Date.now() + days * 86_400_000));
const campaigns = new CampaignsInMemory();
const households = new HouseholdFactsInMemory();
const CAMPAIGN = '51-2024';
let api: InspectionApiHarness;

beforeAll(async () => {
  campaigns.put(
    sichuanCampaign({
      campaignId: CAMPAIGN,
      year: 2024,
      launchedOn: daysFrom(-30),
      teamsInPlaceBy: daysFrom(-20),
      inspectBy: daysFrom(30),
    }),
  );
  api = await startInspectionApi('rw-visit-check-', { campaigns, households });
});
afterAll(async () => {
  await api?.close();
});

function newHousehold(): string {
  const id = randomUUID();
  households.put(householdFacts(id));
  return id;
}
const path = (householdId: string, campaignId = CAMPAIGN) =>
  `/api/inspection/campaigns/${campaignId}/households/${householdId}`;
const visit = (overrides: Record<string, unknown> = {}) => ({
  method: 'household-visit',
  contactedOn: today,
  findings: cleanFindings(),
  complete: true,
  ...overrides,
});

describe('POST …/visits/check (a visit checked, not recorded)', () => {
  it('answers 200 with no problem for a visit that fits, and writes nothing', async () => {
    const id = newHousehold();
    const res = await api.call('POST', `${path(id)}/visits/check`, visit());
    expect(res).toEqual({ status: 200, body: { problems: [] } });
    expect((await api.call('GET', path(id))).status).toBe(404);
    // The same visit, recorded afterwards, opens the round: the check left no event behind.
    const recorded = await api.call('POST', `${path(id)}/visits`, visit());
    expect(recorded).toMatchObject({ status: 201, body: { revision: 2 } });
  });

  it('answers 400 with every field, the request’s shape and the checklist’s questions, as recording would', async () => {
    const id = newHousehold();
    const shape = await api.call('POST', `${path(id)}/visits/check`, { ...visit(), method: 'phone', complete: 'yes' });
    expect(shape.status).toBe(400);
    expect((shape.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['method', 'complete']),
    );
    const checklist = await api.call('POST', `${path(id)}/visits/check`, {
      ...visit(),
      findings: { income: { answers: { 'income-dropped': 3, unknown: true } } },
    });
    expect(checklist).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((checklist.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'findings.income.answers.income-dropped',
      'findings.income.answers.unknown',
    ]);
    expect((await api.call('GET', path(id))).status).toBe(404);
  });

  it('403 for an official of another county, an auditor (no inspection.write); 404 for an unknown household or campaign', async () => {
    const id = newHousehold();
    const elsewhere = await testAccessToken(
      { sub: 'official-x', kind: 'user', role: 'county-official', unit: '511923000000' },
      600,
    );
    const outside = await api.call('POST', `${path(id)}/visits/check`, visit(), {
      authorization: `Bearer ${elsewhere}`,
    });
    expect(outside).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
    const auditor = await testAccessToken(
      { sub: 'auditor-1', kind: 'user', role: 'auditor', unit: '510000000000' },
      600,
    );
    const reader = await api.call('POST', `${path(id)}/visits/check`, visit(), { authorization: `Bearer ${auditor}` });
    expect(reader).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    expect((await api.call('POST', `${path(randomUUID())}/visits/check`, visit())).body).toMatchObject({
      code: 'household.not-known',
    });
    expect((await api.call('POST', `${path(id, '51-1999')}/visits/check`, visit())).body).toMatchObject({
      code: 'campaign.not-found',
    });
  });
});
