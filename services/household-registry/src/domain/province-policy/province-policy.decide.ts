import { assertNever, atField, isWithin, parseDivisionCode, parseYuan, throwIfAny } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { DesignateKeyRegion, LineData, ProvincePolicyCommand, RevokeKeyRegion } from './province-policy.commands';
import { policyError, policyProblem } from './province-policy.errors';
import type { ProvincePolicyEvent } from './province-policy.events';
import type { ProvincePolicyState } from './province-policy.state';
import { addProvinceRiskType, setPerCapitaDivisorRule } from './province-policy-rules.decide';
import {
  checkEffectiveDate,
  checkScope,
  checkSourceDocument,
  checkText,
  type Problems,
} from './province-policy.validation';
import { KEY_REGION_KINDS, type LineVersion, type PolicyLine } from './province-policy.values';

const EVENT_OF_LINE = {
  'monitoring-threshold': 'MonitoringThresholdPublished',
  'inspection-filter': 'InspectionFilterLinePublished',
} as const;

/** A first publication; the same version as the latest one, nothing; another version, a revision with the previous one. */
function publish(line: PolicyLine, data: LineData, state: ProvincePolicyState): readonly ProvincePolicyEvent[] {
  const problems: Problems = [];
  checkScope(data, state, problems);
  const amount = parseYuan(data.amountYuan);
  if (!amount.ok) problems.push(atField(amount.problem, 'amountYuan'));
  else if (amount.fen <= 0) problems.push(policyProblem('policy.amount-not-positive', 'amountYuan'));
  checkEffectiveDate(data.effectiveFrom, data.year, problems);
  checkSourceDocument(data.sourceDocument, problems);
  throwIfAny(problems);
  const version: LineVersion = {
    amountFen: amount.ok ? amount.fen : 0,
    effectiveFrom: data.effectiveFrom,
    sourceDocument: data.sourceDocument,
  };
  const scope = { provinceCode: data.provinceCode, year: data.year };
  const previous = state.lines[line].at(-1);
  if (previous === undefined) return [{ type: EVENT_OF_LINE[line], data: { ...scope, ...version } }];
  if (isDeepStrictEqual(previous, version)) return [];
  return [{ type: 'ThresholdRevised', data: { ...scope, line, ...version, previous } }];
}

function designate(command: DesignateKeyRegion, state: ProvincePolicyState): readonly ProvincePolicyEvent[] {
  const { data, facts } = command;
  const problems: Problems = [];
  checkScope(data, state, problems);
  if (typeof data.regionId !== 'string' || data.regionId.trim() === '')
    problems.push(policyProblem('key-region.id-required', 'regionId'));
  if (!(KEY_REGION_KINDS as readonly string[]).includes(data.kind))
    problems.push(policyProblem('key-region.kind', 'kind'));
  if (!Array.isArray(data.divisionCodes) || data.divisionCodes.length === 0)
    problems.push(policyProblem('key-region.divisions-required', 'divisionCodes'));
  else checkDivisionCodes(data.divisionCodes, data.provinceCode, facts.unknownDivisionCodes, problems);
  checkText(
    data.reason,
    500,
    { required: 'key-region.reason-required', format: 'key-region.reason-format' },
    'reason',
    problems,
  );
  checkEffectiveDate(data.effectiveFrom, data.year, problems);
  throwIfAny(problems);
  const designation = {
    provinceCode: data.provinceCode,
    year: data.year,
    regionId: data.regionId,
    kind: data.kind,
    // Sorted, so the same units listed in another order are the same designation.
    divisionCodes: [...data.divisionCodes].sort(),
    reason: data.reason,
    effectiveFrom: data.effectiveFrom,
  };
  const existing = state.keyRegions.find((r) => r.regionId === data.regionId);
  if (existing === undefined) return [{ type: 'KeyRegionDesignated', data: designation }];
  if (existing.revoked !== null) throw policyError('key-region.id-retired', 'regionId');
  const { kind, divisionCodes, reason, effectiveFrom } = existing;
  if (
    isDeepStrictEqual(
      { kind, divisionCodes, reason, effectiveFrom },
      {
        kind: designation.kind,
        divisionCodes: designation.divisionCodes,
        reason: designation.reason,
        effectiveFrom: designation.effectiveFrom,
      },
    )
  )
    return [];
  throw policyError('key-region.id-taken', 'regionId');
}

function checkDivisionCodes(
  codes: readonly string[],
  provinceCode: string,
  unknown: readonly string[],
  problems: Problems,
): void {
  const province = `${provinceCode}0000000000`;
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    const field = `divisionCodes.${i}`;
    const parsed = parseDivisionCode(code);
    if (!parsed.ok) problems.push(atField(parsed.problem, field));
    else if (parsed.tier === 'province' || !/^[1-9]\d$/.test(provinceCode) || !isWithin(code, province))
      problems.push(policyProblem('key-region.division-outside-province', field));
    else if (seen.has(code)) problems.push(policyProblem('key-region.division-duplicate', field));
    else if (unknown.includes(code)) problems.push(policyProblem('division.unknown', field));
    seen.add(code);
  });
}

function revoke(command: RevokeKeyRegion, state: ProvincePolicyState): readonly ProvincePolicyEvent[] {
  const { data } = command;
  const problems: Problems = [];
  checkScope(data, state, problems);
  checkText(
    data.reason,
    500,
    { required: 'key-region.reason-required', format: 'key-region.reason-format' },
    'reason',
    problems,
  );
  checkEffectiveDate(data.effectiveFrom, data.year, problems);
  throwIfAny(problems);
  const region = state.keyRegions.find((r) => r.regionId === data.regionId);
  if (region === undefined) throw policyError('key-region.not-found', 'regionId');
  if (region.revoked !== null) return [];
  if (data.effectiveFrom < region.effectiveFrom)
    throw policyError('key-region.revoked-before-designated', 'effectiveFrom');
  return [
    {
      type: 'KeyRegionRevoked',
      data: {
        provinceCode: data.provinceCode,
        year: data.year,
        regionId: data.regionId,
        reason: data.reason,
        effectiveFrom: data.effectiveFrom,
      },
    },
  ];
}

/**
 * Decides a command on a province's policy for a year. Thresholds and key regions are events,
 * never constants (DOMAIN.md: they differ by province and year), so the history shows which
 * line applied when: a changed line is a ThresholdRevised carrying the version it replaces. So
 * are the per-capita divisor rule and the province's own risk types.
 */
export function decide(command: ProvincePolicyCommand, state: ProvincePolicyState): readonly ProvincePolicyEvent[] {
  switch (command.type) {
    case 'PublishMonitoringThreshold':
      return publish('monitoring-threshold', command.data, state);
    case 'PublishInspectionFilterLine':
      return publish('inspection-filter', command.data, state);
    case 'DesignateKeyRegion':
      return designate(command, state);
    case 'RevokeKeyRegion':
      return revoke(command, state);
    case 'SetPerCapitaDivisorRule':
      return setPerCapitaDivisorRule(command, state);
    case 'AddProvinceRiskType':
      return addProvinceRiskType(command, state);
    default:
      return assertNever(command, 'province policy command');
  }
}
