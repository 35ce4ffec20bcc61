import { SICHUAN_2024 } from '../rule-sets/sichuan-2024';
import { household, income, ruleSet, TODAY } from '../testing/given';
import { dayNumber, addDays } from './day-number';
import { evaluateHousehold } from './evaluate-household';
import { inKeyRegions } from './key-regions';

describe('rectification items', () => {
  const rules = ruleSet({
    rectificationRules: [
      {
        id: 'rectification.policy-awareness',
        kind: 'area-problem',
        area: 'policy-awareness',
        problems: [
          { question: 'application-guide', answer: false },
          { question: 'assistance-policy', answer: false },
        ],
        ownerUnit: 'village',
        dueInDays: 7,
      },
    ],
  });

  it('given no application guide received, found on 2024-08-28, when evaluating, then an item for the village is due 7 days later, on 2024-09-04', () => {
    const findings = { 'policy-awareness': { 'application-guide': false, 'assistance-policy': true } };
    expect(
      evaluateHousehold({ facts: household(), findings, ruleSet: rules, today: '2024-08-30', foundOn: '2024-08-28' }),
    ).toEqual([
      {
        kind: 'rectification',
        ruleId: 'rectification.policy-awareness',
        ruleSetVersion: '51-2024.9',
        area: 'policy-awareness',
        ownerUnit: 'village',
        dueOn: '2024-09-04',
        evidence: [{ fact: 'findings.policy-awareness.application-guide', value: false, threshold: false }],
      },
    ]);
  });

  it('given no finding date, when evaluating on 2024-12-29, then the deadline runs from today into the next year', () => {
    const findings = { 'policy-awareness': { 'assistance-policy': false } };
    expect(evaluateHousehold({ facts: household(), findings, ruleSet: rules, today: '2024-12-29' })[0]).toMatchObject({
      dueOn: '2025-01-05',
    });
  });

  it('given both leaflets received, or the area not asked yet, when evaluating, then no item', () => {
    const findings = { 'policy-awareness': { 'application-guide': true, 'assistance-policy': true } };
    expect(evaluateHousehold({ facts: household(), findings, ruleSet: rules, today: TODAY })).toEqual([]);
    expect(evaluateHousehold({ facts: household(), findings: {}, ruleSet: rules, today: TODAY })).toEqual([]);
  });
});

describe('evaluating a household under Sichuan 2024', () => {
  it('given a plain household with clean answers, when evaluating, then nothing is suggested', () => {
    const findings = {
      'relapse-risk': { 'risk-present': false, 'sudden-hardship': false },
      income: { 'per-capita-estimate': 1_500_000, 'income-dropped': false },
      'latent-risks': {
        'housing-safe': true,
        'drinking-water-safe': true,
        'child-dropped-out': false,
        'all-insured': true,
      },
      'policy-awareness': { 'application-guide': true },
    };
    expect(evaluateHousehold({ facts: household(), findings, ruleSet: SICHUAN_2024, today: TODAY })).toEqual([]);
  });

  it('given income under the 740,000 line, a record mismatch and unsafe housing reported, when evaluating, then at-risk, data-quality and rectification come in that order, each group in rule order', () => {
    const facts = household({ incomes: [income(2023, 500_000)] });
    const findings = { 'data-quality': { 'record-matches': false }, 'latent-risks': { 'housing-safe': false } };
    const ruleIds = evaluateHousehold({ facts, findings, ruleSet: SICHUAN_2024, today: TODAY }).map(
      (suggestion) => suggestion.ruleId,
    );
    expect(ruleIds).toEqual([
      'at-risk.income-below-line',
      'at-risk.three-plus-one-not-secured',
      'data-quality.housing-vs-grade',
      'data-quality.record-mismatch',
      'rectification.housing',
      'rectification.data-quality',
    ]);
  });
});

describe('key regions', () => {
  const regions = [
    { regionId: 'region-county', divisionCodes: ['510104000000'] },
    { regionId: 'region-other-township', divisionCodes: ['510105002000'] },
    { regionId: 'region-village', divisionCodes: ['510108001000', '510104001001'] },
  ];

  it('given a village inside a designated county and named by another region, when looking up, then both region ids in order', () => {
    expect(inKeyRegions('510104001001', regions)).toEqual(['region-county', 'region-village']);
  });

  it('given a village outside every region, when looking up, then none', () => {
    expect(inKeyRegions('510106003004', regions)).toEqual([]);
  });
});

describe('day arithmetic', () => {
  it('counts days across a leap day and a year end', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2025-01-01') - dayNumber('2024-01-01')).toBe(366);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
