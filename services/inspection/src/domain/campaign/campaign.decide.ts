import { assertNever, throwIfAny } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { CampaignCommand, CloseCampaign, LaunchCampaign } from './campaign.commands';
import { campaignError, campaignProblem } from './campaign.errors';
import type { CampaignEvent, CampaignLaunched } from './campaign.events';
import type { CampaignState } from './campaign.state';
import { campaignIdOf } from './campaign.values';
import { checkDate, checkReason, checkScope, type Problems } from './campaign.validation';
import { changeWorkingGroupMembers, formWorkingGroup } from './campaign-working-groups.decide';

const CHECKLIST_VERSION = /^\d{4}\.[1-9]\d{0,3}$/;
const RULE_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function checkVersions(command: LaunchCampaign, problems: Problems): void {
  const { data, facts } = command;
  if (
    typeof data.checklistVersion !== 'string' ||
    !CHECKLIST_VERSION.test(data.checklistVersion) ||
    !facts.checklistKnown
  )
    problems.push(campaignProblem('campaign.checklist-version', 'checklistVersion'));
  const ruleSetPrefix = `${data.provinceCode}-${data.year}.`;
  if (typeof data.ruleSetVersion !== 'string' || !data.ruleSetVersion.startsWith(ruleSetPrefix) || !facts.ruleSetKnown)
    problems.push(campaignProblem('campaign.rule-set-version', 'ruleSetVersion'));
  const ids = data.keyGroupRuleIds;
  if (
    !Array.isArray(ids) ||
    ids.some((id) => typeof id !== 'string' || id.length > 64 || !RULE_ID.test(id)) ||
    new Set(ids).size !== ids.length
  )
    problems.push(campaignProblem('campaign.key-group-rule-ids', 'keyGroupRuleIds'));
  else if (facts.ruleSetKnown)
    ids.forEach((id, i) => {
      if (facts.unknownKeyGroupRuleIds.includes(id))
        problems.push(campaignProblem('campaign.key-group-rule-unknown', `keyGroupRuleIds.${i}`));
    });
}

function checkDates(command: LaunchCampaign, problems: Problems): void {
  const { launchedOn, teamsInPlaceBy, inspectBy, year } = command.data;
  const launch = checkDate(launchedOn, 'launchedOn', problems);
  const teams = checkDate(teamsInPlaceBy, 'teamsInPlaceBy', problems);
  const inspect = checkDate(inspectBy, 'inspectBy', problems);
  if (launch && Number(launchedOn.slice(0, 4)) !== year)
    problems.push(campaignProblem('campaign.launch-outside-year', 'launchedOn'));
  if (launch && teams && inspect && !(launchedOn <= teamsInPlaceBy && teamsInPlaceBy <= inspectBy))
    problems.push(
      campaignProblem('campaign.dates-order', teamsInPlaceBy < launchedOn ? 'teamsInPlaceBy' : 'inspectBy'),
    );
}

/** The launch event; fields copied one by one so nothing else a caller adds reaches it. */
function launchedEvent(command: LaunchCampaign): CampaignLaunched {
  const { data, facts } = command;
  return {
    type: 'CampaignLaunched',
    data: {
      campaignId: campaignIdOf(data.provinceCode, data.year),
      provinceCode: data.provinceCode,
      year: data.year,
      launchedOn: data.launchedOn,
      teamsInPlaceBy: data.teamsInPlaceBy,
      inspectBy: data.inspectBy,
      checklistVersion: data.checklistVersion,
      ruleSetVersion: data.ruleSetVersion,
      keyGroupRuleIds: [...data.keyGroupRuleIds].sort(),
      lines: {
        monitoringThresholdFen: facts.lines.monitoringThresholdFen,
        inspectionFilterLineFen: facts.lines.inspectionFilterLineFen,
      },
      keyRegions: facts.keyRegions
        .map((r) => ({ regionId: r.regionId, kind: r.kind, divisionCodes: [...r.divisionCodes].sort() }))
        .sort((a, b) => (a.regionId < b.regionId ? -1 : a.regionId > b.regionId ? 1 : 0)),
    },
  };
}

function launch(command: LaunchCampaign, state: CampaignState): readonly CampaignEvent[] {
  const problems: Problems = [];
  checkScope(command.data, problems);
  checkDates(command, problems);
  checkVersions(command, problems);
  throwIfAny(problems);
  const event = launchedEvent(command);
  if (state.kind !== 'none') {
    // The same launch again (a re-sent request) is a no-op, whatever the policy did since: the
    // campaign keeps the policy of its launch day.
    const { lines: _l, keyRegions: _k, ...launched } = state.campaign;
    const { lines: _l2, keyRegions: _k2, ...asked } = event.data;
    if (isDeepStrictEqual(launched, asked)) return [];
    throw campaignError('campaign.already-launched', 'provinceCode');
  }
  if (command.facts.lines.monitoringThresholdFen === null)
    throw campaignError('campaign.threshold-not-published', 'launchedOn');
  return [event];
}

function close(command: CloseCampaign, state: CampaignState): readonly CampaignEvent[] {
  const { data } = command;
  const problems: Problems = [];
  checkScope(data, problems);
  checkDate(data.closedOn, 'closedOn', problems);
  checkReason(data.reason, problems);
  throwIfAny(problems);
  if (state.kind === 'none') throw campaignError('campaign.not-launched', 'provinceCode');
  if (state.kind === 'closed') return [];
  if (data.closedOn < state.campaign.launchedOn) throw campaignError('campaign.closed-before-launch', 'closedOn');
  const { campaignId, provinceCode, year } = state.campaign;
  return [
    { type: 'CampaignClosed', data: { campaignId, provinceCode, year, closedOn: data.closedOn, reason: data.reason } },
  ];
}

/**
 * Decides a command on a province's concentrated inspection of a year. The policy in force on the
 * launch day (lines, key regions) is copied into the launch, so a later revision of the policy
 * does not change the rules a campaign under way applies; a closed campaign refuses every change.
 */
export function decide(command: CampaignCommand, state: CampaignState): readonly CampaignEvent[] {
  switch (command.type) {
    case 'LaunchCampaign':
      return launch(command, state);
    case 'FormWorkingGroup':
      return formWorkingGroup(command, state);
    case 'ChangeWorkingGroupMembers':
      return changeWorkingGroupMembers(command, state);
    case 'CloseCampaign':
      return close(command, state);
    default:
      return assertNever(command, 'campaign command');
  }
}
