import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { AddProvinceRiskType, SetPerCapitaDivisorRule } from './province-policy.commands';
import { provincePolicyDecider } from './province-policy.decider';
import type { ProvincePolicyEvent } from './province-policy.events';
import { divisorRuleInForceOn, divisorRuleSettingOn, riskTypesOf } from './province-policy.queries';

const spec = deciderSpecification(provincePolicyDecider);
const scope = { provinceCode: '51', year: 2024 };
const DOC = '川乡振发〔2024〕20号';

const setRule = (data: Partial<SetPerCapitaDivisorRule['data']> = {}): SetPerCapitaDivisorRule => ({
  type: 'SetPerCapitaDivisorRule',
  data: { ...scope, rule: 'resident-members', effectiveFrom: '2024-07-01', sourceDocument: DOC, ...data },
});
const ruleSet: ProvincePolicyEvent = {
  type: 'PerCapitaDivisorRuleSet',
  data: { ...scope, rule: 'resident-members', effectiveFrom: '2024-07-01', sourceDocument: DOC },
};
const addType = (data: Partial<AddProvinceRiskType['data']> = {}): AddProvinceRiskType => ({
  type: 'AddProvinceRiskType',
  data: {
    ...scope,
    localCode: 'farm-price-drop',
    labelZh: '因农产品价格下跌',
    labelEn: 'Farm-price drop',
    sourceDocument: DOC,
    ...data,
  },
});
const typeAdded: ProvincePolicyEvent = {
  type: 'ProvinceRiskTypeAdded',
  data: {
    ...scope,
    code: '51.farm-price-drop',
    labelZh: '因农产品价格下跌',
    labelEn: 'Farm-price drop',
    sourceDocument: DOC,
  },
};

describe('SetPerCapitaDivisorRule', () => {
  it('when set, then PerCapitaDivisorRuleSet', () => {
    spec.given([]).when(setRule()).thenEmits([ruleSet]);
  });

  it('given the same setting, when set again, then nothing happens', () => {
    spec.given([ruleSet]).when(setRule()).thenEmitsNothing();
  });

  it('given a setting, when set back, then a new version keeps the history', () => {
    spec
      .given([ruleSet])
      .when(setRule({ rule: 'household-members', effectiveFrom: '2024-10-01' }))
      .thenEmits([
        {
          type: 'PerCapitaDivisorRuleSet',
          data: { ...scope, rule: 'household-members', effectiveFrom: '2024-10-01', sourceDocument: DOC },
        },
      ]);
  });

  it.each([
    ['an unknown rule', { rule: 'everyone' }, 'divisor-rule.unknown', 'rule'],
    ['a date outside the year', { effectiveFrom: '2025-01-01' }, 'policy.effective-date-outside-year', 'effectiveFrom'],
    ['no source document', { sourceDocument: ' ' }, 'policy.source-document-required', 'sourceDocument'],
    ['a malformed province', { provinceCode: '5' }, 'policy.province-code', 'provinceCode'],
  ] as const)('when set with %s, then it is refused', (_case, data, code, field) => {
    spec
      .given([])
      .when(setRule(data as Partial<SetPerCapitaDivisorRule['data']>))
      .thenRejects({ code, field });
  });

  it('is in force from its date; before any setting the default (household members) holds', () => {
    const state = spec.given([ruleSet]).state();
    expect(divisorRuleInForceOn(state, '2024-06-30')).toBe('household-members');
    expect(divisorRuleSettingOn(state, '2024-06-30')).toBeNull();
    expect(divisorRuleInForceOn(state, '2024-07-01')).toBe('resident-members');
    expect(divisorRuleInForceOn(spec.given([]).state(), '2024-07-01')).toBe('household-members');
  });
});

describe('AddProvinceRiskType', () => {
  it('when added, then ProvinceRiskTypeAdded with the province’s code, listed after the national types', () => {
    spec.given([]).when(addType()).thenEmits([typeAdded]);
    const types = riskTypesOf(spec.given([typeAdded]).state());
    expect(types[0]).toMatchObject({ code: 'illness', provinceCode: null });
    expect(types.at(-1)).toEqual({
      code: '51.farm-price-drop',
      label: { 'zh-CN': '因农产品价格下跌', en: 'Farm-price drop' },
      provinceCode: '51',
      threePlusOne: false,
    });
  });

  it('given it was added, when the same type comes again, then nothing happens', () => {
    spec.given([typeAdded]).when(addType()).thenEmitsNothing();
  });

  it('given it was added, when the code comes with other labels, then it is refused', () => {
    spec
      .given([typeAdded])
      .when(addType({ labelZh: '因价格下跌' }))
      .thenRejects({ code: 'risk-type.code-taken', field: 'localCode' });
  });

  it.each([
    ['a code with capitals', { localCode: 'FarmPrice' }, 'risk-type.code-format', 'localCode'],
    ['a code with the province prefix', { localCode: '51.farm' }, 'risk-type.code-format', 'localCode'],
    ['a code too long', { localCode: 'a'.repeat(49) }, 'risk-type.code-format', 'localCode'],
    ['no Chinese label', { labelZh: '' }, 'risk-type.label-required', 'labelZh'],
    ['an English label with a line break', { labelEn: 'Farm\nprice' }, 'risk-type.label-format', 'labelEn'],
  ] as const)('when added with %s, then it is refused', (_case, data, code, field) => {
    spec.given([]).when(addType(data)).thenRejects({ code, field });
  });
});
