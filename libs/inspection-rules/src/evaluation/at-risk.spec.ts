import type { AtRiskRule } from '../rule-sets/rule-set';
import { household, income, member, ruleSet, TODAY } from '../testing/given';
import { evaluateHousehold } from './evaluate-household';

const alleviated = { kind: 'poverty-alleviated', yearLeftPoverty: 2018 } as const;
const evaluate = (rule: AtRiskRule, facts = household(), findings = {}) =>
  evaluateHousehold({ facts, findings, ruleSet: ruleSet({ atRiskRules: [rule] }), today: TODAY });

describe('at risk: income below the monitoring line', () => {
  const rule: AtRiskRule = { id: 'at-risk.income-below-line', kind: 'income-below-line', riskEventWithinDays: 365 };

  it('given a poverty-alleviated household at 699,999 fen under a 700,000 line with an illness this year, when evaluating, then it suggests unstable poverty-alleviated for illness', () => {
    const facts = household({
      status: alleviated,
      incomes: [income(2023, 699_999)],
      riskEvents: [{ riskEventId: 'event-1', kind: 'illness', occurredOn: '2024-03-01', lossFen: 0 }],
    });
    expect(evaluate(rule, facts)).toEqual([
      {
        kind: 'at-risk',
        ruleId: 'at-risk.income-below-line',
        ruleSetVersion: '51-2024.9',
        category: 'unstable-poverty-alleviated',
        riskTypes: ['illness'],
        evidence: [{ fact: 'incomes.latest.perCapitaNetIncomeFen', value: 699_999, threshold: 700_000 }],
      },
    ]);
  });

  it('given an ordinary household whose records are above the line but the field estimate is 650,000 fen, when evaluating, then it suggests marginal on the finding', () => {
    const [suggestion] = evaluate(rule, household(), { income: { 'per-capita-estimate': 650_000 } });
    expect(suggestion).toMatchObject({
      category: 'marginal-prone-to-poverty',
      riskTypes: [],
      evidence: [{ fact: 'findings.income.per-capita-estimate', value: 650_000, threshold: 700_000 }],
    });
  });

  it('given exactly the line, when evaluating, then nothing is suggested', () => {
    expect(
      evaluate(rule, household({ incomes: [income(2023, 700_000)] }), { income: { 'per-capita-estimate': 700_000 } }),
    ).toEqual([]);
  });
});

describe('at risk: unstable income', () => {
  const rule: AtRiskRule = { id: 'at-risk.income-unstable', kind: 'income-unstable', dropShare: 0.2, bandFactor: 1.5 };

  it('given 1,000,000 → 749,000 fen (a 25.1 % drop, inside the 1,050,000 band over a 700,000 line), when evaluating, then it suggests the category by status', () => {
    const facts = household({ status: alleviated, incomes: [income(2022, 1_000_000), income(2023, 749_000)] });
    const [suggestion] = evaluate(rule, facts);
    expect(suggestion).toMatchObject({ category: 'unstable-poverty-alleviated', riskTypes: [] });
    expect(suggestion?.evidence).toEqual([
      { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 749_000, threshold: 1_050_000 },
      { fact: 'incomes.previous.perCapitaNetIncomeFen', value: 1_000_000 },
      { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 749_000 },
      { fact: 'perCapitaDropShare', value: 0.251, threshold: 0.2 },
    ]);
  });

  it('given a drop reported in the field for job loss at 800,000 fen, when evaluating, then it suggests with the unstable-work risk type', () => {
    const facts = household({ incomes: [income(2023, 800_000)] });
    const [suggestion] = evaluate(rule, facts, { income: { 'income-dropped': true, 'drop-reason': 'job-loss' } });
    expect(suggestion).toMatchObject({ category: 'marginal-prone-to-poverty', riskTypes: ['unstable-work'] });
  });

  it('given a reported drop at exactly the band (1,050,000) or below the line, or no drop at 800,000, when evaluating, then nothing is suggested', () => {
    const dropped = { income: { 'income-dropped': true } };
    expect(evaluate(rule, household({ incomes: [income(2023, 1_050_000)] }), dropped)).toEqual([]);
    expect(evaluate(rule, household({ incomes: [income(2023, 699_999)] }), dropped)).toEqual([]);
    expect(evaluate(rule, household({ incomes: [income(2022, 800_000), income(2023, 800_000)] }))).toEqual([]);
  });
});

