import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';

/**
 * What every command answers besides the id of what it addressed: each service's response
 * extends it with an `id` of its own (a household, a campaign, a case id, each with its own
 * description and pattern, so no client takes one for another).
 */
export class CommandOutcomeResponse {
  @ApiProperty({ description: '命令后的版本号，用于 If-Match / revision after the command, for If-Match' })
  revision!: number;
  @ApiProperty({
    description:
      '最后写入事件的全局位置；读取时可作 X-Min-Position / global position of the last event written; send as X-Min-Position to read your own write',
    nullable: true,
    type: Number,
  })
  position!: number | null;
  @ApiProperty({ description: '按幂等键重放，未重复写入 / replayed under the idempotency key, nothing written again' })
  replayed!: boolean;
  @ApiProperty({ type: [String], description: '产生的事件类型 / types of the events produced' }) events!: string[];
}

/** The common part of a command's response body. */
export function commandOutcome(result: CommandResult<DomainEvent, unknown>): CommandOutcomeResponse {
  return {
    revision: result.nextRevision,
    position: result.lastPosition,
    replayed: result.replayed,
    events: result.events.map((e) => e.type),
  };
}
