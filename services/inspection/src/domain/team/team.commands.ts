import type { CampaignStanding, TeamMember } from './team.values';

/** What every team command carries besides its data: the standing of the team's campaign. */
export interface TeamFacts {
  readonly campaign: CampaignStanding;
}

/** Form a team of a campaign covering villages of one township. */
export interface FormTeam {
  readonly type: 'FormTeam';
  readonly data: {
    /** A UUID the handler made (derived from the Idempotency-Key when there is one). */
    readonly teamId: string;
    /** `<provinceCode>-<year>`. */
    readonly campaignId: string;
    /** What officials call the team (e.g. `红星村排查组`): a unit's name, not a person's. */
    readonly name: string;
    readonly townshipCode: string;
    /** Villages of that township. */
    readonly villageCodes: readonly string[];
    readonly members: readonly TeamMember[];
  };
  readonly facts: TeamFacts;
}

/** Replace the team's members (the whole list). */
export interface ChangeTeamMembers {
  readonly type: 'ChangeTeamMembers';
  readonly data: { readonly teamId: string; readonly members: readonly TeamMember[] };
  readonly facts: TeamFacts;
}

/** Replace the villages the team covers (the whole list, villages of the team's township). */
export interface ChangeTeamCoverage {
  readonly type: 'ChangeTeamCoverage';
  readonly data: { readonly teamId: string; readonly villageCodes: readonly string[] };
  readonly facts: TeamFacts;
}

/** Disband the team: its villages are free for another team, its members lose their access through it. */
export interface DisbandTeam {
  readonly type: 'DisbandTeam';
  readonly data: { readonly teamId: string; readonly reason: string };
  readonly facts: TeamFacts;
}

/** Every command of the team aggregate. */
export type TeamCommand = FormTeam | ChangeTeamMembers | ChangeTeamCoverage | DisbandTeam;
