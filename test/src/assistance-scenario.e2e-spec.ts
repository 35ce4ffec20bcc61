import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { call, type Answer } from './e2e/inspection.scenario';
import { deployAssistance, stopDeployments } from './e2e/assistance-deployment.fixture';
import {
  incomesFolded,
  officialsOf,
  placeIn,
  publishLines,
  recordMonthlyIncome,
  registerHousehold,
  warningClient,
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
import { checkCases, checkInspectionLead, checkOverdue, checkWarnings } from './e2e/assistance-outcomes.expected';

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
afterAll(stopDeployments);
/** The highest event position among answers (for X-Min-Position). */
const positionOf = (answers: readonly Answer[]) => Math.max(0, ...answers.map((a) => Number(a.body['position'] ?? 0)));

describe('monitoring cases from every lead source to identification, elimination and relapse', () => {
  it.each(['embedded', 'distributed'] as const)(
    '%s: the procedure, the guard, the notice objection, the holiday deadlines and the relapse',
    async (mode) => {
      const base = await deployAssistance(mode);
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
      await incomesFolded(base, hA.id, 6);
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
      await incomesFolded(base, hA.id, 8);
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
