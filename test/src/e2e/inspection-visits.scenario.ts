// Spec-only support: the field work of the inspection scenario — every household's whole visits
// as planned (POST …/visits, the field app's request), then a township official's decisions on
// the at-risk suggestions — and what the service answered, for the spec to hold against the plan.
import { testAccessToken } from '@relapse-watch/testing';
import { CAMPAIGN_ID, type CountyPlan, type HouseholdPlan } from './inspection-county.plan';
import { call, type Answer } from './inspection.scenario';

/** Findings of checklist 2024.1 for all seven areas; an at-risk household reports an illness risk. */
export function findingsOf(plan: HouseholdPlan) {
  return {
    'relapse-risk': {
      answers: plan.atRisk
        ? { 'risk-present': true, 'main-risk-kind': 'illness', 'sudden-hardship': false }
        : { 'risk-present': false, 'sudden-hardship': false },
    },
    income: { answers: { 'per-capita-estimate': (plan.wagesYuan[1] + 800) * 100, 'income-dropped': false } },
    'assistance-measures': {
      answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
    },
    'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
    'latent-risks': {
      answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
    },
    'data-quality': { answers: { 'record-matches': true, 'ledger-matches': true, 'members-present': 1 } },
    'policy-awareness': { answers: { 'application-guide': true } },
  };
}

/** What the service answered for one household. */
export interface HouseholdOutcome {
  readonly visits: readonly Answer[];
  readonly decision: Answer | null;
  /** `GET …/households/:h` after everything. */
  readonly inspection: Answer;
}

const pathOf = (householdId: string) => `/api/inspection/campaigns/${CAMPAIGN_ID}/households/${householdId}`;

/** The highest event position among command answers (for `X-Min-Position`). */
export function lastPosition(answers: readonly (Answer | null)[]): number {
  return Math.max(0, ...answers.map((a) => Number(a?.body['position'] ?? 0)));
}

async function visit(base: string, plan: HouseholdPlan, householdId: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const [k, planned] of plan.visits.entries())
    answers.push(
      await call(base, 'POST', `${pathOf(householdId)}/visits`, {
        contactId: `hs-${plan.index}-${k}`,
        method: planned.method,
        contactedOn: planned.contactedOn,
        findings: findingsOf(plan),
        complete: planned.complete,
      }),
    );
  return answers;
}

/** A township official of the household's township (inspection.decide) decides its open at-risk suggestion. */
async function decide(base: string, plan: HouseholdPlan, householdId: string): Promise<Answer | null> {
  if (plan.decision === null) return null;
  const read = await call(base, 'GET', pathOf(householdId));
  const suggestions = (read.body['suggestions'] ?? []) as { suggestion: { suggestionId: string; kind: string } }[];
  const atRisk = suggestions.find((s) => s.suggestion.kind === 'at-risk');
  if (atRisk === undefined) return read;
  const token = await testAccessToken({
    sub: `hs-official-${plan.townshipCode}`,
    kind: 'user',
    role: 'township-official',
    unit: plan.townshipCode,
  });
  const route = plan.decision === 'accept' ? 'acceptance' : 'dismissal';
  const reason =
    plan.decision === 'accept' ? '入户核实属实 / confirmed at the visit' : '已核实无风险 / no risk on checking';
  return call(
    base,
    'POST',
    `${pathOf(householdId)}/suggestions/${atRisk.suggestion.suggestionId}/${route}`,
    { reason },
    {
      authorization: `Bearer ${token}`,
    },
  );
}

/** Every household's visits (a village's households at once), then the decisions, then each inspection as read back. */
export async function inspectCounty(
  base: string,
  county: CountyPlan,
  ids: readonly string[],
): Promise<HouseholdOutcome[]> {
  const visits: Answer[][] = [];
  for (const village of county.villages) {
    const inVillage = county.households.filter((h) => h.villageCode === village);
    visits.push(...(await Promise.all(inVillage.map((h) => visit(base, h, ids[h.index])))));
  }
  const decisions = await Promise.all(county.households.map((h) => decide(base, h, ids[h.index])));
  const reads = await Promise.all(county.households.map((h) => call(base, 'GET', pathOf(ids[h.index]))));
  return county.households.map((h) => ({
    visits: visits[h.index],
    decision: decisions[h.index],
    inspection: reads[h.index],
  }));
}
