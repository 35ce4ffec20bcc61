import { throwIfAny } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import { provinceRiskTypeCode, RISK_TYPE_LOCAL_CODE_PATTERN } from '../risk-types/risk-types';
import type { AddProvinceRiskType, SetPerCapitaDivisorRule } from './province-policy.commands';
import { policyError, policyProblem } from './province-policy.errors';
import type { ProvincePolicyEvent } from './province-policy.events';
import type { ProvincePolicyState } from './province-policy.state';
import {
  checkEffectiveDate,
  checkScope,
  checkSourceDocument,
  checkText,
  type Problems,
} from './province-policy.validation';
import { PER_CAPITA_DIVISOR_RULES, type DivisorRuleVersion } from './province-policy.values';

/** Longest local part of a province's risk type code (with `51.` the code stays within 64). */
const LOCAL_CODE_MAX_LENGTH = 48;

/**
 * SetPerCapitaDivisorRule: a new setting is a new version (the history shows which rule held
 * when); the same setting as the latest one produces nothing. Households already recorded keep
 * their figures until their income is recorded again or their membership changes: a rule
 * change does not reach into other aggregates' streams.
 */
export function setPerCapitaDivisorRule(
  command: SetPerCapitaDivisorRule,
  state: ProvincePolicyState,
): readonly ProvincePolicyEvent[] {
  const { data } = command;
  const problems: Problems = [];
  checkScope(data, state, problems);
  if (!PER_CAPITA_DIVISOR_RULES.includes(data.rule)) problems.push(policyProblem('divisor-rule.unknown', 'rule'));
  checkEffectiveDate(data.effectiveFrom, data.year, problems);
  checkSourceDocument(data.sourceDocument, problems);
  throwIfAny(problems);
  const setting: DivisorRuleVersion = {
    rule: data.rule,
    effectiveFrom: data.effectiveFrom,
    sourceDocument: data.sourceDocument,
  };
  if (isDeepStrictEqual(state.divisorRules.at(-1), setting)) return [];
  return [{ type: 'PerCapitaDivisorRuleSet', data: { provinceCode: data.provinceCode, year: data.year, ...setting } }];
}

/**
 * AddProvinceRiskType: the code is the province's (`51.<localCode>`), so it never shadows a
 * national code; the same type again produces nothing, the same code with other labels is refused.
 */
export function addProvinceRiskType(
  command: AddProvinceRiskType,
  state: ProvincePolicyState,
): readonly ProvincePolicyEvent[] {
  const { data } = command;
  const problems: Problems = [];
  checkScope(data, state, problems);
  if (
    typeof data.localCode !== 'string' ||
    data.localCode.length > LOCAL_CODE_MAX_LENGTH ||
    !RISK_TYPE_LOCAL_CODE_PATTERN.test(data.localCode)
  )
    problems.push(policyProblem('risk-type.code-format', 'localCode'));
  for (const field of ['labelZh', 'labelEn'] as const)
    checkText(
      data[field],
      100,
      { required: 'risk-type.label-required', format: 'risk-type.label-format' },
      field,
      problems,
    );
  checkSourceDocument(data.sourceDocument, problems);
  throwIfAny(problems);
  const code = provinceRiskTypeCode(data.provinceCode, data.localCode);
  const existing = state.riskTypes.find((t) => t.code === code);
  if (existing !== undefined) {
    if (existing.label['zh-CN'] === data.labelZh && existing.label.en === data.labelEn) return [];
    throw policyError('risk-type.code-taken', 'localCode');
  }
  return [
    {
      type: 'ProvinceRiskTypeAdded',
      data: {
        provinceCode: data.provinceCode,
        year: data.year,
        code,
        labelZh: data.labelZh,
        labelEn: data.labelEn,
        sourceDocument: data.sourceDocument,
      },
    },
  ];
}
