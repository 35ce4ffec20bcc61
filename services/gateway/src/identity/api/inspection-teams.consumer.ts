import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  inspectionTeamChangedV1,
  inspectionTeamFormedV1,
  type InspectionTeamChangedV1,
  type InspectionTeamFormedV1,
  type InspectionTeamV1,
} from '@relapse-watch/contracts';
import type { IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import { PublicRoute, type BusContext } from '@relapse-watch/service-runtime';
import type { TeamCoverageSync } from '../application/team-coverage.sync';
import { TEAM_COVERAGE_SYNC } from './identity.tokens';

/** The gateway's consumer group: its own offsets, apart from every other service's. */
export const GATEWAY_CONSUMER_GROUP = 'gateway';

/** The bus transport of the gateway's handlers (the embedded process holds several consumers). */
export const GATEWAY_BUS_TRANSPORT = Symbol.for('relapse-watch.gateway.bus-transport');

/**
 * The inspection's team events, consumed by the gateway (group `gateway`): a village inspector's
 * villages follow the teams they are on. No HTTP route (the bus transport calls it), hence public
 * to the access guard, which guards HTTP requests only.
 */
@PublicRoute()
@Controller()
export class InspectionTeamsConsumer {
  constructor(@Inject(TEAM_COVERAGE_SYNC) private readonly sync: TeamCoverageSync) {}

  @EventPattern(inspectionTeamFormedV1.type, GATEWAY_BUS_TRANSPORT)
  formed(@Payload() event: IntegrationEventEnvelope<InspectionTeamFormedV1>, @Ctx() _ctx: BusContext): Promise<void> {
    return this.record(event);
  }

  @EventPattern(inspectionTeamChangedV1.type, GATEWAY_BUS_TRANSPORT)
  changed(@Payload() event: IntegrationEventEnvelope<InspectionTeamChangedV1>, @Ctx() _ctx: BusContext): Promise<void> {
    return this.record(event);
  }

  private record(event: IntegrationEventEnvelope<InspectionTeamV1>): Promise<void> {
    return this.sync.record(event.data, {
      messageId: event.id,
      correlationId: event.correlationid,
      now: new Date(),
    });
  }
}
