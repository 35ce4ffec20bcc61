import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { PolicyLineV1 } from '@relapse-watch/contracts';
import type { KeyRegion, LineVersion, PolicyDocument } from './policy-view.evolve';

/** What a province's policy of a year says on one day (what an inspection campaign's launch snapshots). */
export interface PolicyInForce {
  readonly provinceCode: string;
  readonly year: number;
  readonly on: IsoDate;
  /** The version of each line in force that day; null before the line's first effective date. */
  readonly lines: Readonly<Record<PolicyLineV1, LineVersion | null>>;
  /** The key regions designated with effect by that day. */
  readonly keyRegions: readonly KeyRegion[];
}

/**
 * The version in force on `on`: of those already effective, the highest revision. A revision
 * effective later leaves the earlier one in force until then; a correction effective the same
 * day (or earlier) takes over at once.
 */
function lineOn(versions: readonly LineVersion[], on: IsoDate): LineVersion | null {
  let inForce: LineVersion | null = null;
  for (const version of versions)
    if (version.effectiveFrom <= on && (inForce === null || version.revision > inForce.revision)) inForce = version;
  return inForce;
}

/** The policy in force on `on` (pure); every line null and no region for a year nothing was published of. */
export function policyInForce(
  doc: PolicyDocument | null,
  provinceCode: string,
  year: number,
  on: IsoDate,
): PolicyInForce {
  return {
    provinceCode,
    year,
    on,
    lines: {
      'monitoring-threshold': lineOn(doc?.lines['monitoring-threshold'] ?? [], on),
      'inspection-filter': lineOn(doc?.lines['inspection-filter'] ?? [], on),
    },
    keyRegions: (doc?.keyRegions ?? []).filter((region) => region.effectiveFrom <= on),
  };
}
