// Spec-only support: phase B of the reporting scenario — the cases' procedures (identification,
// rejection, measures, elimination and a relapse), the data-quality issues resolved, the
// rectification items closed, base statuses corrected and the inspection's at-risk households
// flagged — each by the officials of its level, every day written out here.
import { testAccessToken } from '@relapse-watch/testing';
import { call, type Answer } from './inspection.scenario';
import { expectStatus, officialsOf, recordMonthlyIncome, type Officials } from './assistance-households.scenario';
import { at, closeAndReview, lead, reviewAndNotice, step } from './assistance-cases.scenario';
import { CAMPAIGN_ID, type CasePlan, type CountyPlan, type HouseholdPlan } from './reporting-county.plan';

const WHY = '核实属实 / confirmed';
/** The procedure's days in each year: acceptance to identification, around Mid-Autumn 2024. */
const DAYS = {
  2024: ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-20', '2024-09-23', '2024-09-24'],
  2025: ['2025-09-01', '2025-09-02', '2025-09-03', '2025-09-04', '2025-09-19', '2025-09-22', '2025-09-23'],
} as const;

async function identification(base: string, officials: Officials, caseId: string, plan: CasePlan): Promise<void> {
  const [accepted, verified, compared, noticed, closed, reviewed, decided] = DAYS[plan.year];
  await step(base, officials, 'township', at(caseId, 'acceptance'), { on: accepted, reason: WHY }, [
    'MonitoringCaseLeadAccepted',
  ]);
  const home = { on: verified, consentSigned: true, findings: '入户核实 / verified at home' };
  await step(base, officials, 'village', at(caseId, 'home-verification'), home, ['MonitoringCaseHomeVerified']);
  const comparison = { on: compared, results: [{ department: 'civil-affairs', finding: 'consistent' }] };
  await step(base, officials, 'township', at(caseId, 'department-comparison'), comparison, [
    'MonitoringCaseDepartmentsCompared',
  ]);
  await reviewAndNotice(base, officials, caseId, noticed, ['MonitoringCaseVillageReviewed']);
  await closeAndReview(base, officials, caseId, closed, reviewed);
  if (plan.outcome === 'rejected') {
    const body = { on: decided, reason: '家庭存款超过标准 / savings above the standard' };
    await step(base, officials, 'county', at(caseId, 'identification-rejection'), body, [
      'MonitoringCaseIdentificationRejected',
    ]);
    return;
  }
  const body = { on: decided, category: plan.category, riskTypes: plan.riskTypes, reason: '因病支出大 / illness' };
  await step(base, officials, 'county', at(caseId, 'identification'), body, ['MonitoringCaseIdentified']);
}

async function measures(base: string, officials: Officials, caseId: string, plan: CasePlan): Promise<void> {
  const year = plan.year;
  for (const [n, measure] of plan.measures.entries()) {
    const body = {
      category: measure.category,
      kind: '帮扶措施',
      responsibleDepartment: '县乡村振兴局',
      plannedStart: `${year}-10-08`,
      amountFen: 100_000 * (n + 1),
    };
    const planned = await expectStatus(
      call(base, 'POST', at(caseId, 'measures'), body, officials.county),
      201,
      'measure',
    );
    const path = at(caseId, `measures/${String(planned.body['measureId'])}`);
    if (measure.status === 'cancelled')
      await expectStatus(
        call(base, 'POST', `${path}/cancellation`, { reason: '不再需要 / not needed' }, officials.county),
        201,
        'cancel',
      );
    if (measure.status === 'started' || measure.status === 'ended')
      await expectStatus(
        call(base, 'POST', `${path}/start`, { actualStart: `${year}-10-10` }, officials.county),
        201,
        'start',
      );
    if (measure.status === 'ended')
      await expectStatus(
        call(
          base,
          'POST',
          `${path}/end`,
          { actualEnd: `${year + 1}-06-30`, outcome: '已完成 / done' },
          officials.county,
        ),
        201,
        'end',
      );
  }
}

