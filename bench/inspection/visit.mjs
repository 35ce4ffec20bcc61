// The whole visit every household gets in bench/inspection: checklist 2024.1, all seven areas
// answered with no problem found, by a household visit (so a key-group household completes too),
// completing the round. The same body goes to the ceiling's POST …/visits/check.
export const VISIT = {
  method: 'household-visit',
  contactedOn: '2024-10-14',
  complete: true,
  findings: {
    'relapse-risk': {
      answers: { 'risk-present': false, 'sudden-hardship': false },
      note: '家中情况稳定 / stable',
      evidence: [],
    },
    income: { answers: { 'per-capita-estimate': 1_500_000, 'income-dropped': false } },
    'assistance-measures': {
      answers: { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
    },
    'elimination-stability': { answers: { 'monitoring-state': 'not-monitored' } },
    'latent-risks': {
      answers: { 'housing-safe': true, 'drinking-water-safe': true, 'child-dropped-out': false, 'all-insured': true },
    },
    'data-quality': { answers: { 'record-matches': true, 'ledger-matches': true } },
    'policy-awareness': { answers: { 'application-guide': true } },
  },
};
