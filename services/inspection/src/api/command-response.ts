import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';

/** What every inspection command answers. */
export class CampaignCommandResponse {
  @ApiProperty({ description: '对象ID（排查ID或工作队ID）/ id of what the command addressed (campaign or team id)' })
  id!: string;
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

/** The response body of a command result. */
export function commandResponse(id: string, result: CommandResult<DomainEvent, unknown>): CampaignCommandResponse {
  return {
    id,
    revision: result.nextRevision,
    position: result.lastPosition,
    replayed: result.replayed,
    events: result.events.map((e) => e.type),
  };
}
