import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { randomUUID } from 'node:crypto';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { at, IDENTIFY, throughTownshipReview, WHY } from './testing/case-procedure';
import { COUNTY_OFFICIAL, TOWNSHIP_OFFICIAL, VILLAGE, VILLAGE_INSPECTOR } from './testing/assistance-api.principals';

// A case's procedure over real HTTP (SQLite in a temp folder): the whole identification step by
// step, the county's decision refused to a township, a step out of order, and an elimination the
// guard refuses with its reasons. Dates are November 2026 (the shipped calendar's year), all past.
let api: AssistanceApiHarness;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-steps-api-');
});
afterAll(async () => {
  await api?.close();
});

const through = (caseId: string) => throughTownshipReview(api, caseId);

async function openCase(): Promise<string> {
  const householdId = randomUUID();
  await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
  const res = await api.as(VILLAGE_INSPECTOR, 'POST', '/api/assistance/leads', {
    householdId,
    source: 'cadre-inspection',
    referenceId: 'report-1',
    on: '2026-11-02',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('the identification procedure over HTTP', () => {
  it('runs from the lead to the county’s identification; the case reads back identified, who/when/why on each step', async () => {
    const caseId = await openCase();
    await through(caseId);
    const township = await api.as(TOWNSHIP_OFFICIAL, 'POST', at(caseId, 'identification'), IDENTIFY);
    expect(township).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    const identified = await api.as(COUNTY_OFFICIAL, 'POST', at(caseId, 'identification'), IDENTIFY);
    expect(identified).toMatchObject({ status: 201, body: { id: caseId, events: ['MonitoringCaseIdentified'] } });
    const read = await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/cases/${caseId}`, undefined, {
      'x-min-position': String(identified.body.position),
    });
    expect(read.body).toMatchObject({ phase: 'identified', waitingFor: 'elimination-proposal' });
    expect(read.body.procedure.identification.identification).toMatchObject({
      actor: { userId: 'u-county', role: 'county-official' },
      on: '2026-11-16',
      reason: '因病支出大 / large medical spending',
      category: 'marginal-prone-to-poverty',
      riskTypes: ['illness'],
    });
    expect(read.body.procedure.objections[0].resolution).toMatchObject({ upheld: false, on: '2026-11-09' });
    expect(read.body.procedure.notices[0]).toMatchObject({
      posted: { on: '2026-11-05' },
      closed: { on: '2026-11-12' },
    });
    expect(read.body.summary).toMatchObject({
      phase: 'identified',
      category: 'marginal-prone-to-poverty',
      monitored: true,
    });
    // Accepted 2 Nov: home check by 9 Nov (5 working days), whole procedure by 30 Nov (20); all three done.
    expect(read.body.deadlines).toEqual([
      { step: 'accept', dueOn: '2026-11-04', done: true, overdue: false, workingDaysLeft: null },
      { step: 'home-verification', dueOn: '2026-11-09', done: true, overdue: false, workingDaysLeft: null },
      { step: 'procedure', dueOn: '2026-11-30', done: true, overdue: false, workingDaysLeft: null },
    ]);
  });

  it('422 with the code and field for a step out of order, naming the step the case waits for', async () => {
    const caseId = await openCase();
    const res = await api.as(TOWNSHIP_OFFICIAL, 'POST', at(caseId, 'township-review'), {
      on: '2026-11-03',
      outcome: 'approved',
      reason: WHY,
    });
    expect(res).toMatchObject({ status: 422, body: { code: 'case.step-out-of-order', field: 'type' } });
    expect(res.body.message).toContain('lead-decision');
  });

  it('422 naming every field a step breaks at once; 404 for an unknown case', async () => {
    const caseId = await openCase();
    await api.call('POST', at(caseId, 'acceptance'), { on: '2026-11-02', reason: WHY });
    const res = await api.call('POST', at(caseId, 'home-verification'), {
      on: '2099-01-01',
      consentSigned: false,
      findings: ' padded ',
    });
    expect(res).toMatchObject({ status: 422, body: { code: 'case.date' } });
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'consentSigned',
      'findings',
      'on',
    ]);
    const none = await api.call('POST', at(randomUUID(), 'acceptance'), { on: '2026-11-02', reason: WHY });
    expect(none).toMatchObject({ status: 404, body: { code: 'case.not-found', field: 'caseId' } });
  });
});

describe('POST …/elimination-proposal', () => {
  it('answers 201 with allowed false and the guard’s reasons, recorded on the case', async () => {
    const caseId = await openCase();
    await through(caseId);
    await api.as(COUNTY_OFFICIAL, 'POST', at(caseId, 'identification'), IDENTIFY);
    const res = await api.as(VILLAGE_INSPECTOR, 'POST', at(caseId, 'elimination-proposal'), {
      on: '2026-11-20',
      reason: '收入已稳定 / income stable',
      assessment: {
        risksGone: [],
        rigidSpending: [{ itemId: 'hospital-2026', kind: 'medical', amountFen: 3_200_000, resolved: false }],
      },
    });
    expect(res).toMatchObject({
      status: 201,
      body: { id: caseId, allowed: false, events: ['MonitoringCaseEliminationRefused'] },
    });
    const codes = (res.body.reasons as { code: string }[]).map((r) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'elimination.no-income-record',
        'elimination.rigid-spending-unresolved',
        'elimination.risk-not-gone',
      ]),
    );
    expect(res.body.reasons).toContainEqual(
      expect.objectContaining({
        code: 'elimination.rigid-spending-unresolved',
        evidence: { itemId: 'hospital-2026', kind: 'medical', amountFen: 3_200_000 },
      }),
    );
    expect(res.body.reasons).toContainEqual(
      expect.objectContaining({ code: 'elimination.risk-not-gone', evidence: { riskType: 'illness' } }),
    );
    const read = await api.call('GET', `/api/assistance/cases/${caseId}`);
    expect(read.body.phase).toBe('identified');
    expect(read.body.procedure.eliminationRefusals).toHaveLength(1);
  });
});
