import { isWithin, type IsoDate } from '@relapse-watch/domain-kernel';
import type { ProvincePolicyState } from './province-policy.state';
import type { KeyRegion, LineVersion, PolicyLine } from './province-policy.values';

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
