import type { InspectionTeamV1 } from '@relapse-watch/contracts';
import { divisionTier, isDivisionCode, isWithin } from '@relapse-watch/domain-kernel';
import {
  foldStream,
  handleCommand,
  type Actor,
  type CommandContext,
  type EventStore,
} from '@relapse-watch/event-store-core';
import {
  coveredVillages,
  inspectorCoverageDecider,
  inspectorCoverageStreamId,
} from '../domain/team-coverage/inspector-coverage';
import {
  teamMembershipDecider,
  teamMembershipStreamId,
  villagesThrough,
} from '../domain/team-coverage/team-membership';
import { userDecider, userStreamId } from '../domain/user/user.decider';
import { WHOLE_COUNTRY } from './identity-context';

/** The actor of the villages the gateway records from the inspection's team events. */
export const TEAM_COVERAGE_ACTOR: Actor = { userId: 'system:inspection-teams', role: 'system' };

const REASON = '排查工作队负责的村调整 / the villages of the inspector’s inspection teams changed';

/** One team message as it came off the bus: its CloudEvent id and correlation. */
export interface TeamMessageMeta {
  readonly messageId: string;
  readonly correlationId: string;
  readonly now: Date;
}

/**
 * A village inspector's area follows their teams (issue 11, design-11.md): the union of the
 * villages of the active teams they are on. Each team message is recorded in three steps, each
 * idempotent under the message's id (a redelivery writes nothing twice, and a crash half-way is
 * completed by the redelivery): the team's members (so those who left are known), each affected
 * user's villages through this team, then each affected inspector's villages as the users
 * decider's own `AssignUserVillages`, with the team message as causation. Users who are not
 * village inspectors (or not users of this gateway) get no villages; villages outside an
 * inspector's home unit are not granted (deny by default: the users decider would refuse them).
 */
export class TeamCoverageSync {
  constructor(private readonly store: EventStore) {}

  async record(team: InspectionTeamV1, meta: TeamMessageMeta): Promise<void> {
    const ctx: CommandContext = {
      now: meta.now,
      actor: TEAM_COVERAGE_ACTOR,
      correlationId: meta.correlationId,
      causationId: meta.messageId,
      idempotencyKey: meta.messageId,
      divisionCode: team.townshipCode ?? WHOLE_COUNTRY,
    };
    const membership = await handleCommand(
      this.store,
      teamMembershipStreamId(team.teamId),
      teamMembershipDecider,
      {
        type: 'RecordTeamMembership',
        data: {
          teamId: team.teamId,
          memberIds: team.members.map((m) => m.userId),
          villageCodes: team.villageCodes,
          active: !team.disbanded,
        },
      },
      ctx,
    );
    const recorded = membership.state;
    if (recorded === null) return;
    const former = membership.events.flatMap((e) => e.data.formerMemberIds);
    for (const userId of [...new Set([...recorded.memberIds, ...former])]) {
      const coverage = await handleCommand(
        this.store,
        inspectorCoverageStreamId(userId),
        inspectorCoverageDecider,
        {
          type: 'RecordTeamVillages',
          data: { userId, teamId: team.teamId, villageCodes: villagesThrough(recorded, userId) },
        },
        ctx,
      );
      await this.assignIfInspector(userId, coveredVillages(coverage.state), ctx);
    }
  }

  private async assignIfInspector(userId: string, villages: readonly string[], ctx: CommandContext): Promise<void> {
    const user = await foldStream(this.store, userStreamId(userId), userDecider);
    if (user.kind !== 'user' || user.role !== 'village-inspector' || user.disabled) return;
    const villageCodes = villages.filter(
      (v) => isDivisionCode(v) && divisionTier(v) === 'village' && isWithin(v, user.unitCode),
    );
    await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'AssignUserVillages', data: { userId, villageCodes, reason: REASON } },
      { ...ctx, divisionCode: user.unitCode },
    );
  }
}
