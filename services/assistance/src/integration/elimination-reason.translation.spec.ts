import { createContractValidator } from '@relapse-watch/contracts/testing';
import { checkRiskElimination } from '../domain/risk-elimination/risk-elimination.guard';
import type { EliminationReason } from '../domain/risk-elimination/risk-elimination.reasons';
import { BELOW, ELIGIBLE, rolling } from '../domain/risk-elimination/testing/risk-elimination.fixtures';
import { guardReasonV1 } from './elimination-reason.translation';

// Every reason code the guard has, from the guard itself, published inside an EliminationRefused
// and checked against its schema; the evidence expected is written out from the inputs below.
const validator = createContractValidator();
const REFUSED = {
  caseId: '0193a1b2-0000-7000-8000-000000000001',
  householdId: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
  villageCode: '511923102202',
  on: '2025-07-15',
  actor: { role: 'township-official' },
};

function published(reasons: readonly EliminationReason[]) {
  const data = { ...REFUSED, reasons: reasons.map(guardReasonV1) };
  expect(validator.validate('cn.relapsewatch.assistance.EliminationRefused.v1', data)).toEqual({ valid: true });
  return data.reasons;
}

it('publishes what fails everything: no labour, no income, unresolved spending, every 3+1 item, a risk not gone', () => {
  const { reasons } = checkRiskElimination({
    ...ELIGIBLE,
    members: [
      { memberId: 'p-1', labourCapacity: 'lost' },
      { memberId: 'p-2', labourCapacity: 'none' },
    ],
    incomes: [],
    rigidExpenditures: [{ itemId: 'r-1', kind: 'medical', amountFen: 1_856_000, resolved: false }],
    threePlusOne: {
      foodAndClothingSecured: false,
      compulsoryEducationSecured: false,
      medicalInsuranceCovered: false,
      housingGrade: 'D',
      drinkingWaterSafe: false,
    },
    riskTypes: [{ code: 'illness', gone: false }],
  });
  const out = published(reasons);
  expect(out.map((r) => [r.code, r.evidence])).toEqual([
    [
      'elimination.no-labour-capacity',
      [
        { fact: 'members.0.labourCapacity', value: 'lost', threshold: null },
        { fact: 'members.1.labourCapacity', value: 'none', threshold: null },
      ],
    ],
    ['elimination.no-income-record', [{ fact: 'today', value: '2025-07-15', threshold: null }]],
    [
      'elimination.income-not-stable',
      [
        { fact: 'incomes.monthsStable', value: 0, threshold: 6 },
        { fact: 'incomes.window.from', value: '2025-01', threshold: null },
        { fact: 'incomes.window.to', value: '2025-06', threshold: null },
        { fact: 'incomes.brokenAt.month', value: '2025-06', threshold: null },
        { fact: 'incomes.brokenAt.cause', value: 'no-record', threshold: null },
      ],
    ],
    [
      'elimination.rigid-spending-unresolved',
      [
        { fact: 'rigidExpenditures.itemId', value: 'r-1', threshold: null },
        { fact: 'rigidExpenditures.kind', value: 'medical', threshold: null },
        { fact: 'rigidExpenditures.amountFen', value: 1_856_000, threshold: null },
      ],
    ],
    [
      'elimination.three-plus-one-not-secured',
      [{ fact: 'threePlusOne.item', value: 'food-clothing', threshold: null }],
    ],
    [
      'elimination.three-plus-one-not-secured',
      [{ fact: 'threePlusOne.item', value: 'compulsory-education', threshold: null }],
    ],
    ['elimination.three-plus-one-not-secured', [{ fact: 'threePlusOne.item', value: 'medical', threshold: null }]],
    [
      'elimination.three-plus-one-not-secured',
      [
        { fact: 'threePlusOne.item', value: 'housing', threshold: null },
        { fact: 'threePlusOne.housingGrade', value: 'D', threshold: null },
      ],
    ],
    [
      'elimination.three-plus-one-not-secured',
      [{ fact: 'threePlusOne.item', value: 'drinking-water', threshold: null }],
    ],
    ['elimination.risk-not-gone', [{ fact: 'riskTypes.code', value: 'illness', threshold: null }]],
  ]);
  expect(out[7]).toMatchObject({
    field: 'threePlusOne.housingGrade',
    message: '住房安全（D级危房）未保障 / 3+1 not secured: safe housing (grade D, dangerous)',
  });
  // Member ids (p-1, p-2) are the registry's, about people: they never appear.
  expect(JSON.stringify(out)).not.toMatch(/p-1|p-2/);
});

it('publishes an income below the line against the line, with its period', () => {
  // 7,000.00 yuan per capita for the twelve months to 2025-06-30, against the 2025 line of 7,200.00.
  const incomes = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30'].map((day) =>
    rolling(day, day === '2025-06-30' ? BELOW : undefined),
  );
  const { reasons } = checkRiskElimination({ ...ELIGIBLE, incomes });
  expect(published(reasons)[0]).toEqual({
    code: 'elimination.income-below-line',
    field: 'incomes',
    message:
      '最新人均纯收入未高于2025年监测线（7200.00元） / The latest per-capita net income is not above the 2025 line (7200.00 yuan)',
    evidence: [
      { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 700_000, threshold: 720_000 },
      { fact: 'incomes.latest.year', value: 2025, threshold: null },
      { fact: 'incomes.latest.period.kind', value: 'twelve-months', threshold: null },
      { fact: 'incomes.latest.period.endingOn', value: '2025-06-30', threshold: null },
    ],
  });
});

it('publishes a year without a line, a calendar-year period, and a 3+1 never assessed with no evidence', () => {
  const calendarYear = { period: { kind: 'calendar-year' as const, year: 2026 }, perCapitaNetIncomeFen: BELOW };
  const { reasons } = checkRiskElimination({
    ...ELIGIBLE,
    incomes: [calendarYear],
    threePlusOne: null,
    today: '2027-03-01',
  });
  const out = published(reasons);
  expect(out.find((r) => r.code === 'elimination.line-not-configured')?.evidence).toEqual([
    { fact: 'incomes.latest.year', value: 2026, threshold: null },
  ]);
  expect(out.find((r) => r.code === 'elimination.three-plus-one-not-assessed')?.evidence).toEqual([]);
});
