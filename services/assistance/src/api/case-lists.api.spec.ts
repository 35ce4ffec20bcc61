import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { randomUUID } from 'node:crypto';
import type { DeadlineWatcher } from '../application/deadline-watcher';
import { DEADLINE_WATCHER } from './assistance.tokens';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { COUNTY, COUNTY_OFFICIAL, OTHER_COUNTY_OFFICIAL, VILLAGE } from './testing/assistance-api.principals';
import { at, IDENTIFY, throughTownshipReview } from './testing/case-procedure';

// The overdue list and the review lists over real HTTP (SQLite in a temp folder). The deadline
// watcher runs on an interval in the service; here the spec runs it once itself.
let api: AssistanceApiHarness;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-lists-api-');
});
afterAll(async () => {
  await api?.close();
});

async function openCase(on: string): Promise<{ caseId: string; position: number }> {
  const householdId = randomUUID();
  await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
  const res = await api.call('POST', '/api/assistance/leads', {
    householdId,
    source: 'self-application',
    referenceId: 'apply-1',
    on,
  });
  return { caseId: res.body.id as string, position: res.body.position as number };
}
const ids = (page: { items: { caseId: string }[] }) => page.items.map((c) => c.caseId);

describe('GET /api/assistance/overdue', () => {
  it('lists a case once the watcher marked its acceptance overdue (accept by 4 Nov 2026, long past)', async () => {
    const { caseId } = await openCase('2026-11-02');
    const run = await api.app.get<DeadlineWatcher>(DEADLINE_WATCHER).runOnce();
    const marked = run.marked.find((m) => m.caseId === caseId);
    expect(marked).toMatchObject({ mark: { step: 'accept', dueOn: '2026-11-04' } });
    const head = await api.events.headPosition();
    const res = await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/overdue?divisionCode=${COUNTY}`, undefined, {
      'x-min-position': String(head),
    });
    expect(res.status).toBe(200);
    expect(ids(res.body as { items: { caseId: string }[] })).toContain(caseId);
    const elsewhere = await api.as(OTHER_COUNTY_OFFICIAL, 'GET', `/api/assistance/overdue?divisionCode=${COUNTY}`);
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'access.outside-area' } });
  });
});

describe('GET /api/assistance/review-lists', () => {
  it('lists an identified case once it has been monitored a full year, not before, and never for 2 years yet', async () => {
    const { caseId } = await openCase('2026-11-02');
    await throughTownshipReview(api, caseId);
    const identified = await api.as(COUNTY_OFFICIAL, 'POST', at(caseId, 'identification'), IDENTIFY);
    const after = { 'x-min-position': String(identified.body.position) };
    const list = (years: number, asOf: string) =>
      api.as(
        COUNTY_OFFICIAL,
        'GET',
        `/api/assistance/review-lists?divisionCode=${COUNTY}&years=${years}&asOf=${asOf}`,
        undefined,
        after,
      );
    // Identified 16 Nov 2026: one full year on 16 Nov 2027, two on 16 Nov 2028.
    const dayBefore = await list(1, '2027-11-15');
    expect(dayBefore).toMatchObject({ status: 200, body: { asOf: '2027-11-15', years: 1 } });
    expect(ids(dayBefore.body as { items: { caseId: string }[] })).not.toContain(caseId);
    const year = await list(1, '2027-11-16');
    expect(ids(year.body as { items: { caseId: string }[] })).toContain(caseId);
    // An identified case has done every step with a deadline: nothing left to count.
    expect(year.body.items.find((c: { caseId: string }) => c.caseId === caseId).deadlines).toEqual([
      { step: 'accept', dueOn: '2026-11-04', done: true, overdue: false, workingDaysLeft: null },
      { step: 'home-verification', dueOn: '2026-11-09', done: true, overdue: false, workingDaysLeft: null },
      { step: 'procedure', dueOn: '2026-11-30', done: true, overdue: false, workingDaysLeft: null },
    ]);
    expect(ids((await list(2, '2027-11-16')).body as { items: { caseId: string }[] })).not.toContain(caseId);
  });

  it('400 for years other than 1 or 2 and for a date that is not one', async () => {
    const res = await api.call('GET', `/api/assistance/review-lists?divisionCode=${COUNTY}&years=3&asOf=2027-02-30`);
    expect(res).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['asOf', 'years']);
  });
});
