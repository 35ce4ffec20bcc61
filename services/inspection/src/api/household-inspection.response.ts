import { ApiProperty } from '@nestjs/swagger';
import { CommandOutcomeResponse, commandOutcome } from '@relapse-watch/service-runtime';
import type { InspectionResult } from '../application/household-inspection.commands';
import type { CorrectionOutcome } from '../application/field-corrections';

/** What every household inspection command answers. */
export class InspectionCommandResponse extends CommandOutcomeResponse {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' }) id!: string;
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
    ...commandOutcome(result),
    status: state.kind === 'opened' && state.completion !== null ? 'completed' : 'open',
    round: state.kind === 'opened' ? state.round : 1,
    ...(contactId === undefined ? {} : { contactId }),
  };
}
