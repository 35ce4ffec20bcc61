import { assertNever, throwIfAny } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import { parseCampaignId } from '../campaign/campaign.values';
import type {
  ChangeTeamCoverage,
  ChangeTeamMembers,
  DisbandTeam,
  FormTeam,
  TeamCommand,
  TeamFacts,
} from './team.commands';
import { teamError, teamProblem } from './team.errors';
import type { TeamEvent, TeamFormed } from './team.events';
import type { Team, TeamState } from './team.state';
import {
  checkMembers,
  checkText,
  checkTownship,
  checkVillages,
  normalizedMembers,
  normalizedVillages,
  type Problems,
} from './team.validation';

const REASON_CODES = { required: 'team.reason-required', format: 'team.reason-format' } as const;

/** Teams are formed and changed only while their campaign is open. */
function checkCampaign(facts: TeamFacts): void {
  if (facts.campaign === 'not-launched') throw teamError('team.campaign-not-launched', 'campaignId');
  if (facts.campaign === 'closed') throw teamError('team.campaign-closed', 'campaignId');
}

function form(command: FormTeam, state: TeamState): readonly TeamEvent[] {
  const { data } = command;
  const problems: Problems = [];
  if (typeof data.teamId !== 'string' || data.teamId.trim() === '')
    problems.push(teamProblem('team.id-required', 'teamId'));
  const scope = typeof data.campaignId === 'string' ? parseCampaignId(data.campaignId) : null;
  if (scope === null) problems.push(teamProblem('team.campaign-id', 'campaignId'));
  checkText(data.name, 100, { required: 'team.name-required', format: 'team.name-format' }, 'name', problems);
  const townshipOk = checkTownship(data.townshipCode, scope?.provinceCode ?? null, problems);
  checkVillages(data.villageCodes, townshipOk ? data.townshipCode : null, problems);
  checkMembers(data.members, problems);
  throwIfAny(problems);
  const event: TeamFormed = {
    type: 'TeamFormed',
    data: {
      teamId: data.teamId,
      campaignId: data.campaignId,
      name: data.name,
      townshipCode: data.townshipCode,
      villageCodes: normalizedVillages(data.villageCodes),
      members: normalizedMembers(data.members),
    },
  };
  if (state.kind === 'formed') {
    // A re-sent form is a no-op only while the team is as it was formed.
    const { kind: _k, disbanded, ...team } = state;
    if (disbanded === null && isDeepStrictEqual(team, event.data)) return [];
    throw teamError('team.already-formed', 'teamId');
  }
  checkCampaign(command.facts);
  return [event];
}

/** The formed, active team a change applies to. */
function activeTeam(state: TeamState, facts: TeamFacts): Team {
  if (state.kind === 'none') throw teamError('team.not-formed', 'teamId');
  if (state.disbanded !== null) throw teamError('team.disbanded', 'teamId');
  checkCampaign(facts);
  return state;
}

function changeMembers(command: ChangeTeamMembers, state: TeamState): readonly TeamEvent[] {
  const problems: Problems = [];
  checkMembers(command.data.members, problems);
  throwIfAny(problems);
  const team = activeTeam(state, command.facts);
  const members = normalizedMembers(command.data.members);
  if (isDeepStrictEqual(team.members, members)) return [];
  return [{ type: 'TeamMembersChanged', data: { teamId: team.teamId, campaignId: team.campaignId, members } }];
}

function changeCoverage(command: ChangeTeamCoverage, state: TeamState): readonly TeamEvent[] {
  const problems: Problems = [];
  checkVillages(command.data.villageCodes, state.kind === 'formed' ? state.townshipCode : null, problems);
  throwIfAny(problems);
  const team = activeTeam(state, command.facts);
  const villageCodes = normalizedVillages(command.data.villageCodes);
  if (isDeepStrictEqual(team.villageCodes, villageCodes)) return [];
  const added = villageCodes.filter((v) => !team.villageCodes.includes(v));
  const removed = team.villageCodes.filter((v) => !villageCodes.includes(v));
  return [
    {
      type: 'TeamCoverageChanged',
      data: { teamId: team.teamId, campaignId: team.campaignId, villageCodes, added, removed },
    },
  ];
}

function disband(command: DisbandTeam, state: TeamState): readonly TeamEvent[] {
  const problems: Problems = [];
  checkText(command.data.reason, 500, REASON_CODES, 'reason', problems);
  throwIfAny(problems);
  if (state.kind === 'none') throw teamError('team.not-formed', 'teamId');
  if (state.disbanded !== null) return [];
  checkCampaign(command.facts);
  return [
    {
      type: 'TeamDisbanded',
      data: { teamId: state.teamId, campaignId: state.campaignId, reason: command.data.reason },
    },
  ];
}

/**
 * Decides a command on a team of a campaign. One team per village per campaign is not decided
 * here but by each village's reservation stream, which the handler takes before a village joins
 * a team (see application/reserve-villages-then.ts); the team only checks that its villages lie
 * in its township.
 */
export function decide(command: TeamCommand, state: TeamState): readonly TeamEvent[] {
  switch (command.type) {
    case 'FormTeam':
      return form(command, state);
    case 'ChangeTeamMembers':
      return changeMembers(command, state);
    case 'ChangeTeamCoverage':
      return changeCoverage(command, state);
    case 'DisbandTeam':
      return disband(command, state);
    default:
      return assertNever(command, 'team command');
  }
}
