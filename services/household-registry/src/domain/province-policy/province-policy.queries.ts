import { isWithin, type IsoDate } from '@relapse-watch/domain-kernel';
import type { ProvincePolicyState } from './province-policy.state';
import { riskTypesFor, type RiskType } from '../risk-types/risk-types';
import {
  DEFAULT_PER_CAPITA_DIVISOR_RULE,
  type DivisorRuleVersion,
  type KeyRegion,
  type LineVersion,
  type PerCapitaDivisorRule,
  type PolicyLine,
} from './province-policy.values';

/**
 * The version of a line in force on a date: of the versions already in effect that day, the one
 * published last. A revision effective later leaves earlier days on the version before it; a
 * correction effective from the same day or earlier replaces it from its own date on. Null
 * when no version is in effect yet (or the line, e.g. the optional filter, was never published).
 */
export function lineInForceOn(state: ProvincePolicyState, line: PolicyLine, date: IsoDate): LineVersion | null {
  const versions = state.lines[line];
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].effectiveFrom <= date) return versions[i];
  return null;
}

/** The key regions in force on a date: designated on or before it and not revoked by then. */
export function keyRegionsInForceOn(state: ProvincePolicyState, date: IsoDate): readonly KeyRegion[] {
  return state.keyRegions.filter(
    (r) => r.effectiveFrom <= date && (r.revoked === null || r.revoked.effectiveFrom > date),
  );
}

/** The key regions in force on a date that cover a division (a village lies in its county's region). */
export function keyRegionsCovering(
  state: ProvincePolicyState,
  divisionCode: string,
  date: IsoDate,
): readonly KeyRegion[] {
  return keyRegionsInForceOn(state, date).filter((r) => r.divisionCodes.some((unit) => isWithin(divisionCode, unit)));
}

/**
 * The divisor rule setting in force on a date, by the same rule as {@link lineInForceOn} (of the
 * settings in effect that day, the one made last); null when none is.
 */
export function divisorRuleSettingOn(state: ProvincePolicyState, date: IsoDate): DivisorRuleVersion | null {
  const versions = state.divisorRules;
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i].effectiveFrom <= date) return versions[i];
  return null;
}

/** The divisor rule in force on a date: the setting's, or the default (household members) without one. */
export function divisorRuleInForceOn(state: ProvincePolicyState, date: IsoDate): PerCapitaDivisorRule {
  return divisorRuleSettingOn(state, date)?.rule ?? DEFAULT_PER_CAPITA_DIVISOR_RULE;
}

/** The risk types a household of the province may report this year: the national list, then the province's own. */
export function riskTypesOf(state: ProvincePolicyState): readonly RiskType[] {
  return riskTypesFor(state.riskTypes);
}
