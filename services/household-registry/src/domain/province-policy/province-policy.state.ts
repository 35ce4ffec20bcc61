import { assertNever } from '@relapse-watch/domain-kernel';
import type { ProvincePolicyEvent } from './province-policy.events';
import type { RiskType } from '../risk-types/risk-types';
import type { DivisorRuleVersion, KeyRegion, LineVersion, PolicyLine } from './province-policy.values';

/** State of one province's policy for one year. */
export interface ProvincePolicyState {
  /** Set by the first event; null on an empty stream. */
  readonly scope: { readonly provinceCode: string; readonly year: number } | null;
  /** Every published version of each line, in publication order (the last is the latest). */
  readonly lines: Readonly<Record<PolicyLine, readonly LineVersion[]>>;
  /** Every designation, in order, revoked ones included. */
  readonly keyRegions: readonly KeyRegion[];
  /** Every setting of the per-capita divisor rule, in order; none means the default. */
  readonly divisorRules: readonly DivisorRuleVersion[];
  /** The province's own risk types for the year, in the order added. */
  readonly riskTypes: readonly RiskType[];
}

/** The state of an empty stream. */
export const initialState: ProvincePolicyState = {
  scope: null,
  lines: { 'monitoring-threshold': [], 'inspection-filter': [] },
  keyRegions: [],
  divisorRules: [],
  riskTypes: [],
};

function withVersion(state: ProvincePolicyState, line: PolicyLine, version: LineVersion): ProvincePolicyState['lines'] {
  return { ...state.lines, [line]: [...state.lines[line], version] };
}

/** The version fields of a line event, without its scope or revision details. */
export function versionOf(data: LineVersion): LineVersion {
  return { amountFen: data.amountFen, effectiveFrom: data.effectiveFrom, sourceDocument: data.sourceDocument };
}

/** Folds one event into the state. */
export function evolve(state: ProvincePolicyState, event: ProvincePolicyEvent): ProvincePolicyState {
  const scope = state.scope ?? { provinceCode: event.data.provinceCode, year: event.data.year };
  switch (event.type) {
    case 'MonitoringThresholdPublished':
      return { ...state, scope, lines: withVersion(state, 'monitoring-threshold', versionOf(event.data)) };
    case 'InspectionFilterLinePublished':
      return { ...state, scope, lines: withVersion(state, 'inspection-filter', versionOf(event.data)) };
    case 'ThresholdRevised':
      return { ...state, scope, lines: withVersion(state, event.data.line, versionOf(event.data)) };
    case 'KeyRegionDesignated': {
      const { regionId, kind, divisionCodes, reason } = event.data;
      return {
        ...state,
        scope,
        keyRegions: [
          ...state.keyRegions,
          { regionId, kind, divisionCodes, reason, effectiveFrom: event.data.effectiveFrom, revoked: null },
        ],
      };
    }
    case 'KeyRegionRevoked': {
      const revoked = { reason: event.data.reason, effectiveFrom: event.data.effectiveFrom };
      return {
        ...state,
        scope,
        keyRegions: state.keyRegions.map((r) => (r.regionId === event.data.regionId ? { ...r, revoked } : r)),
      };
    }
    case 'PerCapitaDivisorRuleSet': {
      const { rule, effectiveFrom, sourceDocument } = event.data;
      return { ...state, scope, divisorRules: [...state.divisorRules, { rule, effectiveFrom, sourceDocument }] };
    }
    case 'ProvinceRiskTypeAdded': {
      const { code, labelZh, labelEn } = event.data;
      const riskType: RiskType = {
        code,
        label: { 'zh-CN': labelZh, en: labelEn },
        provinceCode: event.data.provinceCode,
        threePlusOne: false,
      };
      return { ...state, scope, riskTypes: [...state.riskTypes, riskType] };
    }
    default:
      return assertNever(event, 'province policy event');
  }
}
