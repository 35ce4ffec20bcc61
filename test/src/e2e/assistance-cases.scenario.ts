// Spec-only support: a monitoring case's steps through the assistance API, each by the officials
// of its level (village inspector, township, county), every day written out by the scenario.
import { call, until, type Answer } from './inspection.scenario';
import type { Officials } from './assistance-households.scenario';

/** The path of a case's step. */
export const at = (caseId: string, step: string) => `/api/assistance/cases/${caseId}/${step}`;
const WHY = '核实属实 / confirmed';

/** Who acts: a level of {@link Officials}, or a client's own headers. */
export type Level = keyof Officials;

/** One step, by `level`; it must answer 201 with exactly `events`. Returns the answer. */
export async function step(
  base: string,
  officials: Officials,
  level: Level,
  path: string,
  body: unknown,
  events: readonly string[],
): Promise<Answer> {
  const answer = await call(base, 'POST', path, body, officials[level]);
  const seen = { path, status: answer.status, events: answer.body['events'] };
  if (answer.status !== 201 || JSON.stringify(answer.body['events']) !== JSON.stringify(events))
    throw new Error(`${JSON.stringify(seen)} (expected 201 ${JSON.stringify(events)}) ${JSON.stringify(answer.body)}`);
  return answer;
}

/**
 * A lead, retried while the assistance service's household view has not yet learnt of the
 * household (404 `household.unknown`; in distributed mode it folds the registry's topic).
 */
export function lead(
  base: string,
  headers: Record<string, string>,
  route: '/api/assistance/leads' | '/api/assistance/warnings',
  body: Record<string, unknown>,
): Promise<Answer> {
  return until(
    () => call(base, 'POST', route, body, headers),
    (a) => a.body['code'] !== 'household.unknown',
  );
}

/** A case's detail once the case list has caught up with `position` (X-Min-Position). */
export function detail(base: string, caseId: string, position: unknown): Promise<Answer> {
  return call(base, 'GET', `/api/assistance/cases/${caseId}`, undefined, { 'x-min-position': String(position) });
}

/** The identification from the acceptance (2 Nov) to the notice posted on 5 Nov (a Thursday). */
export async function throughNotice(base: string, officials: Officials, caseId: string): Promise<void> {
  await step(base, officials, 'township', at(caseId, 'acceptance'), { on: '2026-11-02', reason: WHY }, [
    'MonitoringCaseLeadAccepted',
  ]);
  await step(
    base,
    officials,
    'village',
    at(caseId, 'home-verification'),
    { on: '2026-11-03', consentSigned: true, findings: '住院自付费用高 / high self-paid hospital costs' },
    ['MonitoringCaseHomeVerified'],
  );
  await step(
    base,
    officials,
    'township',
    at(caseId, 'department-comparison'),
    { on: '2026-11-04', results: [{ department: 'civil-affairs', finding: 'consistent' }] },
    ['MonitoringCaseDepartmentsCompared'],
  );
  await reviewAndNotice(base, officials, caseId, '2026-11-05', ['MonitoringCaseVillageReviewed']);
}

/** The village's democratic review and the notice posted the same day. */
export async function reviewAndNotice(
  base: string,
  officials: Officials,
  caseId: string,
  on: string,
  reviewEvents: readonly string[],
): Promise<void> {
  const review = { on, outcome: 'approved', minutesRef: `村评〔2026〕${on.slice(5)}`, reason: WHY };
  await step(base, officials, 'village', at(caseId, 'village-review'), review, reviewEvents);
  await step(base, officials, 'village', at(caseId, 'public-notice'), { on }, ['MonitoringCasePublicNoticePosted']);
}

/** Closes the notice on `closedOn` and records the township's approval on `reviewedOn`. */
export async function closeAndReview(
  base: string,
  officials: Officials,
  caseId: string,
  closedOn: string,
  reviewedOn: string,
): Promise<void> {
  await step(base, officials, 'village', at(caseId, 'public-notice/closure'), { on: closedOn }, [
    'MonitoringCasePublicNoticeClosed',
  ]);
  await step(
    base,
    officials,
    'township',
    at(caseId, 'township-review'),
    { on: reviewedOn, outcome: 'approved', reason: WHY },
    ['MonitoringCaseTownshipReviewed'],
  );
}

/** The county's identification: a marginal household at risk of illness. */
export function identify(base: string, officials: Officials, caseId: string, on: string): Promise<Answer> {
  const body = { on, category: 'marginal-prone-to-poverty', riskTypes: ['illness'], reason: '因病支出大 / illness' };
  return step(base, officials, 'county', at(caseId, 'identification'), body, ['MonitoringCaseIdentified']);
}

/** A proposal to eliminate the risk: the illness found gone, no rigid spending left. */
export function propose(base: string, officials: Officials, caseId: string, on: string): Promise<Answer> {
  return call(
    base,
    'POST',
    at(caseId, 'elimination-proposal'),
    { on, reason: '务工收入稳定 / steady wages', assessment: { risksGone: ['illness'], rigidSpending: [] } },
    officials.village,
  );
}
