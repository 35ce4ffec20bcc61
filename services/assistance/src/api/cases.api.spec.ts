import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { randomUUID } from 'node:crypto';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { COUNTY, COUNTY_OFFICIAL, OTHER_COUNTY_OFFICIAL, VILLAGE } from './testing/assistance-api.principals';

// Leads and cases over real HTTP, on the service's SQLite stores in a temp folder: households
// reach the service's own view as the registry's events would fold them; each test makes its own.
let api: AssistanceApiHarness;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-cases-api-');
});
afterAll(async () => {
  await api?.close();
});

async function newHousehold(): Promise<string> {
  const householdId = randomUUID();
  await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
  return householdId;
}
const lead = (householdId: string, overrides: Record<string, unknown> = {}) => ({
  householdId,
  source: 'self-application',
  referenceId: `apply-${householdId.slice(0, 8)}`,
  summary: '因病支出大，申请纳入监测 / large medical spending, asks to be monitored',
  on: '2026-11-02',
  ...overrides,
});

describe('POST /api/assistance/leads', () => {
  it('opens the household’s case, then joins a second lead to it; the case reads back with both', async () => {
    const householdId = await newHousehold();
    const first = await api.as(COUNTY_OFFICIAL, 'POST', '/api/assistance/leads', lead(householdId));
    expect(first).toMatchObject({
      status: 201,
      body: { opened: true, revision: 0, replayed: false, events: ['MonitoringCaseOpened'] },
    });
    const caseId = first.body.id as string;
    const second = await api.as(
      COUNTY_OFFICIAL,
      'POST',
      '/api/assistance/leads',
      lead(householdId, { source: 'cadre-inspection', referenceId: 'cadre-report-7' }),
    );
    expect(second).toMatchObject({
      status: 201,
      body: { id: caseId, opened: false, events: ['MonitoringCaseLeadEvidenceAdded'] },
    });
    const read = await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/cases/${caseId}`, undefined, {
      'x-min-position': String(second.body.position),
    });
    expect(read).toMatchObject({
      status: 200,
      body: { caseId, householdId, villageCode: VILLAGE, phase: 'lead', waitingFor: 'lead-decision' },
    });
    expect(read.body.procedure.leads.map((l: { referenceId: string }) => l.referenceId)).toEqual([
      `apply-${householdId.slice(0, 8)}`,
      'cadre-report-7',
    ]);
    expect(read.body.procedure.opening.actor).toEqual({ userId: 'u-county', role: 'county-official' });
    expect(read.body.summary).toMatchObject({ caseId, leads: 2, leadSource: 'self-application', running: true });
    // Accept within 2 days of 2 Nov 2026 (a Monday): by 4 Nov; today is later, so it is overdue.
    expect(read.body.deadlines).toEqual([
      { step: 'accept', dueOn: '2026-11-04', done: false, overdue: true, workingDaysLeft: 0 },
    ]);
  });

  it('the same lead again records nothing twice (the case’s no-op), answering the same case', async () => {
    const householdId = await newHousehold();
    const first = await api.call('POST', '/api/assistance/leads', lead(householdId));
    const again = await api.call('POST', '/api/assistance/leads', lead(householdId));
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id, opened: false, events: [] } });
  });

  it('404 household.unknown for a household the registry never published; 403 outside the caller’s area', async () => {
    const unknown = await api.call('POST', '/api/assistance/leads', lead(randomUUID()));
    expect(unknown).toMatchObject({ status: 404, body: { code: 'household.unknown', field: 'householdId' } });
    const householdId = await newHousehold();
    const outside = await api.as(OTHER_COUNTY_OFFICIAL, 'POST', '/api/assistance/leads', lead(householdId));
    expect(outside).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'householdId' } });
  });

  it('400 with every field for a malformed lead (a system’s source is not a person’s)', async () => {
    const res = await api.call('POST', '/api/assistance/leads', {
      householdId: 'h-1',
      source: 'department-warning',
      referenceId: 'has space',
      on: '2026-02-30',
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'householdId',
      'on',
      'referenceId',
      'source',
    ]);
  });
});

describe('GET /api/assistance/cases', () => {
  it('lists the unit’s cases with filters, reads one, and refuses another county with 403', async () => {
    const householdId = await newHousehold();
    const opened = await api.as(COUNTY_OFFICIAL, 'POST', '/api/assistance/leads', lead(householdId));
    const caseId = opened.body.id as string;
    const after = { 'x-min-position': String(opened.body.position) };
    const list = await api.as(
      COUNTY_OFFICIAL,
      'GET',
      `/api/assistance/cases?divisionCode=${COUNTY}&phase=lead&overdue=false&limit=500`,
      undefined,
      after,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    // Each item with its deadlines as the detail counts them: 2 Nov 2026 + 2 days, long past.
    expect(list.body.items.find((c: { caseId: string }) => c.caseId === caseId).deadlines).toEqual([
      { step: 'accept', dueOn: '2026-11-04', done: false, overdue: true, workingDaysLeft: 0 },
    ]);
    const identified = await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/cases?phase=identified`, undefined, after);
    expect(identified.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    const elsewhere = await api.as(OTHER_COUNTY_OFFICIAL, 'GET', `/api/assistance/cases/${caseId}`);
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
    const listElsewhere = await api.as(OTHER_COUNTY_OFFICIAL, 'GET', `/api/assistance/cases?divisionCode=${COUNTY}`);
    expect(listElsewhere).toMatchObject({ status: 403, body: { code: 'access.outside-area', field: 'divisionCode' } });
  });

  it('404 case.not-found for a case that was never opened; an empty plan before any measure', async () => {
    expect((await api.call('GET', `/api/assistance/cases/${randomUUID()}`)).body).toMatchObject({
      code: 'case.not-found',
    });
    const householdId = await newHousehold();
    const opened = await api.call('POST', '/api/assistance/leads', lead(householdId));
    const plan = await api.call('GET', `/api/assistance/cases/${opened.body.id}/plan`);
    expect(plan).toMatchObject({
      status: 200,
      body: { caseId: opened.body.id, opened: false, flags: [], measures: [] },
    });
  });
});
