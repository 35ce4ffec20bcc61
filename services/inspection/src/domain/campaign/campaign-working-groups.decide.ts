import { isDeepStrictEqual } from 'node:util';
import { throwIfAny } from '@relapse-watch/domain-kernel';
import type { ChangeWorkingGroupMembers, FormWorkingGroup, WorkingGroupData } from './campaign.commands';
import { campaignError } from './campaign.errors';
import type { CampaignEvent } from './campaign.events';
import type { CampaignState, LaunchedCampaignState } from './campaign.state';
import type { WorkingGroupMember, WorkingGroupTier } from './campaign.values';
import {
  checkScope,
  checkWorkingGroupMembers,
  checkWorkingGroupUnit,
  normalizedMembers,
  type Problems,
} from './campaign.validation';

interface CheckedGroup {
  readonly state: LaunchedCampaignState;
  readonly tier: WorkingGroupTier;
  readonly members: readonly WorkingGroupMember[];
}

/** Input first (every problem at once), then the campaign: launched and not closed. */
function checked(data: WorkingGroupData, state: CampaignState): CheckedGroup {
  const problems: Problems = [];
  checkScope(data, problems);
  const tier = checkWorkingGroupUnit(data.unitCode, data.provinceCode, problems);
  checkWorkingGroupMembers(data.members, problems);
  throwIfAny(problems);
  if (state.kind === 'none') throw campaignError('campaign.not-launched', 'provinceCode');
  if (state.kind === 'closed') throw campaignError('campaign.closed', 'provinceCode');
  return { state, tier: tier as WorkingGroupTier, members: normalizedMembers(data.members) };
}

function eventData(group: CheckedGroup, unitCode: string) {
  const { campaignId, provinceCode, year } = group.state.campaign;
  return { campaignId, provinceCode, year, unitCode, tier: group.tier, members: group.members };
}

/** Forms a unit's working group; the same group again is a no-op, another one is refused (change its members). */
export function formWorkingGroup(command: FormWorkingGroup, state: CampaignState): readonly CampaignEvent[] {
  const group = checked(command.data, state);
  const existing = group.state.workingGroups[command.data.unitCode];
  if (existing === undefined) return [{ type: 'WorkingGroupFormed', data: eventData(group, command.data.unitCode) }];
  if (isDeepStrictEqual(existing.members, group.members)) return [];
  throw campaignError('working-group.already-formed', 'unitCode');
}

/** Replaces a formed group's members; the same members again are a no-op. */
export function changeWorkingGroupMembers(
  command: ChangeWorkingGroupMembers,
  state: CampaignState,
): readonly CampaignEvent[] {
  const group = checked(command.data, state);
  const existing = group.state.workingGroups[command.data.unitCode];
  if (existing === undefined) throw campaignError('working-group.not-formed', 'unitCode');
  if (isDeepStrictEqual(existing.members, group.members)) return [];
  return [{ type: 'WorkingGroupMembersChanged', data: eventData(group, command.data.unitCode) }];
}
