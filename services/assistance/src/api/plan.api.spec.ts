import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { randomUUID } from 'node:crypto';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { AUDITOR, VILLAGE, VILLAGE_INSPECTOR } from './testing/assistance-api.principals';

// A case's assistance plan over real HTTP (SQLite in a temp folder). The household of the
// registry's fixture has a member of ordinary labour capacity: it needs a development measure.
let api: AssistanceApiHarness;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-plan-api-');
});
afterAll(async () => {
  await api?.close();
});

async function openCase(): Promise<string> {
  const householdId = randomUUID();
  await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
  const res = await api.call('POST', '/api/assistance/leads', {
    householdId,
    source: 'self-application',
    referenceId: 'apply-1',
    on: '2026-11-02',
  });
  return res.body.id as string;
}
const measures = (caseId: string) => `/api/assistance/cases/${caseId}/measures`;
const HEALTH = {
  category: 'health',
  kind: '医疗救助 / medical assistance',
  responsibleDepartment: '县医保局 / county health insurance bureau',
  plannedStart: '2026-11-10',
  plannedEnd: '2026-12-31',
  amountFen: 500_000,
};

describe('the plan over HTTP', () => {
  it('plans a measure under an Idempotency-Key (the same key answers the same measure), starts and cancels it', async () => {
    const caseId = await openCase();
    const headers = { 'idempotency-key': `plan-${caseId}` };
    const planned = await api.as(VILLAGE_INSPECTOR, 'POST', measures(caseId), HEALTH, headers);
    expect(planned).toMatchObject({ status: 201, body: { id: caseId, replayed: false } });
    expect(planned.body.events).toEqual([
      'AssistancePlanOpened',
      'AssistanceMeasurePlanned',
      'AssistancePlanFlagsChanged',
    ]);
    const measureId = planned.body.measureId as string;
    const again = await api.as(VILLAGE_INSPECTOR, 'POST', measures(caseId), HEALTH, headers);
    expect(again).toMatchObject({ status: 201, body: { measureId, replayed: true } });

    const started = await api.call('POST', `${measures(caseId)}/${measureId}/start`, { actualStart: '2026-11-12' });
    expect(started).toMatchObject({ status: 201, body: { measureId, events: ['AssistanceMeasureStarted'] } });
    const plan = await api.as(AUDITOR, 'GET', `/api/assistance/cases/${caseId}/plan`);
    expect(plan).toMatchObject({
      status: 200,
      body: { caseId, opened: true, flags: ['development-measure-missing'] },
    });
    expect(plan.body.measures).toEqual([
      expect.objectContaining({ measureId, status: 'in-progress', actualStart: '2026-11-12' }),
    ]);
    const cancelled = await api.call('POST', `${measures(caseId)}/${measureId}/cancellation`, {
      reason: '已纳入低保 / moved to dibao',
    });
    expect(cancelled).toMatchObject({ status: 201, body: { events: ['AssistanceMeasureCancelled'] } });
  });

  it('404 measure.not-found for a measure the plan lacks; 403 for the auditor, who changes nothing', async () => {
    const caseId = await openCase();
    await api.call('POST', measures(caseId), HEALTH);
    const none = await api.call('POST', `${measures(caseId)}/no-such-measure/end`, {
      actualEnd: '2026-11-20',
      outcome: '完成 / done',
    });
    expect(none).toMatchObject({ status: 404, body: { code: 'measure.not-found' } });
    const auditor = await api.as(AUDITOR, 'POST', measures(caseId), HEALTH);
    expect(auditor).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
  });
});
