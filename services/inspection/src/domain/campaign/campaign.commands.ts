import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { CampaignTerms, KeyRegionInForce, LinesInForce, WorkingGroupMember } from './campaign.values';

/** Which campaign a command is for: stream `inspection-campaign-<provinceCode>-<year>`. */
export interface CampaignScope {
  /** Two-digit province code, e.g. `51`. */
  readonly provinceCode: string;
  readonly year: number;
}

/** Launch the province's concentrated inspection of the year. */
export interface LaunchCampaign {
  readonly type: 'LaunchCampaign';
  readonly data: CampaignTerms;
  /** What the handler looked up: the province's policy in force on the launch date. */
  readonly facts: {
    readonly lines: LinesInForce;
    readonly keyRegions: readonly KeyRegionInForce[];
    /** Whether the rule set version is one the rules library knows for the province and year. */
    readonly ruleSetKnown: boolean;
    /** Whether the checklist version is one the rules library knows. */
    readonly checklistKnown: boolean;
    /** The key-group rule ids asked for that the rule set does not have. */
    readonly unknownKeyGroupRuleIds: readonly string[];
  };
}

/** Members of a working group as a command brings them. */
export interface WorkingGroupData extends CampaignScope {
  /** 12-digit code of the unit (province, city, county or township) inside the campaign's province. */
  readonly unitCode: string;
  readonly members: readonly WorkingGroupMember[];
}

/** Form the working group of a unit. */
export interface FormWorkingGroup {
  readonly type: 'FormWorkingGroup';
  readonly data: WorkingGroupData;
}

/** Replace the members of a unit's working group. */
export interface ChangeWorkingGroupMembers {
  readonly type: 'ChangeWorkingGroupMembers';
  readonly data: WorkingGroupData;
}

/** Close the campaign: nothing but reads after. */
export interface CloseCampaign {
  readonly type: 'CloseCampaign';
  readonly data: CampaignScope & { readonly closedOn: IsoDate; readonly reason: string };
}

/** Every command of the campaign aggregate. */
export type CampaignCommand = LaunchCampaign | FormWorkingGroup | ChangeWorkingGroupMembers | CloseCampaign;
