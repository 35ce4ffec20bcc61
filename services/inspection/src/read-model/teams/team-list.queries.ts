import { divisionTier } from '@relapse-watch/domain-kernel';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { TEAMS_COLLECTION, type TeamView } from './team-list.projection';

/** The field holding the code of a unit's tier; a village's teams are found through its township. */
const FIELD_OF_TIER = {
  province: 'provinceCode',
  city: 'cityCode',
  county: 'countyCode',
  township: 'townshipCode',
  village: 'townshipCode',
} as const;

/** Reads of the team list, over any read store. */
export class TeamListQueries {
  constructor(private readonly store: ReadStore) {}

  /** The teams of a campaign in a unit (a village: the teams covering it), by township then name. */
  async teamsIn(campaignId: string, unitCode: string): Promise<readonly TeamView[]> {
    const tier = divisionTier(unitCode);
    const key = tier === 'village' ? `${unitCode.slice(0, 9)}000` : unitCode;
    const docs = await this.store.find<TeamView>(TEAMS_COLLECTION, {
      where: { campaignId, [FIELD_OF_TIER[tier]]: key },
      sort: [
        { field: 'townshipCode', direction: 'asc' },
        { field: 'name', direction: 'asc' },
      ],
    });
    const teams = docs.map((d) => d.data);
    return tier === 'village' ? teams.filter((t) => t.villageCodes.includes(unitCode)) : teams;
  }
}
