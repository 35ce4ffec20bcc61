import { checkRiskElimination } from './risk-elimination.guard';
import { DEFAULT_RISK_ELIMINATION_POLICY } from './risk-elimination.policy';
import { BELOW, check, codes, ELIGIBLE, MONTH_ENDS_2025, rolling } from './testing/risk-elimination.fixtures';

describe('checkRiskElimination', () => {
  it('allows a household that meets every condition', () => {
    expect(checkRiskElimination(ELIGIBLE)).toEqual({ allowed: true, reasons: [] });
  });

  describe('labour capacity', () => {
    it('never eliminates a household without labour capacity: it stays tracked', () => {
      const result = check({
        members: [
          { memberId: 'p-1', labourCapacity: 'lost' },
          { memberId: 'p-2', labourCapacity: 'none' },
        ],
      });
      expect(result).toEqual({
        allowed: false,
        reasons: [
          {
            code: 'elimination.no-labour-capacity',
            field: 'members',
            message:
              '家庭无劳动能力：不标注风险消除，持续跟踪监测 / The household has no labour capacity: it is never marked eliminated, only kept under tracking',
            evidence: { labourCapacities: ['lost', 'none'] },
          },
        ],
      });
    });

    it('counts weak labour by default, and not where the province’s policy leaves it out', () => {
      const members = [{ memberId: 'p-1', labourCapacity: 'weak' as const }];
      expect(codes({ members })).toEqual([]);
      const policy = { ...DEFAULT_RISK_ELIMINATION_POLICY, labourCapacitiesCounted: ['skilled', 'ordinary'] as const };
      expect(codes({ members, policy })).toEqual(['elimination.no-labour-capacity']);
    });
  });

  describe('rigid spending, 3+1, risks', () => {
    it('refuses each unresolved large rigid spending item, naming it', () => {
      const rigidExpenditures = [
        { itemId: 'r-1', kind: 'medical', amountFen: 4_500_000, resolved: true },
        { itemId: 'r-2', kind: 'education', amountFen: 1_200_000, resolved: false },
      ] as const;
      expect(check({ rigidExpenditures }).reasons).toEqual([
        {
          code: 'elimination.rigid-spending-unresolved',
          field: 'rigidExpenditures',
          message: '大额刚性支出（教育支出）尚未化解 / Large rigid spending (education cost) is not resolved',
          evidence: { itemId: 'r-2', kind: 'education', amountFen: 1_200_000 },
        },
      ]);
    });

    it.each([
      ['food', { foodAndClothingSecured: false }, 'threePlusOne.foodAndClothingSecured', { item: 'food-clothing' }],
      [
        'a drop-out',
        { compulsoryEducationSecured: false },
        'threePlusOne.compulsoryEducationSecured',
        { item: 'compulsory-education' },
      ],
      [
        'an uninsured member',
        { medicalInsuranceCovered: false },
        'threePlusOne.medicalInsuranceCovered',
        { item: 'medical' },
      ],
      ['housing graded C', { housingGrade: 'C' }, 'threePlusOne.housingGrade', { item: 'housing', housingGrade: 'C' }],
      ['housing graded D', { housingGrade: 'D' }, 'threePlusOne.housingGrade', { item: 'housing', housingGrade: 'D' }],
      ['unsafe water', { drinkingWaterSafe: false }, 'threePlusOne.drinkingWaterSafe', { item: 'drinking-water' }],
    ] as const)('refuses 3+1 not secured: %s', (_what, change, field, evidence) => {
      const threePlusOne = { ...ELIGIBLE.threePlusOne!, ...change };
      expect(check({ threePlusOne }).reasons.map((r) => [r.code, r.field, r.evidence])).toEqual([
        ['elimination.three-plus-one-not-secured', field, evidence],
      ]);
    });

    it('says which grade makes the housing unsafe', () => {
      const threePlusOne = { ...ELIGIBLE.threePlusOne!, housingGrade: 'C' as const };
      expect(check({ threePlusOne }).reasons[0].message).toBe(
        '住房安全（C级危房）未保障 / 3+1 not secured: safe housing (grade C, dangerous)',
      );
    });

    it('accepts housing graded A', () => {
      expect(codes({ threePlusOne: { ...ELIGIBLE.threePlusOne!, housingGrade: 'A' } })).toEqual([]);
    });

    it('refuses a household whose 3+1 was never assessed', () => {
      expect(codes({ threePlusOne: null })).toEqual(['elimination.three-plus-one-not-assessed']);
    });

    it('refuses each risk type not marked gone', () => {
      const riskTypes = [
        { code: 'illness', gone: true },
        { code: 'natural-disaster', gone: false },
      ];
      expect(check({ riskTypes }).reasons.map((r) => [r.code, r.evidence, r.message])).toEqual([
        [
          'elimination.risk-not-gone',
          { riskType: 'natural-disaster' },
          '风险（natural-disaster）尚未消除 / The risk (natural-disaster) is not gone',
        ],
      ]);
    });
  });

  it('reports every failing reason at once, in the order of the rules', () => {
    const result = check({
      members: [{ memberId: 'p-1', labourCapacity: 'lost' }],
      incomes: MONTH_ENDS_2025.map((d) => rolling(d, BELOW)),
      rigidExpenditures: [{ itemId: 'r-1', kind: 'disaster-loss', amountFen: 800_000, resolved: false }],
      threePlusOne: { ...ELIGIBLE.threePlusOne!, housingGrade: 'D', drinkingWaterSafe: false },
      riskTypes: [{ code: 'illness', gone: false }],
    });
    expect(result.allowed).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'elimination.no-labour-capacity',
      'elimination.income-below-line',
      'elimination.income-not-stable',
      'elimination.rigid-spending-unresolved',
      'elimination.three-plus-one-not-secured',
      'elimination.three-plus-one-not-secured',
      'elimination.risk-not-gone',
    ]);
  });
});
