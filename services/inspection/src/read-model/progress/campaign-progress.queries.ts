import { divisionTier, type DivisionTier, type IsoDate } from '@relapse-watch/domain-kernel';
import type { ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import { INSPECTION_HOUSEHOLD_VIEW } from '../../household-facts/inspection-household-view';
import { SCOPE_VILLAGES_COLLECTION, type ScopeVillage } from '../../household-facts/village-scope';
import { tierField } from '@relapse-watch/access';
import type { TeamView } from '../teams/team-list.projection';
import { HOUSEHOLD_PROGRESS_COLLECTION } from './household-progress.projection';

/** What progress is measured against: the campaign's two deadlines, and the day it is asked on. */
export interface ProgressTerms {
  readonly campaignId: string;
  readonly teamsInPlaceBy: IsoDate;
  readonly inspectBy: IsoDate;
  readonly today: IsoDate;
}

/** The figures of one unit (or one team's villages). */
export interface ProgressFigures {
  readonly households: {
    /** Households of the facts view in the unit: every rural household registered, relocated and urban hukou included. */
    readonly inScope: number;
    /** Completed in their current round. */
    readonly done: number;
    /** Completed after the inspection deadline. */
    readonly late: number;
    /** Not completed, once the inspection deadline has passed (0 before). */
    readonly overdue: number;
    /** Completed households whose completing round used each method (a household may count under several). */
    readonly byMethod: {
      readonly 'household-visit': number;
      readonly 'online-communication': number;
      readonly 'group-assessment': number;
    };
  };
  /** Key-group households completed (with the household visit their completion needed). */
  readonly keyGroups: { readonly completed: number };
  readonly atRisk: {
    /** Households the rules suggested at risk. */
    readonly suggested: number;
    /** Households an official flagged at risk (an accepted suggestion). */
    readonly flagged: number;
  };
  readonly villages: {
    /** Villages with at least one household in scope. */
    readonly inScope: number;
    /** Of those, villages an active team covers. */
    readonly withTeam: number;
    /** Villages without a team once the teams-in-place deadline has passed (0 before). */
    readonly overdue: number;
  };
}

/** A unit's progress. */
export interface UnitProgress extends ProgressFigures {
  readonly campaignId: string;
  readonly divisionCode: string;
  readonly tier: DivisionTier;
}

/** A unit's progress with each child unit's (the next tier down, those with households in scope). */
export interface CampaignProgress extends UnitProgress {
  readonly children: readonly UnitProgress[];
}

const CHILD_TIER: Readonly<Record<DivisionTier, DivisionTier | null>> = {
  province: 'city',
  city: 'county',
  county: 'township',
  township: 'village',
  village: null,
};

/**
 * Campaign progress per unit and per team, as counts over the inspection's read models: the
 * household progress documents, the facts view (households and villages in scope) and the team
 * list. Every figure is a count by campaign and tier code (indexed lookups), never a fold of streams.
 */
export class CampaignProgressQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly teamsIn: (campaignId: string, unitCode: string) => Promise<readonly TeamView[]>,
  ) {}

  /** The unit's progress and its children's. */
  async ofUnit(terms: ProgressTerms, unitCode: string): Promise<CampaignProgress> {
    const villages = await this.store.find<ScopeVillage>(SCOPE_VILLAGES_COLLECTION, {
      where: { [tierField(unitCode)]: unitCode },
    });
    const teams = await this.teamsIn(terms.campaignId, unitCode);
    const covered = new Set(teams.filter((t) => t.status === 'active').flatMap((t) => t.villageCodes));
    const codes = villages.map((v) => v.data.villageCode);
    const unit = await this.figures(terms, { [tierField(unitCode)]: unitCode }, codes, covered);
    const childTier = CHILD_TIER[divisionTier(unitCode)];
    const byChild = new Map<string, string[]>();
    if (childTier !== null)
      for (const { data } of villages) {
        const child = data[`${childTier}Code`];
        byChild.set(child, [...(byChild.get(child) ?? []), data.villageCode]);
      }
    const children: UnitProgress[] = [];
    for (const [child, childCodes] of [...byChild].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const figures = await this.figures(terms, { [tierField(child)]: child }, childCodes, covered);
      children.push({ campaignId: terms.campaignId, divisionCode: child, tier: divisionTier(child), ...figures });
    }
    return { campaignId: terms.campaignId, divisionCode: unitCode, tier: divisionTier(unitCode), ...unit, children };
  }

  /** The progress of a team's villages (a disbanded team covers none). */
  async ofTeam(terms: ProgressTerms, team: TeamView): Promise<ProgressFigures> {
    const codes = [...team.villageCodes];
    const where = { villageCode: { in: codes } };
    const inScope = codes.length === 0 ? [] : await this.store.find<ScopeVillage>(SCOPE_VILLAGES_COLLECTION, { where });
    const covered = new Set(team.disbanded === null ? codes : []);
    return this.figures(
      terms,
      where,
      inScope.map((v) => v.data.villageCode),
      covered,
    );
  }

  private async figures(
    terms: ProgressTerms,
    where: WhereFilter,
    villageCodes: readonly string[],
    covered: ReadonlySet<string>,
  ): Promise<ProgressFigures> {
    const progress = (extra: WhereFilter) =>
      this.store.count(HOUSEHOLD_PROGRESS_COLLECTION, { campaignId: terms.campaignId, ...where, ...extra });
    const [inScope, done, late, visit, online, group, keyGroups, suggested, flagged] = await Promise.all([
      this.store.count(INSPECTION_HOUSEHOLD_VIEW.facts, where),
      progress({ done: true }),
      progress({ done: true, late: true }),
      progress({ done: true, byHouseholdVisit: true }),
      progress({ done: true, byOnline: true }),
      progress({ done: true, byGroupAssessment: true }),
      progress({ done: true, keyGroup: true }),
      progress({ atRiskSuggested: true }),
      progress({ flaggedAtRisk: true }),
    ]);
    const withTeam = villageCodes.filter((code) => covered.has(code)).length;
    return {
      households: {
        inScope,
        done,
        late,
        overdue: terms.today > terms.inspectBy ? Math.max(0, inScope - done) : 0,
        byMethod: { 'household-visit': visit, 'online-communication': online, 'group-assessment': group },
      },
      keyGroups: { completed: keyGroups },
      atRisk: { suggested, flagged },
      villages: {
        inScope: villageCodes.length,
        withTeam,
        overdue: terms.today > terms.teamsInPlaceBy ? villageCodes.length - withTeam : 0,
      },
    };
  }
}
