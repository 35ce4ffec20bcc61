import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { IsoDate } from '@relapse-watch/domain-kernel';
import type {
  CampaignTerms,
  KeyRegionInForce,
  LinesInForce,
  WorkingGroupMember,
  WorkingGroupTier,
} from './campaign.values';

/** Province and year, in every payload so projections need no stream-name parsing. */
interface Scope {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
}

/** The campaign was launched with its dates, versions and the province's policy in force that day. */
export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  Scope & CampaignTerms & { readonly lines: LinesInForce; readonly keyRegions: readonly KeyRegionInForce[] }
>;

/** A unit's working group was formed. */
export type WorkingGroupFormed = DomainEvent<
  'WorkingGroupFormed',
  Scope & {
    readonly unitCode: string;
    readonly tier: WorkingGroupTier;
    readonly members: readonly WorkingGroupMember[];
  }
>;

/** A working group's members were replaced (the whole list, not a difference). */
export type WorkingGroupMembersChanged = DomainEvent<
  'WorkingGroupMembersChanged',
  Scope & {
    readonly unitCode: string;
    readonly tier: WorkingGroupTier;
    readonly members: readonly WorkingGroupMember[];
  }
>;

/** The campaign was closed. */
export type CampaignClosed = DomainEvent<
  'CampaignClosed',
  Scope & { readonly closedOn: IsoDate; readonly reason: string }
>;

/** Every event of the campaign aggregate. */
export type CampaignEvent = CampaignLaunched | WorkingGroupFormed | WorkingGroupMembersChanged | CampaignClosed;

/** Every campaign event type: a record over the union, so a forgotten type fails to compile. */
export const CAMPAIGN_EVENT_TYPES: Readonly<Record<CampaignEvent['type'], true>> = {
  CampaignLaunched: true,
  WorkingGroupFormed: true,
  WorkingGroupMembersChanged: true,
  CampaignClosed: true,
};
