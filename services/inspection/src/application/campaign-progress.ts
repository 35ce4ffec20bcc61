import type { Clock } from '@relapse-watch/domain-kernel';
import type {
  CampaignProgress,
  CampaignProgressQueries,
  ProgressFigures,
} from '../read-model/progress/campaign-progress.queries';
import type { TeamView } from '../read-model/teams/team-list.projection';
import type { CampaignFacts } from './household-inspection.ports';
import { applicationError } from './inspection-application.errors';
import { areaOfCaller, authorizeCaller, type Caller } from '@relapse-watch/access';

/** What {@link CampaignProgressUseCases} reads. */
export interface CampaignProgressDeps {
  readonly campaigns: CampaignFacts;
  readonly progress: CampaignProgressQueries;
  /** The team as the caller may see it (null when it does not exist). */
  readonly team: (teamId: string, caller: Caller) => Promise<TeamView | null>;
  readonly clock: Clock;
}

/** A team's progress in its campaign. */
export interface TeamProgress extends ProgressFigures {
  readonly campaignId: string;
  readonly teamId: string;
}

/**
 * Campaign progress for working groups and teams: a unit's households in scope, done, late,
 * overdue, by method, key groups, at risk, villages without a team — against the campaign's two
 * deadlines on today's date — and the same for each child unit; or a team's villages.
 */
export class CampaignProgressUseCases {
  constructor(private readonly deps: CampaignProgressDeps) {}

  /**
   * A unit's progress (default: the caller's own unit, or the campaign's province for whoever
   * reaches everywhere). The unit must lie in the caller's area and in the campaign's province.
   * @throws DomainError `campaign.not-found` (404), `access.outside-area` (403), `progress.outside-campaign` (422)
   */
  async ofUnit(campaignId: string, divisionCode: string | undefined, caller: Caller): Promise<CampaignProgress> {
    const campaign = await this.campaign(campaignId);
    const unit = divisionCode ?? defaultUnit(caller, campaign.provinceCode);
    authorizeCaller(caller, 'inspection.read', unit, 'divisionCode');
    if (!unit.startsWith(campaign.provinceCode)) throw applicationError('progress.outside-campaign', 'divisionCode');
    return this.deps.progress.ofUnit(this.terms(campaign), unit);
  }

  /**
   * A team's progress over its villages.
   * @throws DomainError `team.not-found` (404), `access.outside-area` (403)
   */
  async ofTeam(teamId: string, caller: Caller): Promise<TeamProgress> {
    const team = await this.deps.team(teamId, caller);
    if (team === null) throw applicationError('team.not-found', 'teamId');
    const campaign = await this.campaign(team.campaignId);
    const figures = await this.deps.progress.ofTeam(this.terms(campaign), team);
    return { campaignId: team.campaignId, teamId, ...figures };
  }

  private async campaign(campaignId: string) {
    const campaign = await this.deps.campaigns.get(campaignId);
    if (campaign === null) throw applicationError('campaign.not-found', 'campaignId');
    return campaign;
  }

  private terms(campaign: { campaignId: string; teamsInPlaceBy: string; inspectBy: string }) {
    const today = this.deps.clock.dateAt(this.deps.clock.now());
    return {
      campaignId: campaign.campaignId,
      teamsInPlaceBy: campaign.teamsInPlaceBy,
      inspectBy: campaign.inspectBy,
      today,
    };
  }
}

/** The caller's own unit when they have one, else the campaign's province. */
function defaultUnit(caller: Caller, provinceCode: string): string {
  const area = areaOfCaller(caller);
  return area.kind === 'units' && area.units.length === 1 ? area.units[0] : `${provinceCode}0000000000`;
}