/** Six stable months (Jun–Nov 2026) recorded, then the elimination from the proposal to the county's grant. */
async function elimination(base: string, officials: Officials, caseId: string, householdId: string): Promise<void> {
  for (const month of ['06-30', '07-31', '08-31', '09-30', '10-31', '11-30'])
    await recordMonthlyIncome(base, householdId, `2026-${month}`);
  const proposal = {
    on: '2026-11-23',
    reason: '务工收入稳定 / steady wages',
    assessment: { risksGone: ['illness'], rigidSpending: [] },
  };
  // The assistance's view of the household follows the registry's topic: propose again until it holds the months.
  let answer: Answer = await call(base, 'POST', at(caseId, 'elimination-proposal'), proposal, officials.village);
  for (let i = 0; i < 300 && answer.body['allowed'] === false; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer = await call(base, 'POST', at(caseId, 'elimination-proposal'), proposal, officials.village);
  }
  if (answer.body['allowed'] !== true) throw new Error(`elimination refused: ${JSON.stringify(answer.body)}`);
  const verification = { on: '2026-11-24', findings: '务工收入稳定 / steady wages' };
  await step(base, officials, 'village', at(caseId, 'elimination-verification'), verification, [
    'MonitoringCaseEliminationVerified',
  ]);
  await reviewAndNotice(base, officials, caseId, '2026-11-25', ['MonitoringCaseVillageReviewed']);
  await closeAndReview(base, officials, caseId, '2026-12-01', '2026-12-02');
  const grant = { on: '2026-12-03', reason: '收入稳定、风险消除 / income stable, risk gone' };
  await step(base, officials, 'county', at(caseId, 'elimination-grant'), grant, ['MonitoringCaseRiskEliminated']);
}

async function runCase(base: string, county: CountyPlan, h: HouseholdPlan, caseId: string, householdId: string) {
  const plan = h.monitoringCase!;
  if (plan.outcome === 'open-lead') return;
  const officials = await officialsOf({
    countyCode: county.countyCode,
    townshipCode: h.townshipCode,
    villageCode: h.villageCode,
  });
  await identification(base, officials, caseId, plan);
  if (plan.outcome === 'identified') await measures(base, officials, caseId, plan);
  if (plan.outcome !== 'eliminated' && plan.outcome !== 'relapsed') return;
  await elimination(base, officials, caseId, householdId);
  if (plan.outcome !== 'relapsed') return;
  const relapse = { householdId, source: 'cadre-inspection', referenceId: `rp-${h.index}-relapse` };
  const answer = await lead(base, officials.village, '/api/assistance/leads', relapse);
  if (answer.status !== 201) throw new Error(`relapse: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Every case's procedure after its lead (the cases at once). */
export async function runCases(
  base: string,
  county: CountyPlan,
  ids: readonly string[],
  caseIds: ReadonlyMap<number, string>,
) {
  const withCase = county.households.filter((h) => h.monitoringCase !== null);
  await Promise.all(withCase.map((h) => runCase(base, county, h, caseIds.get(h.index)!, ids[h.index])));
}

const township = async (h: HouseholdPlan) => ({
  authorization: `Bearer ${await testAccessToken({ sub: `rp-official-${h.townshipCode}`, kind: 'user', role: 'township-official', unit: h.townshipCode })}`,
});

/** Resolves and closes what the plan says, corrects base statuses, accepts the inspection's at-risk suggestions. */
export async function settleInspections(base: string, county: CountyPlan, ids: readonly string[]): Promise<void> {
  for (const h of county.households) {
    const id = ids[h.index];
    const path = `/api/inspection/campaigns/${CAMPAIGN_ID}/households/${id}`;
    if (h.correctedTo !== null) {
      const status =
        h.correctedTo === 'ordinary' ? { kind: 'ordinary' } : { kind: 'poverty-alleviated', yearLeftPoverty: 2018 };
      await expectStatus(call(base, 'PUT', `/api/registry/households/${id}/status`, { status }), 200, 'status');
    }
    const plan = h.inspection;
    if (plan === null || !(plan.resolveIssue || plan.closeItem || plan.flag)) continue;
    const read = await expectStatus(call(base, 'GET', path), 200, 'inspection');
    const suggestions = read.body['suggestions'] as { suggestion: { suggestionId: string; ruleId: string } }[];
    const idOf = (ruleId: string) => suggestions.find((s) => s.suggestion.ruleId === ruleId)?.suggestion.suggestionId;
    const headers = await township(h);
    const why = { resolution: '已整改 / fixed' };
    if (plan.resolveIssue)
      await expectStatus(
        call(
          base,
          'POST',
          `${path}/data-quality-issues/${idOf('data-quality.record-mismatch')}/resolution`,
          why,
          headers,
        ),
        200,
        'resolve',
      );
    if (plan.closeItem)
      await expectStatus(
        call(base, 'POST', `${path}/rectification-items/${idOf('rectification.data-quality')}/closure`, why, headers),
        200,
        'close',
      );
    if (plan.flag)
      await expectStatus(
        call(
          base,
          'POST',
          `${path}/suggestions/${idOf('at-risk.relapse-risk-finding')}/acceptance`,
          { reason: WHY },
          headers,
        ),
        200,
        'flag',
      );
  }
}
