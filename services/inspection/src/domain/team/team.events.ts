import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { TeamMember } from './team.values';

/** Team and campaign, in every payload so projections and translations need no stream-name parsing. */
interface TeamRef {
  readonly teamId: string;
  readonly campaignId: string;
}

/** A team was formed. */
export type TeamFormed = DomainEvent<
  'TeamFormed',
  TeamRef & {
    readonly name: string;
    readonly townshipCode: string;
    /** Sorted. */
    readonly villageCodes: readonly string[];
    /** Sorted by user id. */
    readonly members: readonly TeamMember[];
  }
>;

/** The team's members were replaced (the whole list). */
export type TeamMembersChanged = DomainEvent<
  'TeamMembersChanged',
  TeamRef & { readonly members: readonly TeamMember[] }
>;

/** The villages the team covers were replaced (the whole list, and what was added and removed). */
export type TeamCoverageChanged = DomainEvent<
  'TeamCoverageChanged',
  TeamRef & {
    readonly villageCodes: readonly string[];
    readonly added: readonly string[];
    readonly removed: readonly string[];
  }
>;

/** The team was disbanded. */
export type TeamDisbanded = DomainEvent<'TeamDisbanded', TeamRef & { readonly reason: string }>;

/** Every event of the team aggregate. */
export type TeamEvent = TeamFormed | TeamMembersChanged | TeamCoverageChanged | TeamDisbanded;

/** Every team event type: a record over the union, so a forgotten type fails to compile. */
export const TEAM_EVENT_TYPES: Readonly<Record<TeamEvent['type'], true>> = {
  TeamFormed: true,
  TeamMembersChanged: true,
  TeamCoverageChanged: true,
  TeamDisbanded: true,
};
