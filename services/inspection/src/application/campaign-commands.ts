import type { Clock, IsoDate } from '@relapse-watch/domain-kernel';
import { handleCommand, type CommandResult, type EventStore } from '@relapse-watch/event-store-core';
import type { CampaignCommand, WorkingGroupData } from '../domain/campaign/campaign.commands';
import { campaignDecider, campaignStreamOf } from '../domain/campaign/campaign.decider';
import type { CampaignEvent } from '../domain/campaign/campaign.events';
import type { CampaignState } from '../domain/campaign/campaign.state';
import type { CampaignTerms } from '../domain/campaign/campaign.values';
import type { CampaignPolicySource } from './campaign-policy-source';
import { authorizeCaller } from '@relapse-watch/access';
import { SHIPPED_RULES, type CampaignRuleCatalogue } from './campaign-rule-catalogue';
import { placedContext, type RequestContext } from '@relapse-watch/service-runtime';

/** What a campaign command answers. */
export type CampaignResult = CommandResult<CampaignEvent, CampaignState>;

/** Dependencies of {@link CampaignCommands}. */
export interface CampaignCommandDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly policy: CampaignPolicySource;
  /** The rule sets and checklists a launch may name; the rules library's by default. */
  readonly rules?: CampaignRuleCatalogue;
}

/** The province's unit code (`51` → `510000000000`): a campaign's tenant and what its managers must reach. */
function provinceUnit(provinceCode: string): string {
  return String(provinceCode).padEnd(12, '0');
}

/**
 * The campaign use cases: launch and close (the province's officials), working groups (the
 * officials of that unit or above). Each checks the caller against the unit first, looks up what
 * the decider cannot (the policy in force on the launch day) and runs the command on
 * `inspection-campaign-<province>-<year>`.
 */
export class CampaignCommands {
  constructor(private readonly deps: CampaignCommandDeps) {}

  /** Launches the campaign with the lines and key regions in force on its launch date. */
  async launch(data: CampaignTerms, ctx: RequestContext): Promise<CampaignResult> {
    const unit = provinceUnit(data.provinceCode);
    authorizeCaller(ctx.caller, 'campaign.manage', unit, 'provinceCode');
    const policy = /^[1-9]\d$/.test(data.provinceCode)
      ? await this.deps.policy.inForce(data.provinceCode, data.year, data.launchedOn)
      : { lines: { monitoringThresholdFen: null, inspectionFilterLineFen: null }, keyRegions: [] };
    const rules = this.deps.rules ?? SHIPPED_RULES;
    const keyGroupRuleIds = rules.keyGroupRuleIdsOf(data.provinceCode, data.year, data.ruleSetVersion);
    const asked = Array.isArray(data.keyGroupRuleIds) ? data.keyGroupRuleIds : [];
    return this.run(
      {
        type: 'LaunchCampaign',
        data,
        facts: {
          lines: policy.lines,
          keyRegions: policy.keyRegions,
          ruleSetKnown: keyGroupRuleIds !== null,
          checklistKnown: rules.hasChecklist(data.checklistVersion),
          unknownKeyGroupRuleIds: asked.filter((id) => !(keyGroupRuleIds ?? []).includes(id)),
        },
      },
      unit,
      ctx,
    );
  }

  async close(
    scope: { readonly provinceCode: string; readonly year: number },
    closing: { readonly closedOn: IsoDate; readonly reason: string },
    ctx: RequestContext,
  ): Promise<CampaignResult> {
    const unit = provinceUnit(scope.provinceCode);
    authorizeCaller(ctx.caller, 'campaign.manage', unit, 'provinceCode');
    return this.run({ type: 'CloseCampaign', data: { ...scope, ...closing } }, unit, ctx);
  }

  /** Forms a unit's working group: the caller's area holds the unit (its own or one below). */
  formWorkingGroup(data: WorkingGroupData, ctx: RequestContext): Promise<CampaignResult> {
    authorizeCaller(ctx.caller, 'campaign.manage', data.unitCode, 'unitCode');
    return this.run({ type: 'FormWorkingGroup', data }, data.unitCode, ctx);
  }

  changeWorkingGroupMembers(data: WorkingGroupData, ctx: RequestContext): Promise<CampaignResult> {
    authorizeCaller(ctx.caller, 'campaign.manage', data.unitCode, 'unitCode');
    return this.run({ type: 'ChangeWorkingGroupMembers', data }, data.unitCode, ctx);
  }

  private run(command: CampaignCommand, divisionCode: string, ctx: RequestContext): Promise<CampaignResult> {
    const { provinceCode, year } = command.data;
    return handleCommand(
      this.deps.store,
      campaignStreamOf(provinceCode, year),
      campaignDecider,
      command,
      placedContext(ctx, divisionCode, this.deps.clock),
    );
  }
}
