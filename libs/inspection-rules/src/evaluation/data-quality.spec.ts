import type { DataQualityRule } from '../rule-sets/rule-set';
import { household, income, member, ruleSet, TODAY } from '../testing/given';
import { evaluateHousehold } from './evaluate-household';

const evaluate = (rule: DataQualityRule, facts = household(), findings = {}) =>
  evaluateHousehold({ facts, findings, ruleSet: ruleSet({ dataQualityRules: [rule] }), today: TODAY });
const secured = household().threePlusOne!;

describe('data quality: per-capita income recomputes', () => {
  const rule: DataQualityRule = {
    id: 'data-quality.per-capita-recompute',
    kind: 'per-capita-recompute',
    toleranceFen: 1,
  };

  it('given 1,000,000 fen over 3 members recorded as 333,335 (2 fen off 333,333), when evaluating, then it raises the mismatch with the recomputed figure', () => {
    const facts = household({ incomes: [income(2023, 333_335, { netIncomeFen: 1_000_000, divisorMembers: 3 })] });
    expect(evaluate(rule, facts)).toEqual([
      {
        kind: 'data-quality',
        ruleId: 'data-quality.per-capita-recompute',
        ruleSetVersion: '51-2024.9',
        rule: 'income.per-capita-mismatch',
        field: 'incomes.perCapitaNetIncomeFen',
        evidence: [
          { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 333_335, threshold: 333_333 },
          { fact: 'incomes.latest.netIncomeFen', value: 1_000_000 },
          { fact: 'incomes.latest.divisorMembers', value: 3 },
        ],
      },
    ]);
  });

  it('given 333,334 (1 fen off, within the tolerance), or no divisor and no figure, when evaluating, then nothing is raised', () => {
    expect(
      evaluate(rule, household({ incomes: [income(2023, 333_334, { netIncomeFen: 1_000_000, divisorMembers: 3 })] })),
    ).toEqual([]);
    expect(
      evaluate(rule, household({ incomes: [income(2023, 0, { perCapitaNetIncomeFen: null, divisorMembers: 0 })] })),
    ).toEqual([]);
  });
});

describe('data quality: a registry warning', () => {
  const rule: DataQualityRule = {
    id: 'data-quality.rural-in-urban-committee',
    kind: 'registry-warning',
    warningRule: 'household.rural-in-urban-committee',
  };

  it('given the registry warns of a rural household in a residents’ committee, when evaluating, then it raises it at the warning’s field', () => {
    const warning = {
      rule: 'household.rural-in-urban-committee',
      field: 'villageCode',
      memberId: null,
      raisedOn: '2024-04-02',
    };
    expect(evaluate(rule, household({ openWarnings: [warning] }))[0]).toMatchObject({
      rule: 'household.rural-in-urban-committee',
      field: 'villageCode',
      evidence: [
        { fact: 'openWarnings.rule', value: 'household.rural-in-urban-committee' },
        { fact: 'openWarnings.memberId', value: null },
        { fact: 'openWarnings.raisedOn', value: '2024-04-02' },
      ],
    });
  });

  it('given only another rule’s warning, when evaluating, then nothing is raised', () => {
    const warning = {
      rule: 'schooling.age-mismatch',
      field: 'profile.schooling',
      memberId: 'member-1',
      raisedOn: '2024-04-02',
    };
    expect(evaluate(rule, household({ openWarnings: [warning] }))).toEqual([]);
  });
});

describe('data quality: labour lost without a health record', () => {
  const rule: DataQualityRule = { id: 'data-quality.lost-labour', kind: 'lost-labour-without-health-record' };

  it('given a healthy member whose labour is recorded as lost, when evaluating, then it raises it at the member’s health', () => {
    expect(evaluate(rule, household({ members: [member({ labourCapacity: 'lost' })] }))[0]).toMatchObject({
      rule: 'member.lost-labour-without-health-record',
      field: 'members.member-1.health',
    });
  });

  it('given the same member with a chronic illness on record, when evaluating, then nothing is raised', () => {
    expect(
      evaluate(rule, household({ members: [member({ labourCapacity: 'lost', health: { kind: 'chronic-illness' } })] })),
    ).toEqual([]);
  });
});

