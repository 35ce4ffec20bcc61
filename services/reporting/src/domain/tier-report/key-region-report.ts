import { isWithin } from '@relapse-watch/domain-kernel';
import { addCounters, type Counters } from '../counters';
import type { ProvinceYearContext } from '../reporting-context';
import { tierReportOf, type TierReport, type TierReportContext } from './tier-report';

/** A key region's reports: the nine reports over the units it is made of (DOMAIN.md report 3). */
export type KeyRegionReport = {
  readonly regionId: string;
  readonly kind: string;
  readonly divisionCodes: readonly string[];
} & Omit<TierReport, 'unitCode' | 'tier'>;

/** A region's codes without those inside another of its codes, so no household counts twice. */
export function outermostCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)]
    .filter((code, _i, all) => !all.some((other) => other !== code && isWithin(code, other)))
    .sort();
}

/**
 * The key regions of a province-year with their reports: each region's units' counts summed.
 * @param countsOf the summary counts of a unit (empty for a unit nothing was counted in).
 */
export function keyRegionReportsOf(
  provinceYear: ProvinceYearContext,
  countsOf: (unitCode: string) => Counters,
  context: TierReportContext,
): KeyRegionReport[] {
  return provinceYear.keyRegions.map((region) => {
    const codes = outermostCodes(region.divisionCodes);
    const counts = codes.reduce<Counters>((sum, code) => addCounters(sum, countsOf(code)), {});
    const province = provinceYear.provinceCode.slice(0, 2).padEnd(12, '0');
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { unitCode, tier, ...figures } = tierReportOf(province, counts, context);
    return { regionId: region.regionId, kind: region.kind, divisionCodes: codes, ...figures };
  });
}
