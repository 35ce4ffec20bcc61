// Spec-only support: the assistance scenario's lead from the concentrated inspection — the
// province's campaign launched, one household visited with a relapse risk reported, and a
// township official accepting the rules' at-risk suggestion (the inspection then publishes
// HouseholdFlaggedAtRisk, which the assistance service takes as a lead).
import { testAccessToken } from '@relapse-watch/testing';
import { CAMPAIGN, CAMPAIGN_ID } from './inspection-county.plan';
import { call, until } from './inspection.scenario';
import { expectStatus, type Place } from './assistance-households.scenario';

// Only the rule set 51-2024.1 and the checklist 2024.1 ship, so the campaign is 2024's.
const pathOf = (householdId: string) => `/api/inspection/campaigns/${CAMPAIGN_ID}/households/${householdId}`;

/** The checklist's seven areas, the household reporting an illness as its relapse risk. */
const FINDINGS = {
  'relapse-risk': { answers: { 'risk-present': true, 'main-risk-kind': 'illness', 'sudden-hardship': false } },
  income: { answers: { 'per-capita-estimate': 1_280_000, 'income-dropped': false } },
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

/**
 * Waits until the inspection's view holds the household with its 3+1, launches the campaign once
 * its policy view holds 2024's line, records one whole household visit and accepts the at-risk
 * suggestion as a township official.
 */
export async function flagAtRisk(base: string, place: Place, householdId: string): Promise<void> {
  const facts = await until(
    () => call(base, 'GET', `/api/inspection/households/${householdId}/facts`),
    ({ status, body }) => status === 200 && body['threePlusOne'] !== null,
  );
  if (facts.status !== 200) throw new Error(`the inspection did not learn the household: ${JSON.stringify(facts)}`);
  const launched = await until(
    () => call(base, 'POST', '/api/inspection/campaigns', CAMPAIGN),
    (a) => a.body['code'] !== 'campaign.threshold-not-published',
  );
  if (launched.status !== 201) throw new Error(`launch: ${launched.status} ${JSON.stringify(launched.body)}`);
  const visit = { contactId: 'as-1', method: 'household-visit', contactedOn: '2024-08-20', complete: true };
  await expectStatus(
    call(base, 'POST', `${pathOf(householdId)}/visits`, { ...visit, findings: FINDINGS }),
    201,
    'visit',
  );
  const read = await expectStatus(call(base, 'GET', pathOf(householdId)), 200, 'inspection');
  const suggestions = read.body['suggestions'] as { suggestion: { suggestionId: string; kind: string } }[];
  const atRisk = suggestions.find((s) => s.suggestion.kind === 'at-risk');
  if (atRisk === undefined) throw new Error(`no at-risk suggestion: ${JSON.stringify(suggestions)}`);
  const township = await testAccessToken({
    sub: 'e2e-assistance-inspection-township',
    kind: 'user',
    role: 'township-official',
    unit: place.townshipCode,
  });
  await expectStatus(
    call(
      base,
      'POST',
      `${pathOf(householdId)}/suggestions/${atRisk.suggestion.suggestionId}/acceptance`,
      { reason: '入户核实属实 / confirmed at the visit' },
      { authorization: `Bearer ${township}` },
    ),
    200,
    'acceptance',
  );
}
