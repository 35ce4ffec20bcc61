import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serviceUrl } from '@relapse-watch/testing';
import { topicGroup } from '@relapse-watch/service-runtime';
import { call, until, type Answer } from './e2e/inspection.scenario';
import { startGroupAtEnd } from './e2e/kafka-group.fixture';
import { startService, type ServiceProcess } from './e2e/service-process.fixture';
import {
  officialsOf,
  placeIn,
  publishLines,
  recordMonthlyIncome,
  registerHousehold,
  warningClient,
  type Place,
} from './e2e/assistance-households.scenario';
import {
  at,
  closeAndReview,
  detail,
  identify,
  lead,
  propose,
  reviewAndNotice,
  step,
  throughNotice,
} from './e2e/assistance-cases.scenario';
import { flagAtRisk } from './e2e/assistance-inspection.scenario';

// Issue 12, item 9: monitoring cases through the public API, in the embedded process and in
// distributed mode (registry, inspection, assistance and gateway each their own process on
// PostgreSQL + Kafka + FerretDB): leads from all four sources; one case through every step to
// identification and, after the guard refused it once, to elimination, then its relapse; one
// rejected at county; one with an upheld objection during the notice; two leads never accepted
// across the 2026 National Day holiday, marked overdue by the deadline watcher. Every date and
// deadline below is written out by hand from the 2026 schedule (国办发明电〔2025〕7号) and the Civil
// Code's counting; the real clock is December 2026, so everything is dated earlier in 2026.
// Yingjing County (荥经县), Ya'an: no other suite registers households there.
const COUNTY = '511822';
const REGISTRY_TOPIC = 'relapsewatch.registry.events.v1';
const INSPECTION_TOPIC = 'relapsewatch.inspection.events.v1';
const running: ServiceProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const service of running.reverse()) await service.stop();
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function started(project: string, env: Record<string, string>, args: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rw-e2e-assistance-'));
  folders.push(dir);
  const service = await startService(project, { DATA_DIR: dir, ...env }, args);
  running.push(service);
  return service.url;
}

const WATCH = { DEADLINE_WATCH_INTERVAL_MS: '500' };

const MODES: Record<'embedded' | 'distributed', () => Promise<string>> = {
  embedded: () =>
    started('apps/embedded', { ...WATCH, RESIDENT_ID_SALT: `e2e-assistance-${randomUUID()}` }, ['--no-demo']),
  distributed: async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const mongo = new URL(serviceUrl('MONGODB_URL'));
    mongo.pathname = `/e2e_assistance_${id}`;
    const shared = {
      EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_assistance_${id}`,
      READ_STORE_URL: mongo.toString(),
      BUS_URL: serviceUrl('KAFKA_URL'),
      KEY_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_assistance_keys_${id}`,
    };
    const salt = `e2e-assistance-${id}`;
    // Fresh groups started at the end of the topics: each service folds only this run's events.
    const inspectionGroup = `inspection-assistance-scenario-${id}`;
    const assistanceGroup = `assistance-scenario-${id}`;
    await startGroupAtEnd(topicGroup(inspectionGroup, REGISTRY_TOPIC), REGISTRY_TOPIC);
    await startGroupAtEnd(topicGroup(assistanceGroup, REGISTRY_TOPIC), REGISTRY_TOPIC);
    await startGroupAtEnd(topicGroup(assistanceGroup, INSPECTION_TOPIC), INSPECTION_TOPIC);
    const registry = await started('services/household-registry', { ...shared, RESIDENT_ID_SALT: salt });
    const inspection = await started('services/inspection', {
      ...shared,
      REGISTRY_URL: registry,
      INSPECTION_CONSUMER_GROUP: inspectionGroup,
    });
    const assistance = await started('services/assistance', {
      ...shared,
      ...WATCH,
      RESIDENT_ID_SALT: salt,
      ASSISTANCE_CONSUMER_GROUP: assistanceGroup,
    });
    return started('services/gateway', {
      ...shared,
      REGISTRY_URL: registry,
      INSPECTION_URL: inspection,
      ASSISTANCE_URL: assistance,
    });
  },
};

/** The highest event position among answers (for X-Min-Position). */
const positionOf = (answers: readonly Answer[]) => Math.max(0, ...answers.map((a) => Number(a.body['position'] ?? 0)));

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

const DONE = { done: true, overdue: false, workingDaysLeft: null };

