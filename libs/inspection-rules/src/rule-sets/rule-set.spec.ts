import { DomainError } from '@relapse-watch/domain-kernel';
import { ruleSet } from '../testing/given';
import type { RuleSet } from './rule-set';
import { loadRuleSet, ruleSetOf } from './rule-set-registry';
import { validateRuleSet } from './rule-set.validation';

const fieldsAndCodes = (candidate: RuleSet) => validateRuleSet(candidate).map(({ field, code }) => ({ field, code }));

describe('the shipped rule sets', () => {
  it('given Sichuan 2024, when loading, then 51-2024.1 passes its own validation', () => {
    const sichuan = ruleSetOf('51', 2024);
    expect(sichuan.version).toBe('51-2024.1');
    expect(validateRuleSet(sichuan)).toEqual([]);
  });

  it('given Hubei 2024, when loading by version, then 42-2024.1 with its 1,241,200 fen filter line', () => {
    const hubei = ruleSetOf('42', 2024, '42-2024.1');
    expect(hubei.lines.inspectionFilterLineFen).toBe(1_241_200);
    expect(validateRuleSet(hubei)).toEqual([]);
  });

  it('given Sichuan 2026, when loading the year, then 51-2026.1: the 2024 rules with the year’s lines', () => {
    const sichuan = ruleSetOf('51', 2026);
    expect(sichuan.version).toBe('51-2026.1');
    expect(sichuan.lines).toEqual({ monitoringLineFen: 760_000, inspectionFilterLineFen: 1_050_000 });
    expect(sichuan.atRiskRules).toEqual(ruleSetOf('51', 2024).atRiskRules);
    expect(validateRuleSet(sichuan)).toEqual([]);
  });

  it('differ: lines, the income-drop share, the repeated-warnings count and the rectification deadlines', () => {
    const sichuan = ruleSetOf('51', 2024);
    const hubei = ruleSetOf('42', 2024);
    expect(sichuan.lines).toEqual({ monitoringLineFen: 740_000, inspectionFilterLineFen: 1_000_000 });
    expect(hubei.lines).toEqual({ monitoringLineFen: 720_000, inspectionFilterLineFen: 1_241_200 });
    const param = (set: RuleSet, id: string) => set.keyGroupRules.find((rule) => rule.id === id);
    expect(param(sichuan, 'key-group.income-drop')).toMatchObject({ dropShare: 0.3 });
    expect(param(hubei, 'key-group.income-drop')).toMatchObject({ dropShare: 0.2 });
    expect(param(sichuan, 'key-group.repeated-warnings')).toMatchObject({ minCount: 3 });
    expect(param(hubei, 'key-group.repeated-warnings')).toMatchObject({ minCount: 2 });
    expect(sichuan.rectificationRules.find((rule) => rule.id === 'rectification.policy-awareness')?.dueInDays).toBe(7);
    expect(hubei.rectificationRules.every((rule) => rule.dueInDays === 20)).toBe(true);
  });

  it('refuses a province, year or version not shipped with rule-set.unknown at ruleSetVersion', () => {
    for (const lookup of [
      () => ruleSetOf('11', 2024),
      () => ruleSetOf('51', 2023),
      () => ruleSetOf('51', 2024, '51-2024.7'),
    ])
      expect(lookup).toThrow(expect.objectContaining({ code: 'rule-set.unknown', field: 'ruleSetVersion' }));
  });
});

