import { isWithin } from '@relapse-watch/domain-kernel';

/** A key region (重点区域) of the campaign: the division units it covers (12-digit codes). */
export interface KeyRegion {
  readonly regionId: string;
  readonly divisionCodes: readonly string[];
}

/** The ids of the key regions covering a village (a region covers the units inside its codes), in the given order. */
export function inKeyRegions(villageCode: string, keyRegions: readonly KeyRegion[]): string[] {
  const covering: string[] = [];
  for (const region of keyRegions)
    if (region.divisionCodes.some((unit) => isWithin(villageCode, unit))) covering.push(region.regionId);
  return covering;
}
