import type { Clock } from '@relapse-watch/domain-kernel';
import {
  foldStream,
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { FormTeam, TeamCommand } from '../domain/team/team.commands';
import { teamDecider, teamStreamId } from '../domain/team/team.decider';
import type { TeamEvent } from '../domain/team/team.events';
import type { TeamState } from '../domain/team/team.state';
import type { TeamMember } from '../domain/team/team.values';
import { campaignStanding } from './campaign-standing';
import { authorizeCaller, type Caller } from '@relapse-watch/access';
import { createdIdFor } from './inspection-ids';
import { releaseVillages, reserveVillagesThen } from './reserve-villages-then';
import { placedContext, type RequestContext } from '@relapse-watch/service-runtime';

/** What a team command answers. */
export type TeamResult = CommandResult<TeamEvent, TeamState>;

// The tenant of a change to a team that does not exist; the decider refuses it unwritten.
const UNPLACED = '000000000000';

/** Dependencies of {@link TeamCommands}. */
export interface TeamCommandDeps {
  readonly store: EventStore;
  readonly clock: Clock;
}

/**
 * The team use cases: each checks the caller against every village the team covers (and will
 * cover), looks up the campaign's standing, decides once on what it read (so a malformed request
 * reserves nothing), takes the villages' reservations and appends to the team's stream.
 */
export class TeamCommands {
  constructor(private readonly deps: TeamCommandDeps) {}

  /** Forms a team; its id is derived from the idempotency key when there is one. */
  async form(
    data: Omit<FormTeam['data'], 'teamId'> & { readonly teamId?: string },
    ctx: RequestContext,
  ): Promise<TeamResult & { readonly createdId: string }> {
    authorizeVillages(ctx.caller, data.villageCodes);
    const teamId = data.teamId ?? createdIdFor(`team\n${data.campaignId}`, ctx.idempotencyKey);
    const command: FormTeam = {
      type: 'FormTeam',
      data: { ...data, teamId },
      facts: { campaign: await campaignStanding(this.deps.store, data.campaignId) },
    };
    const placed = placedContext(ctx, data.townshipCode, this.deps.clock);
    const state = await foldStream(this.deps.store, teamStreamId(teamId), teamDecider);
    teamDecider.decide(command, state);
    const claim = { campaignId: data.campaignId, teamId, villageCodes: data.villageCodes };
    const result = await reserveVillagesThen(this.deps.store, claim, placed, () => this.run(teamId, command, placed));
    return { ...result, createdId: teamId };
  }

  async changeMembers(teamId: string, members: readonly TeamMember[], ctx: RequestContext): Promise<TeamResult> {
    const { state, placed } = await this.placed(teamId, ctx, []);
    const command: TeamCommand = {
      type: 'ChangeTeamMembers',
      data: { teamId, members },
      facts: await this.facts(state),
    };
    return this.run(teamId, command, placed);
  }

  /** Replaces the villages: the added ones reserved first, the removed ones released once the change is written. */
  async changeCoverage(teamId: string, villageCodes: readonly string[], ctx: RequestContext): Promise<TeamResult> {
    const { state, placed } = await this.placed(teamId, ctx, villageCodes);
    const command: TeamCommand = {
      type: 'ChangeTeamCoverage',
      data: { teamId, villageCodes },
      facts: await this.facts(state),
    };
    teamDecider.decide(command, state);
    const campaignId = state.kind === 'formed' ? state.campaignId : '';
    const covered = state.kind === 'formed' ? state.villageCodes : [];
    const added = villageCodes.filter((v) => !covered.includes(v));
    const result = await reserveVillagesThen(this.deps.store, { campaignId, teamId, villageCodes: added }, placed, () =>
      this.run(teamId, command, placed),
    );
    // From the events, so a retry after a crash (a replay) releases what the first run did not.
    for (const event of result.events)
      if (event.type === 'TeamCoverageChanged')
        await releaseVillages(this.deps.store, { campaignId, teamId, villageCodes: event.data.removed }, placed);
    return result;
  }

  /** Disbands the team and frees its villages for another team. */
  async disband(teamId: string, reason: string, ctx: RequestContext): Promise<TeamResult> {
    const { state, placed } = await this.placed(teamId, ctx, []);
    const command: TeamCommand = { type: 'DisbandTeam', data: { teamId, reason }, facts: await this.facts(state) };
    const result = await this.run(teamId, command, placed);
    if (result.state.kind === 'formed' && result.events.some((e) => e.type === 'TeamDisbanded'))
      await releaseVillages(this.deps.store, result.state, placed);
    return result;
  }

  private run(teamId: string, command: TeamCommand, placed: CommandContext): Promise<TeamResult> {
    return handleCommand(this.deps.store, teamStreamId(teamId), teamDecider, command, placed);
  }

  private async facts(state: TeamState) {
    return {
      campaign: state.kind === 'formed' ? await campaignStanding(this.deps.store, state.campaignId) : 'open',
    } as const;
  }

  /**
   * The team's state and the context in its township, once the caller reaches every village it
   * covers and every village it is to cover. A team that does not exist is refused by the decider
   * (404) to whoever may manage campaigns somewhere: its id says nothing of a place to check.
   */
  private async placed(teamId: string, ctx: RequestContext, toCover: readonly string[]) {
    const state = await foldStream(this.deps.store, teamStreamId(teamId), teamDecider);
    if (state.kind === 'none') {
      authorizeCaller(ctx.caller, 'campaign.manage', undefined, 'teamId');
      return { state, placed: placedContext(ctx, UNPLACED, this.deps.clock) };
    }
    state.villageCodes.forEach((code) => authorizeCaller(ctx.caller, 'campaign.manage', code, 'teamId'));
    authorizeVillages(ctx.caller, toCover);
    return { state, placed: placedContext(ctx, state.townshipCode, this.deps.clock) };
  }
}

/** Teams are managed by officials whose area holds every village the team covers (design-11.md). */
function authorizeVillages(caller: Caller, villageCodes: readonly string[]): void {
  if (villageCodes.length === 0) authorizeCaller(caller, 'campaign.manage', undefined, 'villageCodes');
  villageCodes.forEach((code, i) => authorizeCaller(caller, 'campaign.manage', code, `villageCodes.${i}`));
}
