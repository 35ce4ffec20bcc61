/**
 * The four kinds of people on an inspection team (issue 11, design-11.md): a township or village
 * official (乡村干部), a member of the resident work team (驻村工作队), a village grid worker
 * (网格员), a monitoring contact (帮扶联系人).
 */
export const TEAM_MEMBER_ROLES = ['official', 'resident-work-team', 'grid-worker', 'monitoring-contact'] as const;

/** One of {@link TEAM_MEMBER_ROLES}. */
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

/** A member of a team, by user id (never a name). */
export interface TeamMember {
  readonly userId: string;
  readonly role: TeamMemberRole;
}

/**
 * Where the team's campaign stands, looked up by the handler: teams are formed and changed only
 * while it is open (a closed campaign is read only).
 */
export type CampaignStanding = 'not-launched' | 'open' | 'closed';
