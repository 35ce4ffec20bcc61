import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { COUNTY_OFFICIAL, PROVINCE_OFFICIAL, VILLAGE } from './testing/assistance-api.principals';

// A province's own case policy over HTTP: read with the national defaults, set by the province,
// refused to a county, and applied to the next lead's deadline.
let api: AssistanceApiHarness;
beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-policies-api-');
});
afterAll(async () => {
  await api?.close();
});

const limits = (acceptDays: number) => ({
  acceptLead: { days: acceptDays, unit: 'working' },
  homeVerification: { days: 5, unit: 'working' },
  wholeProcedure: { days: 20, unit: 'working' },
  publicNoticeMinimumDays: 7,
  reason: '省里调整受理时限',
  sourceDocument: '川乡振发〔2026〕3号',
});

describe('/api/assistance/policies/{provinceCode}/{year}', () => {
  it('reads the national defaults where the province set nothing', async () => {
    const read = await api.as(COUNTY_OFFICIAL, 'GET', '/api/assistance/policies/51/2025');
    expect(read).toMatchObject({
      status: 200,
      body: {
        provinceCode: '51',
        year: 2025,
        timeLimits: { acceptLead: { days: 2, unit: 'calendar' }, publicNoticeMinimumDays: 5 },
        elimination: { stableIncomeMonths: 6, labourCapacitiesCounted: ['skilled', 'ordinary', 'weak'] },
        setByProvince: { timeLimits: false, elimination: false },
      },
    });
  });

  it('refuses a county official (403) and a malformed body (400 naming the field)', async () => {
    const county = await api.as(COUNTY_OFFICIAL, 'PUT', '/api/assistance/policies/51/2026/time-limits', limits(3));
    expect(county).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    const bad = await api.as(PROVINCE_OFFICIAL, 'PUT', '/api/assistance/policies/51/2026/time-limits', {
      ...limits(3),
      homeVerification: { days: 0, unit: 'weeks' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('homeVerification');
  });

  it('the province’s 3 working days to accept give a lead of Wed 30 Sep 2026 its deadline', async () => {
    const set = await api.as(PROVINCE_OFFICIAL, 'PUT', '/api/assistance/policies/51/2026/time-limits', limits(3));
    expect(set).toMatchObject({ status: 200, body: { id: '51-2026', events: ['CaseTimeLimitsSet'] } });
    const again = await api.as(PROVINCE_OFFICIAL, 'PUT', '/api/assistance/policies/51/2026/time-limits', limits(3));
    expect(again).toMatchObject({ status: 200, body: { events: [] } });
    const householdId = randomUUID();
    await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
    const lead = await api.as(COUNTY_OFFICIAL, 'POST', '/api/assistance/leads', {
      householdId,
      source: 'self-application',
      referenceId: 'apply-policy',
      summary: '申请',
      on: '2026-09-30',
    });
    expect(lead.status).toBe(201);
    const read = await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/cases/${lead.body.id}`, undefined, {
      'x-min-position': String(lead.body.position),
    });
    // 2026: 1–7 Oct off, Saturday 10 Oct a make-up working day; three working days after 30 Sep: 8, 9, 10 Oct.
    expect(read.body.deadlines).toContainEqual(expect.objectContaining({ step: 'accept', dueOn: '2026-10-10' }));
  });
});
