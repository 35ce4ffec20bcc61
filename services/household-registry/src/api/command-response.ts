import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { CommandResult, DomainEvent } from '@relapse-watch/event-store-core';
import { CommandOutcomeResponse, commandOutcome } from '@relapse-watch/service-runtime';
import type { HouseholdState } from '../domain/household/household.state';
import { HOUSEHOLD_WARNING_RULE_CODES } from '../domain/household/household-warning.catalogue';
import { warningView, type WarningView } from '../read-model/household-register.projection';

/** An open data-quality warning in a command's answer. */
export class WarningResponse implements WarningView {
  @ApiProperty({ enum: HOUSEHOLD_WARNING_RULE_CODES, description: '规则代码 / rule code' })
  rule!: WarningView['rule'];
  @ApiProperty({ description: '有问题的字段 / the field at fault' }) field!: string;
  @ApiProperty({
    description:
      '依据：成员编号、身份证前6位、年龄、在校状况、村代码（不含姓名和身份证号码） / evidence: member id, ID prefix, age, schooling stage, village code (never a name or an ID number)',
  })
  evidence!: WarningView['evidence'];
  @ApiProperty({ description: '说明 / message (中文 / English)' }) message!: string;
}

/** What every household command answers. */
export class CommandResponse extends CommandOutcomeResponse {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' }) id!: string;
  @ApiProperty({
    required: false,
    description: '新建对象的ID（成员、风险事件）/ id of what the command created (member, risk event)',
  })
  createdId?: string;
  @ApiProperty({
    type: [WarningResponse],
    required: false,
    description:
      '命令后该户未消除的数据质量预警（不影响命令成功） / the household’s open data-quality warnings after the command (the command succeeded)',
  })
  warnings?: WarningView[];
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
    ...commandOutcome(result),
    ...(createdId === undefined ? {} : { createdId }),
    ...warningsOf(result.state),
  };
}

/** The open warnings when the state is a registered household (policy commands have none). */
function warningsOf(state: unknown): { warnings?: WarningView[] } {
  const household = state as Partial<HouseholdState> | null;
  if (household?.kind !== 'registered' || !Array.isArray(household.warnings)) return {};
  return { warnings: household.warnings.map(warningView) };
}
