import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';
import { CommandOutcomeResponse, commandOutcome } from '@relapse-watch/service-runtime';

const CASE_ID = { description: '监测案件ID / monitoring case id', format: 'uuid' } as const;

/** What every step of a monitoring case answers. */
export class CaseCommandResponse extends CommandOutcomeResponse {
  @ApiProperty(CASE_ID) id!: string;
}

/** What a lead answers: the case it opened, or the running case it joined. */
export class LeadResponse extends CaseCommandResponse {
  @ApiProperty({
    description:
      '新建案件（true）或并入该户在办案件（false）/ a new case opened (true) or the running case joined (false)',
  })
  opened!: boolean;
}

/** What a department warning answers: the lead's case, and whether the warning was seen before. */
export class DepartmentWarningResponse extends LeadResponse {}

/** One reason of the risk-elimination guard: the rule, the field at fault, the message and what shows it. */
export class EliminationReasonDto {
  @ApiProperty({ description: '规则代码 / rule code', example: 'elimination.income-not-stable' }) code!: string;
  @ApiProperty({ description: '不满足的条件所在字段 / the field at fault' }) field!: string;
  @ApiProperty({ description: '中文 / English' }) message!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '依据（如收入、线、月数）/ the evidence (income, line, months…)',
  })
  evidence!: object;
}

/**
 * What an elimination proposal answers: allowed (the procedure starts) or refused — a refusal is
 * recorded on the case with the guard's reasons, so it is a 201 either way.
 */
export class EliminationProposalResponse extends CaseCommandResponse {
  @ApiProperty({ description: '允许启动风险消除程序 / the procedure may start' }) allowed!: boolean;
  @ApiProperty({ type: [EliminationReasonDto], description: '不允许的全部原因 / every reason it was refused' })
  reasons!: EliminationReasonDto[];
}

/** What recording an objection answers: the case and the objection's id. */
export class ObjectionResponse extends CaseCommandResponse {
  @ApiProperty({ description: '异议ID / objection id' }) objectionId!: string;
}

/** What recording a follow-up visit answers: the case and the visit's id. */
export class FollowUpVisitResponse extends CaseCommandResponse {
  @ApiProperty({ description: '回访ID / visit id' }) visitId!: string;
}

/** What a plan command answers: the case whose plan it changed, and the measure. */
export class MeasureCommandResponse extends CommandOutcomeResponse {
  @ApiProperty(CASE_ID) id!: string;
  @ApiProperty({ description: '帮扶措施ID / measure id' }) measureId!: string;
}

/** The response body of a case command's result. */
export function caseResponse(caseId: string, result: CommandResult<DomainEvent, unknown>): CaseCommandResponse {
  return { id: caseId, ...commandOutcome(result) };
}
