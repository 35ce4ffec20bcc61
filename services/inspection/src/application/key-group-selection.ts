import { divisionTier, type Clock } from '@relapse-watch/domain-kernel';
import type { KeyGroupSelection } from '@relapse-watch/inspection-rules';
import type { HouseholdFactsQueries } from '@relapse-watch/household-view';
import type { CampaignFacts, InspectionRules } from './household-inspection.ports';
import { applicationError } from './inspection-application.errors';
import { authorizeCaller, type Caller } from '@relapse-watch/access';

/** A household the campaign's key-group rules select for a visit of its own, with each rule and its evidence. */
export interface KeyGroupHousehold {
  readonly householdId: string;
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly selections: readonly KeyGroupSelection[];
}

/** A page of a unit's key-group households. */
export interface KeyGroupPage {
  readonly campaignId: string;
  readonly divisionCode: string;
  /** Households of the unit the rules read. */
  readonly householdsRead: number;
  /** Households selected in all (this page is `items`). */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly KeyGroupHousehold[];
}

/** Units whose households are read at once: a county holds tens of thousands, a city or province millions. */
const WIDEST_TIER = ['county', 'township', 'village'];
const PAGE = 1_000;

/**
 * Key-group selection (issue 11 item 6): the households of a unit (county or below) that need a
 * household visit, computed now with the campaign's rule set and the key-group rules it was
 * launched with, each with the rules that selected it and their evidence — what a township's
 * working group plans its visits from before anyone knocks. The completion of each inspection
 * records the same selection as it stood then.
 */
export class KeyGroupSelectionQueries {
  constructor(
    private readonly deps: {
      readonly campaigns: CampaignFacts;
      readonly households: HouseholdFactsQueries;
      readonly rules: InspectionRules;
      readonly clock: Clock;
    },
  ) {}

  /**
   * @throws DomainError `campaign.not-found` (404), `access.outside-area` (403),
   *   `progress.outside-campaign` or `key-groups.unit-too-wide` (422)
   */
  async ofUnit(
    campaignId: string,
    divisionCode: string,
    page: { readonly limit: number; readonly offset: number },
    caller: Caller,
  ): Promise<KeyGroupPage> {
    const campaign = await this.deps.campaigns.get(campaignId);
    if (campaign === null) throw applicationError('campaign.not-found', 'campaignId');
    authorizeCaller(caller, 'inspection.read', divisionCode, 'divisionCode');
    if (!divisionCode.startsWith(campaign.provinceCode))
      throw applicationError('progress.outside-campaign', 'divisionCode');
    if (!WIDEST_TIER.includes(divisionTier(divisionCode)))
      throw applicationError('key-groups.unit-too-wide', 'divisionCode');
    const today = this.deps.clock.dateAt(this.deps.clock.now());
    const selected: KeyGroupHousehold[] = [];
    let read = 0;
    for (let offset = 0; ; offset += PAGE) {
      const facts = await this.deps.households.ofUnit(divisionCode, { limit: PAGE, offset });
      for (const household of facts.items) {
        read += 1;
        const selections = this.deps.rules
          .selectKeyGroups({
            facts: household,
            answers: {},
            ruleSetVersion: campaign.ruleSetVersion,
            provinceCode: campaign.provinceCode,
            year: campaign.year,
            lines: campaign.lines,
            today,
          })
          .filter((s) => campaign.keyGroupRuleIds.includes(s.ruleId));
        if (selections.length > 0)
          selected.push({
            householdId: household.householdId,
            villageCode: household.villageCode,
            householdNumber: household.householdNumber,
            selections,
          });
      }
      if (facts.items.length < PAGE) break;
    }
    return {
      campaignId,
      divisionCode,
      householdsRead: read,
      total: selected.length,
      limit: page.limit,
      offset: page.offset,
      items: selected.slice(page.offset, page.offset + page.limit),
    };
  }
}
