import type { EliminationIncomeRecord } from './risk-elimination.input';
import { DEFAULT_RISK_ELIMINATION_POLICY } from './risk-elimination.policy';
import {
  ABOVE,
  BELOW,
  check,
  codes,
  ELIGIBLE,
  MONTH_ENDS_2025,
  ON_LINE,
  rolling,
} from './testing/risk-elimination.fixtures';

describe('checkRiskElimination: income', () => {
  describe('latest income against that year’s line', () => {
    it('refuses a latest figure equal to the line, with the figure, the line and the year as evidence', () => {
      const incomes = [...MONTH_ENDS_2025.slice(0, 5).map((d) => rolling(d)), rolling('2025-06-30', ON_LINE)];
      const [reason, unstable] = check({ incomes }).reasons;
      expect(reason).toEqual({
        code: 'elimination.income-below-line',
        field: 'incomes',
        message:
          '最新人均纯收入未高于2025年监测线（7200.00元） / The latest per-capita net income is not above the 2025 line (7200.00 yuan)',
        evidence: {
          period: { kind: 'twelve-months', endingOn: '2025-06-30' },
          year: 2025,
          perCapitaNetIncomeFen: 720_000,
          lineFen: 720_000,
        },
      });
      expect(unstable.evidence).toEqual({
        monthsRequired: 6,
        monthsStable: 0,
        window: { from: '2025-01', to: '2025-06' },
        brokenAt: { month: '2025-06', cause: 'not-above-line' },
      });
    });

    it('takes one fen above the line as above it (the registry has rounded the figure already)', () => {
      const incomes = [...MONTH_ENDS_2025.slice(0, 5).map((d) => rolling(d)), rolling('2025-06-30', ON_LINE + 1)];
      expect(check({ incomes })).toEqual({ allowed: true, reasons: [] });
    });

    it('takes a record without a figure (nobody left to divide by) as no observation of its month', () => {
      const incomes = [...MONTH_ENDS_2025.slice(0, 5).map((d) => rolling(d)), rolling('2025-06-30', null)];
      expect(codes({ incomes })).toEqual(['elimination.income-not-stable']);
    });

    it('names no household figure in the message, only the line', () => {
      const incomes = [...MONTH_ENDS_2025.slice(0, 5).map((d) => rolling(d)), rolling('2025-06-30', BELOW)];
      const [reason] = check({ incomes }).reasons;
      expect(reason.message).not.toContain('7000');
      expect(reason.evidence).toMatchObject({ perCapitaNetIncomeFen: 700_000, lineFen: 720_000 });
    });

    it('takes a record ending in today’s month as the latest, though the month does not count for stability yet', () => {
      const incomes = [...ELIGIBLE.incomes, rolling('2025-07-10', BELOW)];
      expect(codes({ incomes })).toEqual(['elimination.income-below-line']);
    });

    it('leaves out a period that has not ended by today (an estimate)', () => {
      const estimate: EliminationIncomeRecord = {
        period: { kind: 'calendar-year', year: 2025 },
        perCapitaNetIncomeFen: BELOW,
      };
      expect(codes({ incomes: [...ELIGIBLE.incomes, estimate] })).toEqual([]);
    });

    it('takes the lower of two figures for the same period end', () => {
      const incomes = [...ELIGIBLE.incomes, rolling('2025-06-30', BELOW)];
      expect(check({ incomes }).reasons[0].evidence).toMatchObject({ perCapitaNetIncomeFen: 700_000 });
    });

    it('refuses when the year of the latest figure has no line, and the stability check says so too', () => {
      const result = check({ monitoringLinesFen: { 2024: 690_000 } });
      expect(result.reasons.map((r) => [r.code, r.evidence])).toEqual([
        ['elimination.line-not-configured', { year: 2025 }],
        [
          'elimination.income-not-stable',
          {
            monthsRequired: 6,
            monthsStable: 0,
            window: { from: '2025-01', to: '2025-06' },
            brokenAt: { month: '2025-06', cause: 'line-not-configured' },
          },
        ],
      ]);
      expect(result.reasons[0].message).toBe('2025年监测线尚未配置 / The monitoring line of 2025 is not configured');
    });

    it('refuses without any income record of an ended period', () => {
      expect(codes({ incomes: [] })).toEqual(['elimination.no-income-record', 'elimination.income-not-stable']);
    });
  });

  describe('stable income for six months', () => {
    // February below the line, March to June above: stable only four months on 2025-07-15.
    const fourMonths = MONTH_ENDS_2025.map((day) => rolling(day, day === '2025-02-28' ? BELOW : ABOVE));

    it('refuses income stable only four months, with the months covered', () => {
      const [reason] = check({ incomes: fourMonths }).reasons;
      expect(reason).toEqual({
        code: 'elimination.income-not-stable',
        field: 'incomes',
        message:
          '收入稳定高于监测线仅连续4个月，须满6个月 / Income stayed above the line for 4 consecutive months; 6 are required',
        evidence: {
          monthsRequired: 6,
          monthsStable: 4,
          window: { from: '2025-01', to: '2025-06' },
          brokenAt: { month: '2025-02', cause: 'not-above-line' },
        },
      });
    });

    it('allows the same household two months later, when July and August stayed above', () => {
      const later = [...fourMonths, rolling('2025-07-31'), rolling('2025-08-31')];
      expect(check({ incomes: later, today: '2025-09-03' })).toEqual({ allowed: true, reasons: [] });
    });

    it('allows four months where the province asks for three', () => {
      const policy = { ...DEFAULT_RISK_ELIMINATION_POLICY, stableIncomeMonths: 3 };
      expect(codes({ incomes: fourMonths, policy })).toEqual([]);
    });

    it.each([
      ['a month without an observation', ['2025-04-30'], [], 2, '2025-04', 'no-record'],
      ['a month with a second observation at or below the line', [], ['2025-05-31'], 1, '2025-05', 'not-above-line'],
    ])('breaks the run at %s', (_what, dropped: string[], belowToo: string[], stable, month, cause) => {
      const incomes = [
        ...MONTH_ENDS_2025.filter((d) => !dropped.includes(d)).map((d) => rolling(d)),
        ...belowToo.map((d) => rolling(d, BELOW)),
      ];
      expect(check({ incomes }).reasons.map((r) => r.evidence)).toEqual([
        {
          monthsRequired: 6,
          monthsStable: stable,
          window: { from: '2025-01', to: '2025-06' },
          brokenAt: { month, cause },
        },
      ]);
    });

    it('measures each month against the line of its own year across a new year', () => {
      // On 2025-03-05 the window is 2024-09 … 2025-02; 7,000 is above 2024's 6,900 but not 2025's 7,200.
      const autumn = ['2024-09-30', '2024-10-31', '2024-11-30'].map((d) => rolling(d, BELOW));
      const december: EliminationIncomeRecord = {
        period: { kind: 'calendar-year', year: 2024 },
        perCapitaNetIncomeFen: BELOW,
      };
      const today = '2025-03-05';
      const stable = [...autumn, december, rolling('2025-01-31'), rolling('2025-02-28')];
      expect(codes({ incomes: stable, today })).toEqual([]);
      const januaryBelow = [...autumn, december, rolling('2025-01-31', BELOW), rolling('2025-02-28')];
      expect(check({ incomes: januaryBelow, today }).reasons.map((r) => r.evidence)).toEqual([
        {
          monthsRequired: 6,
          monthsStable: 1,
          window: { from: '2024-09', to: '2025-02' },
          brokenAt: { month: '2025-01', cause: 'not-above-line' },
        },
      ]);
    });
  });
});
