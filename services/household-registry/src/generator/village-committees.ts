import type { DivisionDirectory } from '../divisions/division-directory';

/**
 * Whether a village-tier unit is a villagers' committee (村民委员会), where rural households are
 * registered, rather than a residents' committee (居民委员会, 社区) or a virtual unit of a farm,
 * prison or school. The NBS urban-rural classification code is not in the division extract, so the
 * name decides: `…村民委员会`, `…村委会`, `…村委员会` (one unit's typo) are villages, everything else
 * is not — `…社区村民委员会` is a village committee named after its community. In Sichuan's 2023
 * edition this agrees with the NBS numbering convention (villages' 10th digit 2, residents' 0, others
 * 4 or 5) for all but 4 of 34,412 units, 4 villages numbered as residents' committees.
 */
export function isVillageCommittee(name: string): boolean {
  return VILLAGE_COMMITTEE.test(name);
}

const VILLAGE_COMMITTEE = /村(?:民)?委(?:员)?会$/;

/** The village committees inside a unit (or the unit itself if it is one), in code order. */
export function villageCommitteesOf(directory: DivisionDirectory, scope: string): string[] {
  const villages: string[] = [];
  const visit = (code: string): void => {
    const unit = directory.node(code);
    if (unit.tier === 'village') {
      if (isVillageCommittee(unit.name)) villages.push(code);
    } else for (const child of directory.children(code)) visit(child.code);
  };
  visit(scope);
  return villages;
}
