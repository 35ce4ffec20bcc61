import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';

/** What every household command answers. */
export class CommandResponse {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' }) id!: string;
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
  @ApiProperty({
    required: false,
    description: '新建对象的ID（成员、风险事件）/ id of what the command created (member, risk event)',
  })
  createdId?: string;
}

/**
 * What a province policy command answers: the same, with the policy's scope as its id. A schema of
 * its own, so that no client (nor schemathesis' link inference) takes a scope for a household id.
 */
export class PolicyCommandResponse extends OmitType(CommandResponse, ['id'] as const) {
  @ApiProperty({
    description: '政策范围：省级代码-年度 / the policy scope, province-year',
    pattern: '^[1-9][0-9]-[0-9]{4}$',
  })
  id!: string;
}

/** The response body of a command result. */
export function commandResponse(
  id: string,
  result: CommandResult<DomainEvent, unknown>,
  createdId?: string,
): CommandResponse {
  return {
    id,
    revision: result.nextRevision,
    position: result.lastPosition,
    replayed: result.replayed,
    events: result.events.map((e) => e.type),
    ...(createdId === undefined ? {} : { createdId }),
  };
}