describe('validating a rule set', () => {
  it('given a bad version, province code, year and checklist, when validating, then each is refused', () => {
    expect(
      fieldsAndCodes(ruleSet({ version: '51-2024', provinceCode: '5', year: 2019, checklistVersion: '1999.1' })),
    ).toEqual([
      { field: 'ruleSet.provinceCode', code: 'rule-set.province-code' },
      { field: 'ruleSet.year', code: 'rule-set.year' },
      { field: 'ruleSet.version', code: 'rule-set.version-format' },
      { field: 'ruleSet.checklistVersion', code: 'rule-set.checklist-unknown' },
    ]);
  });

  it('given a filter line under the monitoring line and a fractional monitoring line, when validating, then both lines are refused', () => {
    expect(
      fieldsAndCodes(ruleSet({ lines: { monitoringLineFen: 700_000.5, inspectionFilterLineFen: 600_000 } })),
    ).toEqual([
      { field: 'ruleSet.lines.monitoringLineFen', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.lines.inspectionFilterLineFen', code: 'rule-set.filter-below-monitoring-line' },
    ]);
  });

  it('given a duplicate id, a wrong prefix, an unknown kind and out-of-range parameters, when validating, then every problem at its field', () => {
    const candidate = ruleSet({
      lines: { monitoringLineFen: 700_000, inspectionFilterLineFen: null },
      keyGroupRules: [
        { id: 'key-group.income-drop', kind: 'income-drop', dropShare: 1.2 },
        { id: 'key-group.income-drop', kind: 'income-drop', dropShare: 0.3 },
        { id: 'at-risk.disaster', kind: 'disaster', withinDays: 0, riskKinds: [], housingGrades: ['E'] },
        { id: 'key-group.below-filter-line', kind: 'below-filter-line', statuses: ['poverty-alleviated'] },
        { id: 'key-group.lottery', kind: 'lottery' } as unknown as RuleSet['keyGroupRules'][number],
      ],
      atRiskRules: [
        {
          id: 'at-risk.illness-without-labour',
          kind: 'illness-without-labour',
          maxDisabilityGrade: 5,
          labourCapacities: ['strong'],
        },
      ],
    });
    expect(fieldsAndCodes(candidate)).toEqual([
      { field: 'ruleSet.keyGroupRules.0.dropShare', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.keyGroupRules.1.id', code: 'rule-set.duplicate-rule-id' },
      { field: 'ruleSet.keyGroupRules.2.id', code: 'rule-set.rule-id' },
      { field: 'ruleSet.keyGroupRules.2.withinDays', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.keyGroupRules.2.riskKinds', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.keyGroupRules.2.housingGrades', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.keyGroupRules.3.kind', code: 'rule-set.filter-line-missing' },
      { field: 'ruleSet.keyGroupRules.4.kind', code: 'rule-set.unknown-kind' },
      { field: 'ruleSet.atRiskRules.0.maxDisabilityGrade', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.atRiskRules.0.labourCapacities', code: 'rule-set.parameter-invalid' },
    ]);
  });

  it('given rectification rules naming a question the area lacks, an answer the question does not allow and no problems, when validating, then each is refused', () => {
    const rectification = (problems: RuleSet['rectificationRules'][number]['problems'], id: string) => ({
      id,
      kind: 'area-problem' as const,
      area: 'policy-awareness' as const,
      problems,
      ownerUnit: 'village',
      dueInDays: 7,
    });
    const candidate = ruleSet({
      rectificationRules: [
        rectification([{ question: 'housing-safe', answer: false }], 'rectification.a'),
        rectification([{ question: 'application-guide', answer: 'no' }], 'rectification.b'),
        rectification([], 'rectification.c'),
      ],
    });
    expect(fieldsAndCodes(candidate)).toEqual([
      { field: 'ruleSet.rectificationRules.0.problems.0.question', code: 'rule-set.unknown-question' },
      { field: 'ruleSet.rectificationRules.1.problems.0.answer', code: 'rule-set.parameter-invalid' },
      { field: 'ruleSet.rectificationRules.2.problems', code: 'rule-set.parameter-invalid' },
    ]);
  });

  it('given a data-quality check not known and rules that are not a list, when validating, then both are refused', () => {
    const candidate = ruleSet({
      keyGroupRules: 'all of them' as unknown as RuleSet['keyGroupRules'],
      dataQualityRules: [
        { id: 'data-quality.horoscope', kind: 'finding-contradicts-fact', check: 'horoscope' as never },
      ],
    });
    expect(fieldsAndCodes(candidate)).toEqual([
      { field: 'ruleSet.keyGroupRules', code: 'rule-set.malformed' },
      { field: 'ruleSet.dataQualityRules.0.check', code: 'rule-set.parameter-invalid' },
    ]);
  });

  it('given a broken rule set, when loading, then one DomainError carries every problem', () => {
    const broken = ruleSet({
      version: 'x',
      keyGroupRules: [{ id: 'key-group.income-drop', kind: 'income-drop', dropShare: 0 }],
    });
    let caught: unknown;
    try {
      loadRuleSet(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).problems.map((problem) => problem.code)).toEqual([
      'rule-set.version-format',
      'rule-set.parameter-invalid',
    ]);
  });
});
