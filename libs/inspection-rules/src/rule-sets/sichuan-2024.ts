import type { RectificationRule, RuleSet } from './rule-set';

// Sichuan 2024 (province 51), the reference campaign of DOMAIN.md. The monitoring line and the
// filter line are this build's configuration for the province-year, to be checked against the
// province's published document before a real campaign (DOMAIN.md: figures are configuration).

const rectification = (
  id: string,
  area: RectificationRule['area'],
  problems: RectificationRule['problems'],
  ownerUnit: string,
  dueInDays: number,
): RectificationRule => ({ id, kind: 'area-problem', area, problems, ownerUnit, dueInDays });

export const SICHUAN_2024: RuleSet = {
  version: '51-2024.1',
  provinceCode: '51',
  year: 2024,
  checklistVersion: '2024.1',
  lines: { monitoringLineFen: 740_000, inspectionFilterLineFen: 1_000_000 },
  keyGroupRules: [
    { id: 'key-group.income-drop', kind: 'income-drop', dropShare: 0.3 },
    { id: 'key-group.below-filter-line', kind: 'below-filter-line', statuses: ['poverty-alleviated'] },
    { id: 'key-group.new-social-assistance', kind: 'new-social-assistance', withinDays: 365, transferJumpFen: 500_000 },
    { id: 'key-group.new-severe-disability', kind: 'new-severe-disability', maxGrade: 2, withinDays: 365 },
    {
      id: 'key-group.disaster',
      kind: 'disaster',
      withinDays: 365,
      riskKinds: ['natural-disaster'],
      housingGrades: ['C', 'D'],
    },
    { id: 'key-group.repeated-warnings', kind: 'repeated-warnings', minCount: 3, withinDays: 365 },
    {
      id: 'key-group.unstable-employment',
      kind: 'unstable-employment',
      labourCapacities: ['skilled', 'ordinary', 'weak'],
    },
    { id: 'key-group.monitored-without-elimination', kind: 'monitored-without-elimination', minDays: 365 },
  ],
  atRiskRules: [
    { id: 'at-risk.income-below-line', kind: 'income-below-line', riskEventWithinDays: 365 },
    { id: 'at-risk.income-unstable', kind: 'income-unstable', dropShare: 0.3, bandFactor: 1.5 },
    {
      id: 'at-risk.rigid-expenditure',
      kind: 'rigid-expenditure',
      shareOfNetIncome: 0.5,
      amountFen: 3_000_000,
      withinDays: 365,
    },
    {
      id: 'at-risk.illness-without-labour',
      kind: 'illness-without-labour',
      maxDisabilityGrade: 2,
      labourCapacities: ['skilled', 'ordinary'],
    },
    { id: 'at-risk.three-plus-one-not-secured', kind: 'three-plus-one-not-secured', housingGrades: ['C', 'D'] },
    { id: 'at-risk.relapse-risk-finding', kind: 'relapse-risk-finding' },
  ],
  dataQualityRules: [
    { id: 'data-quality.per-capita-recompute', kind: 'per-capita-recompute', toleranceFen: 1 },
    { id: 'data-quality.schooling-age', kind: 'registry-warning', warningRule: 'schooling.age-mismatch' },
    {
      id: 'data-quality.education-contradicted',
      kind: 'registry-warning',
      warningRule: 'schooling.compulsory-education-contradicted',
    },
    {
      id: 'data-quality.rural-in-urban-committee',
      kind: 'registry-warning',
      warningRule: 'household.rural-in-urban-committee',
    },
    { id: 'data-quality.lost-labour-without-health-record', kind: 'lost-labour-without-health-record' },
    { id: 'data-quality.eliminated-but-insecure', kind: 'eliminated-but-insecure', housingGrades: ['C', 'D'] },
    {
      id: 'data-quality.dropout-vs-education',
      kind: 'finding-contradicts-fact',
      check: 'dropout-vs-education-secured',
    },
    { id: 'data-quality.housing-vs-grade', kind: 'finding-contradicts-fact', check: 'housing-unsafe-vs-grade' },
    { id: 'data-quality.water-vs-record', kind: 'finding-contradicts-fact', check: 'water-unsafe-vs-record' },
    { id: 'data-quality.insurance-vs-record', kind: 'finding-contradicts-fact', check: 'uninsured-vs-record' },
    { id: 'data-quality.members-count', kind: 'finding-contradicts-fact', check: 'members-count-vs-record' },
    { id: 'data-quality.record-mismatch', kind: 'finding-contradicts-fact', check: 'record-mismatch-reported' },
  ],
  rectificationRules: [
    rectification(
      'rectification.assistance-measures',
      'assistance-measures',
      [
        { question: 'measures-in-place', answer: false },
        { question: 'development-measure', answer: 'no' },
      ],
      'county-rural-revitalization',
      30,
    ),
    rectification(
      'rectification.elimination-stability',
      'elimination-stability',
      [{ question: 'monitoring-state', answer: 'eliminated-unstable' }],
      'township',
      15,
    ),
    rectification(
      'rectification.housing',
      'latent-risks',
      [{ question: 'housing-safe', answer: false }],
      'county-housing',
      30,
    ),
    rectification(
      'rectification.drinking-water',
      'latent-risks',
      [{ question: 'drinking-water-safe', answer: false }],
      'county-water',
      30,
    ),
    rectification(
      'rectification.education',
      'latent-risks',
      [{ question: 'child-dropped-out', answer: true }],
      'county-education',
      15,
    ),
    rectification(
      'rectification.medical-insurance',
      'latent-risks',
      [{ question: 'all-insured', answer: false }],
      'county-medical-insurance',
      15,
    ),
    rectification(
      'rectification.data-quality',
      'data-quality',
      [
        { question: 'record-matches', answer: false },
        { question: 'ledger-matches', answer: false },
      ],
      'township',
      15,
    ),
    rectification(
      'rectification.policy-awareness',
      'policy-awareness',
      [
        { question: 'application-guide', answer: false },
        { question: 'assistance-policy', answer: false },
      ],
      'village',
      7,
    ),
  ],
};