describe('at risk: rigid expenditure', () => {
  const rule: AtRiskRule = {
    id: 'at-risk.rigid-expenditure',
    kind: 'rigid-expenditure',
    shareOfNetIncome: 0.5,
    amountFen: 3_000_000,
    withinDays: 365,
  };
  const spending = (medical: number, education: number, recordedOn = '2024-06-30') => ({
    period: { kind: 'calendar-year' as const, year: 2024 },
    medicalAfterReimbursementFen: medical,
    educationFen: education,
    disasterLossFen: 0,
    totalFen: medical + education,
    recordedOn,
  });

  it('given 1,500,001 fen of medical and school costs against a net income of 3,000,000, when evaluating, then it suggests sudden severe hardship for illness and schooling', () => {
    const facts = household({ rigidExpenditures: [spending(1_000_001, 500_000)] });
    expect(evaluate(rule, facts)).toEqual([
      {
        kind: 'at-risk',
        ruleId: 'at-risk.rigid-expenditure',
        ruleSetVersion: '51-2024.9',
        category: 'sudden-severe-hardship',
        riskTypes: ['illness', 'schooling-cost'],
        evidence: [
          { fact: 'rigidExpenditures.latest.totalFen', value: 1_500_001, threshold: 3_000_000 },
          { fact: 'incomes.latest.netIncomeFen', value: 3_000_000 },
          { fact: 'rigidExpenditureShareOfNetIncome', value: 1_500_001 / 3_000_000, threshold: 0.5 },
        ],
      },
    ]);
  });

  it('given a self-paid medical bill of 3,000,001 fen reported in the field, when evaluating, then it suggests on the finding', () => {
    const [suggestion] = evaluate(rule, household(), { 'latent-risks': { 'self-paid-medical': 3_000_001 } });
    expect(suggestion).toMatchObject({ category: 'sudden-severe-hardship', riskTypes: ['illness'] });
  });

  it('given exactly half the net income, or a larger bill recorded 366 days ago, when evaluating, then nothing is suggested', () => {
    expect(evaluate(rule, household({ rigidExpenditures: [spending(1_500_000, 0)] }))).toEqual([]);
    expect(evaluate(rule, household({ rigidExpenditures: [spending(2_000_000, 0, '2023-08-20')] }))).toEqual([]);
  });
});

describe('at risk: serious illness or disability without labour', () => {
  const rule: AtRiskRule = {
    id: 'at-risk.illness-without-labour',
    kind: 'illness-without-labour',
    maxDisabilityGrade: 2,
    labourCapacities: ['skilled', 'ordinary'],
  };

  it('given a seriously ill head and a spouse of weak labour, when evaluating, then it suggests for illness and lack of labour', () => {
    const facts = household({
      members: [
        member({ health: { kind: 'serious-illness' }, labourCapacity: 'lost' }),
        member({ memberId: 'member-2', labourCapacity: 'weak' }),
      ],
    });
    expect(evaluate(rule, facts)[0]).toMatchObject({
      category: 'marginal-prone-to-poverty',
      riskTypes: ['illness', 'lack-of-labour'],
      evidence: [
        { fact: 'members.member-1.health', value: 'serious-illness' },
        { fact: 'members.withLabour', value: 0, threshold: 'skilled,ordinary' },
      ],
    });
  });

  it('given the same household with one ordinary labourer, or a grade-3 disability, when evaluating, then nothing is suggested', () => {
    expect(
      evaluate(
        rule,
        household({
          members: [
            member({ health: { kind: 'serious-illness' }, labourCapacity: 'lost' }),
            member({ memberId: 'member-2' }),
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      evaluate(
        rule,
        household({ members: [member({ health: { kind: 'disabled', grade: 3 }, labourCapacity: 'none' })] }),
      ),
    ).toEqual([]);
  });
});

describe('at risk: 3+1 not secured', () => {
  const rule: AtRiskRule = {
    id: 'at-risk.three-plus-one-not-secured',
    kind: 'three-plus-one-not-secured',
    housingGrades: ['C', 'D'],
  };

  it('given housing graded C on record and unsafe water reported in the field, when evaluating, then it suggests for both', () => {
    const facts = household({ threePlusOne: { ...household().threePlusOne!, housingGrade: 'C' } });
    expect(evaluate(rule, facts, { 'latent-risks': { 'drinking-water-safe': false } })[0]).toMatchObject({
      category: 'marginal-prone-to-poverty',
      riskTypes: ['housing-insecure', 'drinking-water-insecure'],
      evidence: [
        { fact: 'threePlusOne.housingGrade', value: 'C', threshold: 'C,D' },
        { fact: 'findings.latent-risks.drinking-water-safe', value: false },
      ],
    });
  });

  it('given grade B and safe answers, when evaluating, then nothing is suggested', () => {
    const facts = household({ threePlusOne: { ...household().threePlusOne!, housingGrade: 'B' } });
    expect(evaluate(rule, facts, { 'latent-risks': { 'housing-safe': true, 'child-dropped-out': false } })).toEqual([]);
  });
});

describe('at risk: the field reports a relapse risk', () => {
  const rule: AtRiskRule = { id: 'at-risk.relapse-risk-finding', kind: 'relapse-risk-finding' };

  it('given a risk with sudden hardship from an accident, when evaluating, then it suggests sudden severe hardship for accident', () => {
    const findings = {
      'relapse-risk': { 'risk-present': true, 'sudden-hardship': true, 'main-risk-kind': 'accident' },
    };
    expect(evaluate(rule, household({ status: alleviated }), findings)[0]).toMatchObject({
      category: 'sudden-severe-hardship',
      riskTypes: ['accident'],
      evidence: [
        { fact: 'findings.relapse-risk.risk-present', value: true },
        { fact: 'findings.relapse-risk.sudden-hardship', value: true },
      ],
    });
  });

  it('given a risk without sudden hardship, when evaluating, then the category follows the base status; given no risk, nothing', () => {
    const risk = { 'relapse-risk': { 'risk-present': true, 'sudden-hardship': false } };
    expect(evaluate(rule, household({ status: alleviated }), risk)[0]).toMatchObject({
      category: 'unstable-poverty-alleviated',
      riskTypes: [],
    });
    expect(evaluate(rule, household(), { 'relapse-risk': { 'risk-present': false } })).toEqual([]);
  });
});