describe('monitoring cases from every lead source to identification, elimination and relapse', () => {
  it.each(['embedded', 'distributed'] as const)(
    '%s: the procedure, the guard, the notice objection, the holiday deadlines and the relapse',
    async (mode) => {
      const base = await MODES[mode]();
      const run = randomUUID().slice(0, 8);
      const place = await placeIn(base, COUNTY);
      const officials = await officialsOf(place);
      await publishLines(base);
      // A holds four monthly observations above 2026's line (Aug–Nov): two short of six.
      const monthsAugToNov = ['2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30'];
      const households = [];
      for (const [n, key] of ['A', 'B', 'C', 'D', 'E', 'W1', 'W2', 'F'].entries())
        households.push(await registerHousehold(base, place, `AS${run}-${key}`, n, key === 'A' ? monthsAugToNov : []));
      const [hA, hB, hC, hD, hE, hW1, hW2, hF] = households;

      // Source 4: the concentrated inspection (the lead arrives over the bus; checked below).
      await flagAtRisk(base, place, hF.id);

      // Sources 1 and 2: a person's lead, dated.
      const leadOf = (householdId: string, source: string, referenceId: string, on?: string) =>
        lead(base, officials.village, '/api/assistance/leads', {
          householdId,
          source,
          referenceId,
          ...(on === undefined ? {} : { on }),
        });
      const opened: Record<string, Answer> = {
        A: await leadOf(hA.id, 'self-application', 'application-A', '2026-11-02'),
        B: await leadOf(hB.id, 'cadre-inspection', 'report-B', '2026-11-02'),
        C: await leadOf(hC.id, 'self-application', 'application-C', '2026-11-02'),
        // Wednesday 30 Sep, the eve of National Day; Thursday 8 Oct, the first working day after it.
        D: await leadOf(hD.id, 'cadre-inspection', 'report-D', '2026-09-30'),
        E: await leadOf(hE.id, 'self-application', 'application-E', '2026-10-08'),
      };
      for (const [key, answer] of Object.entries(opened))
        expect({ key, status: answer.status, opened: answer.body['opened'] }).toEqual({
          key,
          status: 201,
          opened: true,
        });
      const caseA = String(opened.A.body['id']);
      const caseB = String(opened.B.body['id']);
      const caseC = String(opened.C.body['id']);
      const caseD = String(opened.D.body['id']);
      const caseE = String(opened.E.body['id']);

      // Source 3: a department's warning from a client system, by household id and by a member's resident ID.
      const client = await warningClient(base, `health-insurance-${run}`);
      const warning = {
        department: 'health-insurance',
        indicator: 'self-paid-medical-cost',
        value: 32000,
        unit: 'yuan',
      };
      const byHousehold = { ...warning, warningId: 'hi-0001', householdId: hW1.id, observedOn: '2026-11-30' };
      const w1 = await lead(base, client, '/api/assistance/warnings', byHousehold);
      expect(w1).toMatchObject({ status: 201, body: { opened: true } });
      const again = await lead(base, client, '/api/assistance/warnings', byHousehold);
      expect(again).toMatchObject({ status: 201, body: { id: w1.body['id'], opened: false, events: [] } });
      const byPerson = { ...warning, warningId: 'hi-0002', residentId: hW2.residentId, observedOn: '2026-11-30' };
      const w2 = await lead(base, client, '/api/assistance/warnings', byPerson);
      expect(w2).toMatchObject({ status: 201, body: { opened: true } });
      expect(JSON.stringify(w2.body)).not.toContain(hW2.residentId);
      const asOfficial = await call(base, 'POST', '/api/assistance/warnings', byPerson, officials.village);
      expect(asOfficial).toMatchObject({ status: 403 });

      // A, B and C to the notice posted on Thursday 5 Nov.
      for (const caseId of [caseA, caseB, caseC]) await throughNotice(base, officials, caseId);
      // 5 days' notice from Thu 5 Nov runs 6–10 Nov (Tuesday, a working day): it may close on 11 Nov.
      const early = await call(
        base,
        'POST',
        at(caseA, 'public-notice/closure'),
        { on: '2026-11-10' },
        officials.village,
      );
      expect(early.status).toBe(422);
      await closeAndReview(base, officials, caseA, '2026-11-11', '2026-11-12');
      const tooLow = await call(
        base,
        'POST',
        at(caseA, 'identification'),
        {
          on: '2026-11-13',
          category: 'marginal-prone-to-poverty',
          riskTypes: ['illness'],
          reason: '越权 / not theirs',
        },
        officials.township,
      );
      expect(tooLow).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
      await identify(base, officials, caseA, '2026-11-13');

      // B: the county turns the identification down.
      await closeAndReview(base, officials, caseB, '2026-11-11', '2026-11-12');
      await step(
        base,
        officials,
        'county',
        at(caseB, 'identification-rejection'),
        { on: '2026-11-13', reason: '家庭存款超过标准 / savings above the standard' },
        ['MonitoringCaseIdentificationRejected'],
      );

      // A's first proposal: only Aug–Nov observed, so the run of stable months breaks at July.
      const refused = await propose(base, officials, caseA, '2026-11-20');
      expect(refused).toMatchObject({
        status: 201,
        body: { allowed: false, events: ['MonitoringCaseEliminationRefused'] },
      });
      expect(refused.body['reasons']).toEqual([
        {
          code: 'elimination.income-not-stable',
          field: 'incomes',
          message:
            '收入稳定高于监测线仅连续4个月，须满6个月 / Income stayed above the line for 4 consecutive months; 6 are required',
          evidence: {
            monthsRequired: 6,
            monthsStable: 4,
            window: { from: '2026-06', to: '2026-11' },
            brokenAt: { month: '2026-07', cause: 'no-record' },
          },
        },
      ]);
      for (const endingOn of ['2026-06-30', '2026-07-31']) await recordMonthlyIncome(base, hA.id, endingOn);

      // C meanwhile: an objection during the notice, upheld: back to the village review, a new notice.
      const objection = await step(
        base,
        officials,
        'village',
        at(caseC, 'objections'),
        { on: '2026-11-06', raisedBy: '匿名', content: '该户有经营性收入未申报 / undeclared business income' },
        ['MonitoringCaseObjectionRecorded'],
      );
      const upheld = await call(
        base,
        'POST',
        at(caseC, `objections/${String(objection.body['objectionId'])}/resolution`),
        { on: '2026-11-09', upheld: true, reason: '需重新评议 / to be reviewed again' },
        officials.township,
      );
      expect(upheld.status).toBe(201);
      const back = await detail(base, caseC, upheld.body['position']);
      expect(back.body).toMatchObject({ waitingFor: 'village-review' });
      await reviewAndNotice(base, officials, caseC, '2026-11-10', ['MonitoringCaseVillageReviewed']);
      // Posted Tue 10 Nov: 11–15 Nov ends on a Sunday, so the notice runs to Mon 16 Nov and may close on 17 Nov.
      const sunday = await call(
        base,
        'POST',
        at(caseC, 'public-notice/closure'),
        { on: '2026-11-16' },
        officials.village,
      );
      expect(sunday.status).toBe(422);
      await closeAndReview(base, officials, caseC, '2026-11-17', '2026-11-18');
      await identify(base, officials, caseC, '2026-11-19');

      // A again, with Jun and Jul recorded: six stable months, the procedure starts.
      const allowed = await propose(base, officials, caseA, '2026-11-23');
      expect(allowed).toMatchObject({
        status: 201,
        body: { allowed: true, reasons: [], events: ['MonitoringCaseEliminationProposed'] },
      });
      await step(
        base,
        officials,
        'village',
        at(caseA, 'elimination-verification'),
        { on: '2026-11-24', findings: '务工收入稳定，已痊愈 / steady wages, recovered' },
        ['MonitoringCaseEliminationVerified'],
      );
      // Posted Wed 25 Nov: 26–30 Nov (Monday, a working day), so it may close on 1 Dec.
      await reviewAndNotice(base, officials, caseA, '2026-11-25', ['MonitoringCaseVillageReviewed']);
      await closeAndReview(base, officials, caseA, '2026-12-01', '2026-12-02');
      const granted = await step(
        base,
        officials,
        'county',
        at(caseA, 'elimination-grant'),
        { on: '2026-12-03', reason: '收入稳定、风险消除 / income stable, risk gone' },
        ['MonitoringCaseRiskEliminated'],
      );
      expect(granted.body['id']).toBe(caseA);

      // A relapses: a new lead (today) opens the household's next case, linked to the eliminated one.
      const relapse = await leadOf(hA.id, 'cadre-inspection', 'report-A-relapse');
      expect(relapse).toMatchObject({ status: 201, body: { opened: true } });
      const caseA2 = String(relapse.body['id']);
      expect(caseA2).not.toBe(caseA);

      const last = positionOf([granted, relapse, w2]);
      await checkCases(base, { caseA, caseA2, caseB, caseC }, last);
      await checkWarnings(base, String(w1.body['id']), String(w2.body['id']), hW2.id, last);
      await checkInspectionLead(base, place, hF.id);
      await checkOverdue(base, place, caseD, caseE);
    },
    600_000,
  );
});

async function checkCases(base: string, ids: Record<'caseA' | 'caseA2' | 'caseB' | 'caseC', string>, last: number) {
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

async function checkWarnings(base: string, caseW1: string, caseW2: string, householdW2: string, last: number) {
  const w1 = await detail(base, caseW1, last);
  expect(w1.body['summary']).toMatchObject({ leadSource: 'department-warning', leads: 1, phase: 'lead' });
  const w2 = await detail(base, caseW2, last);
  expect(w2.body).toMatchObject({ householdId: householdW2, phase: 'lead' });
  expect(w2.body['summary']).toMatchObject({ leadSource: 'department-warning', leads: 1 });
}

/** The inspection's lead: the case opened from HouseholdFlaggedAtRisk, the rules' suggestion beside it. */
async function checkInspectionLead(base: string, place: Place, householdF: string) {
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
async function checkOverdue(base: string, place: Place, caseD: string, caseE: string) {
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