describe('data quality: an eliminated case with unsafe housing or a drop-out', () => {
  const rule: DataQualityRule = {
    id: 'data-quality.eliminated-but-insecure',
    kind: 'eliminated-but-insecure',
    housingGrades: ['C', 'D'],
  };
  const eliminated = { 'elimination-stability': { 'monitoring-state': 'eliminated-stable' } };

  it('given the field says eliminated and the housing is graded D, when evaluating, then it raises elimination.housing-unsafe', () => {
    const facts = household({ threePlusOne: { ...secured, housingGrade: 'D' } });
    expect(evaluate(rule, facts, eliminated)[0]).toMatchObject({
      rule: 'elimination.housing-unsafe',
      field: 'threePlusOne.housingGrade',
      evidence: [
        { fact: 'findings.elimination-stability.monitoring-state', value: 'eliminated-stable' },
        { fact: 'threePlusOne.housingGrade', value: 'D', threshold: 'C,D' },
      ],
    });
  });

  it('given the legacy record says eliminated and a member dropped out, when evaluating, then it raises elimination.drop-out at that member', () => {
    const legacy = {
      category: 'marginal-prone-to-poverty',
      identifiedOn: '2021-05-01',
      riskTypes: [],
      eliminated: true,
    };
    const facts = household({
      legacyMonitoring: legacy,
      members: [member({ memberId: 'member-7', schooling: 'dropped-out' })],
    });
    expect(evaluate(rule, facts)[0]).toMatchObject({
      rule: 'elimination.drop-out',
      field: 'members.member-7.schooling',
    });
  });

  it('given housing D on a household never monitored, or housing B on an eliminated one, when evaluating, then nothing is raised', () => {
    expect(
      evaluate(rule, household({ threePlusOne: { ...secured, housingGrade: 'D' } }), {
        'elimination-stability': { 'monitoring-state': 'not-monitored' },
      }),
    ).toEqual([]);
    expect(evaluate(rule, household({ threePlusOne: { ...secured, housingGrade: 'B' } }), eliminated)).toEqual([]);
  });
});

describe('data quality: findings that contradict the facts', () => {
  type Check = Extract<DataQualityRule, { kind: 'finding-contradicts-fact' }>['check'];
  const check = (id: string, which: Check): DataQualityRule => ({ id, kind: 'finding-contradicts-fact', check: which });

  it('given a reported drop-out while 3+1 says compulsory education is secured, when evaluating, then it raises the contradiction', () => {
    const rule = check('data-quality.dropout-vs-education', 'dropout-vs-education-secured');
    expect(evaluate(rule, household(), { 'latent-risks': { 'child-dropped-out': true } })[0]).toMatchObject({
      rule: 'findings.contradict-education-secured',
      field: 'threePlusOne.compulsoryEducationSecured',
      evidence: [
        { fact: 'findings.latent-risks.child-dropped-out', value: true },
        { fact: 'threePlusOne.compulsoryEducationSecured', value: true },
      ],
    });
    expect(
      evaluate(rule, household({ threePlusOne: { ...secured, compulsoryEducationSecured: false } }), {
        'latent-risks': { 'child-dropped-out': true },
      }),
    ).toEqual([]);
  });

  it('given housing reported safe while graded C, or unsafe while graded A, when evaluating, then each raises; safe and A does not', () => {
    const rule = check('data-quality.housing-vs-grade', 'housing-unsafe-vs-grade');
    expect(
      evaluate(rule, household({ threePlusOne: { ...secured, housingGrade: 'C' } }), {
        'latent-risks': { 'housing-safe': true },
      }),
    ).toHaveLength(1);
    expect(evaluate(rule, household(), { 'latent-risks': { 'housing-safe': false } })[0]).toMatchObject({
      rule: 'findings.contradict-housing-grade',
    });
    expect(evaluate(rule, household(), { 'latent-risks': { 'housing-safe': true } })).toEqual([]);
  });

  it('given unsafe water or missing insurance reported against a secured record, when evaluating, then each raises at the record’s field', () => {
    const water = check('data-quality.water-vs-record', 'water-unsafe-vs-record');
    const insurance = check('data-quality.insurance-vs-record', 'uninsured-vs-record');
    expect(evaluate(water, household(), { 'latent-risks': { 'drinking-water-safe': false } })[0]).toMatchObject({
      field: 'threePlusOne.drinkingWaterSafe',
    });
    expect(evaluate(insurance, household(), { 'latent-risks': { 'all-insured': false } })[0]).toMatchObject({
      field: 'threePlusOne.medicalInsuranceCovered',
    });
    expect(evaluate(water, household(), { 'latent-risks': { 'drinking-water-safe': true } })).toEqual([]);
  });

  it('given 3 members counted in the field against 2 on record, when evaluating, then it raises; 2 counted does not', () => {
    const rule = check('data-quality.members-count', 'members-count-vs-record');
    expect(evaluate(rule, household(), { 'data-quality': { 'members-present': 3 } })[0]?.evidence).toEqual([
      { fact: 'findings.data-quality.members-present', value: 3 },
      { fact: 'members.count', value: 2 },
    ]);
    expect(evaluate(rule, household(), { 'data-quality': { 'members-present': 2 } })).toEqual([]);
  });

  it('given the field says the record does not match, when evaluating, then it raises findings.record-mismatch', () => {
    const rule = check('data-quality.record-mismatch', 'record-mismatch-reported');
    expect(evaluate(rule, household(), { 'data-quality': { 'record-matches': false } })[0]).toMatchObject({
      rule: 'findings.record-mismatch',
      field: 'household',
    });
    expect(evaluate(rule, household(), { 'data-quality': { 'record-matches': true } })).toEqual([]);
  });
});
