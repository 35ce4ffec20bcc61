// Spec-only support: what the assistance scenario (issue 12, item 9) must read back in either
// mode, every phase, day and deadline written out by hand (the 2026 holiday schedule and the
// Civil Code's counting), never read from the service and fed back.
import { expect } from '@jest/globals';
import { call, until } from './inspection.scenario';
import { detail } from './assistance-cases.scenario';
import type { Place } from './assistance-households.scenario';

/** The case of a household in the village's list, once the case list holds it. */
async function caseOfHousehold(base: string, place: Place, householdId: string): Promise<string> {
  const found = await until(
    () => call(base, 'GET', `/api/assistance/cases?divisionCode=${place.villageCode}&limit=100`),
    (a) => ((a.body['items'] ?? []) as { householdId: string }[]).some((c) => c.householdId === householdId),
  );
  const item = ((found.body['items'] ?? []) as { householdId: string; caseId: string }[]).find(
    (c) => c.householdId === householdId,
  );
  if (item === undefined) throw new Error(`no case for ${householdId}: ${JSON.stringify(found.body)}`);
  return item.caseId;
}

/** A deadline met: done, never overdue, no working days left to count. */
const DONE = { done: true, overdue: false, workingDaysLeft: null };

/**
 * A eliminated after one refusal and linked to its relapse case A2 (waiting for the lead's
 * decision); B rejected at county; C identified after an upheld objection and a second notice.
 */
export async function checkCases(
  base: string,
  ids: Record<'caseA' | 'caseA2' | 'caseB' | 'caseC', string>,
  last: number,
) {
  const a = await detail(base, ids.caseA, last);
  expect(a.status).toBe(200);
  expect(a.body).toMatchObject({ phase: 'eliminated' });
  expect(a.body['summary']).toMatchObject({
    leadSource: 'self-application',
    running: false,
    overdue: false,
    category: 'marginal-prone-to-poverty',
    riskTypes: ['illness'],
    identifiedOn: '2026-11-13',
    eliminationRefusals: 1,
    eliminatedOn: '2026-12-03',
    relapseCaseId: ids.caseA2,
  });
  // Lead on Mon 2 Nov: accept by Wed 4 Nov (2 days); home check by 9 Nov (5 working days); all by 30 Nov (20).
  expect(a.body['deadlines']).toEqual([
    { step: 'accept', dueOn: '2026-11-04', ...DONE },
    { step: 'home-verification', dueOn: '2026-11-09', ...DONE },
    { step: 'procedure', dueOn: '2026-11-30', ...DONE },
  ]);
  const procedure = a.body['procedure'] as Record<string, unknown>;
  expect(JSON.stringify(procedure['relapse'])).toContain(ids.caseA2);
  const refusals = procedure['eliminationRefusals'] as { guardReasons: { code: string }[] }[];
  expect(refusals.map((r) => r.guardReasons.map((reason) => reason.code))).toEqual([['elimination.income-not-stable']]);

  const a2 = await detail(base, ids.caseA2, last);
  expect(a2.body).toMatchObject({ phase: 'lead', waitingFor: 'lead-decision' });
  expect(a2.body['summary']).toMatchObject({
    leadSource: 'cadre-inspection',
    previousCaseId: ids.caseA,
    running: true,
  });

  const b = await detail(base, ids.caseB, last);
  expect(b.body).toMatchObject({ phase: 'rejected', waitingFor: null });
  expect(b.body['summary']).toMatchObject({ leadSource: 'cadre-inspection', running: false, rejectedAt: 'county' });

  const c = await detail(base, ids.caseC, last);
  expect(c.body).toMatchObject({ phase: 'identified', waitingFor: 'elimination-proposal' });
  expect(c.body['summary']).toMatchObject({ identifiedOn: '2026-11-19', overdue: false });
  const cProcedure = c.body['procedure'] as { notices: unknown[]; objections: { resolution: { upheld: boolean } }[] };
  expect(cProcedure.notices).toHaveLength(2);
  expect(cProcedure.objections.map((o) => o.resolution.upheld)).toEqual([true]);
}

/** The two warnings' cases: opened by the department, one lead each; W2 found by its member's resident ID. */
export async function checkWarnings(base: string, caseW1: string, caseW2: string, householdW2: string, last: number) {
  const w1 = await detail(base, caseW1, last);
  expect(w1.body['summary']).toMatchObject({ leadSource: 'department-warning', leads: 1, phase: 'lead' });
  const w2 = await detail(base, caseW2, last);
  expect(w2.body).toMatchObject({ householdId: householdW2, phase: 'lead' });
  expect(w2.body['summary']).toMatchObject({ leadSource: 'department-warning', leads: 1 });
}

/** The inspection's lead: the case opened from HouseholdFlaggedAtRisk, the rules' suggestion beside it. */
export async function checkInspectionLead(base: string, place: Place, householdF: string) {
  const caseF = await caseOfHousehold(base, place, householdF);
  const f = await call(base, 'GET', `/api/assistance/cases/${caseF}`);
  expect(f.body).toMatchObject({ phase: 'lead', householdId: householdF });
  expect(f.body['summary']).toMatchObject({
    leadSource: 'concentrated-inspection',
    category: null,
    suggestion: {
      category: 'unstable-poverty-alleviated',
      riskTypes: ['illness'],
      ruleIds: ['at-risk.relapse-risk-finding'],
    },
  });
}

/**
 * D's lead came on Wed 30 Sep: 2 calendar days end on Fri 2 Oct, a holiday, and the rest runs to
 * 7 Oct, so it was due on Thu 8 Oct. E's came on Thu 8 Oct: the 2 days end on Sat 10 Oct, a
 * make-up working day (调休), so it was due that Saturday. Neither was accepted: the watcher marks both.
 */
export async function checkOverdue(base: string, place: Place, caseD: string, caseE: string) {
  const path = `/api/assistance/overdue?divisionCode=${place.countyCode}000000`;
  const list = await until(
    () => call(base, 'GET', path),
    (a) => a.status === 200 && (a.body['items'] as unknown[]).length >= 2,
  );
  const items = list.body['items'] as { caseId: string; overdueSteps: { step: string; dueOn: string }[] }[];
  const seen = items
    .map((i) => ({ caseId: i.caseId, marks: i.overdueSteps.map(({ step: s, dueOn }) => ({ step: s, dueOn })) }))
    .sort((x, y) => (x.caseId < y.caseId ? -1 : 1));
  const expected = [
    { caseId: caseD, marks: [{ step: 'accept', dueOn: '2026-10-08' }] },
    { caseId: caseE, marks: [{ step: 'accept', dueOn: '2026-10-10' }] },
  ].sort((x, y) => (x.caseId < y.caseId ? -1 : 1));
  expect(seen).toEqual(expected);
  for (const [caseId, dueOn] of [
    [caseD, '2026-10-08'],
    [caseE, '2026-10-10'],
  ]) {
    const read = await call(base, 'GET', `/api/assistance/cases/${caseId}`);
    expect(read.body['summary']).toMatchObject({ acceptBy: dueOn, overdue: true, phase: 'lead' });
    expect((read.body['deadlines'] as unknown[])[0]).toMatchObject({
      step: 'accept',
      dueOn,
      done: false,
      overdue: true,
    });
  }
}
