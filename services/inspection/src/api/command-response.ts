import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';
import { CommandOutcomeResponse, commandOutcome } from '@relapse-watch/service-runtime';

/** What every campaign and team command answers. */
export class CampaignCommandResponse extends CommandOutcomeResponse {
  @ApiProperty({ description: '对象ID（排查ID或工作队ID）/ id of what the command addressed (campaign or team id)' })
  id!: string;
}

/** The response body of a command result. */
export function commandResponse(id: string, result: CommandResult<DomainEvent, unknown>): CampaignCommandResponse {
  return { id, ...commandOutcome(result) };
}
