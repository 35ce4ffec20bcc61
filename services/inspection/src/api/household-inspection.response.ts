import { ApiProperty } from '@nestjs/swagger';
import type { InspectionResult } from '../application/household-inspection.commands';
import type { CorrectionOutcome } from '../application/field-corrections';

/** What every household inspection command answers. */
export class InspectionCommandResponse {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' }) id!: string;
  @ApiProperty({ description: '命令后的版本号，用于 If-Match / revision after the command, for If-Match' })
  revision!: number;
  @ApiProperty({
    description: '最后写入事件的全局位置 / global position of the last event written',
    nullable: true,
    type: Number,
  })
  position!: number | null;
  @ApiProperty({ description: '按幂等键重放，未重复写入 / replayed under the idempotency key, nothing written again' })
  replayed!: boolean;
  @ApiProperty({ type: [String], description: '产生的事件类型 / types of the events produced' }) events!: string[];
  @ApiProperty({ enum: ['open', 'completed'], description: '命令后本轮状态 / the round’s status after the command' })
  status!: 'open' | 'completed';
  @ApiProperty({ description: '命令后的排查轮次 / the round after the command' }) round!: number;
  @ApiProperty({ required: false, description: '记录的联系ID / id of the contact recorded' }) contactId?: string;
  @ApiProperty({
    required: false,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      '各项更正的结果：accepted（户籍已接受，带位置）、refused（带户籍的代码）、not-sent（未能发送，可重发）/ each correction: accepted (with the registry’s position), refused (with its code), not-sent (send the visit again)',
  })
  corrections?: CorrectionOutcome[];
}

/** The response body of a command result. */
export function inspectionResponse(
  householdId: string,
  result: InspectionResult,
  contactId?: string,
): InspectionCommandResponse {
  const state = result.state;
  return {
    id: householdId,
    revision: result.nextRevision,
    position: result.lastPosition,
    replayed: result.replayed,
    events: result.events.map((e) => e.type),
    status: state.kind === 'opened' && state.completion !== null ? 'completed' : 'open',
    round: state.kind === 'opened' ? state.round : 1,
    ...(contactId === undefined ? {} : { contactId }),
  };
}
