import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { NotFound } from '../errors/api-error';
import type { AuditActor, AuditEntry, AuditSummary, AuditTrailPart } from './audit-entry';

// The OpenAPI shape of one service's audit part. Every service answers the same classes, so the
// reporting service's merged route concatenates the three `entries` and sorts them
// (`mergeAuditTrails`) without mapping anything.

/** Path of the audit routes: a household id is a UUID (derived from village and household number). */
export class AuditHouseholdPath {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' })
  @IsUUID()
  householdId!: string;
}

/** What changed, in Chinese and English. */
export class AuditSummaryView implements AuditSummary {
  @ApiProperty({ description: '变更内容（中文）/ what changed, in Chinese' }) zh!: string;
  @ApiProperty({ description: '变更内容（英文）/ what changed, in English' }) en!: string;
}

/** Who made the change. */
export class AuditActorView implements AuditActor {
  @ApiProperty({ description: '用户ID（或 client:<id>、operator）/ user id (or client:<id>, operator)' })
  userId!: string;
  @ApiProperty({ description: '当时的角色 / the role acted in' }) role!: string;
}

/** One change of the household's history. */
export class AuditEntryView implements AuditEntry {
  @ApiProperty({ description: '该服务事件库中的全局位置 / global position in the service’s event store' })
  position!: number;
  @ApiProperty({ description: '写入时间 / when it was recorded', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: '发生时间 / when it happened', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '事件流 / stream' }) streamId!: string;
  @ApiProperty({ description: '事件ID / event id', format: 'uuid' }) eventId!: string;
  @ApiProperty({ description: '事件类型（服务内部）/ event type (the service’s own)' }) eventType!: string;
  @ApiProperty({ description: '业务域 / bounded context', example: 'registry' }) context!: string;
  @ApiProperty({ type: AuditSummaryView }) summary!: AuditSummaryView;
  @ApiProperty({ type: String, nullable: true, description: '经办人说明的理由 / the official’s stated reason' })
  reason!: string | null;
  @ApiProperty({ type: AuditActorView }) actor!: AuditActorView;
  @ApiProperty({ description: '关联ID / correlation id' }) correlationId!: string;
  @ApiProperty({ type: String, nullable: true, description: '起因ID / causation id' }) causationId!: string | null;
  @ApiProperty({
    description: '该事件的个人信息已删除（密钥已销毁）/ the event’s personal data was erased (its key destroyed)',
  })
  erased!: boolean;
}

/** One service's part of a household's audit trail. */
export class AuditTrailView implements AuditTrailPart {
  @ApiProperty({ description: '户ID / household id', format: 'uuid' }) householdId!: string;
  @ApiProperty({ description: '业务域 / bounded context', example: 'registry' }) context!: string;
  @ApiProperty({ type: [AuditEntryView], description: '按事件库顺序 / in the store’s order' })
  entries!: AuditEntryView[];
}

/**
 * The part a route answers, or its 404 `audit.household-unknown` when the service knows nothing
 * of the household (never a 403: an id tells nothing of a place).
 */
export function foundAuditPart(part: AuditTrailPart | null): AuditTrailView {
  if (part === null)
    throw new NotFound('该户的记录', 'records of the household', {
      code: 'audit.household-unknown',
      field: 'householdId',
    });
  return { householdId: part.householdId, context: part.context, entries: [...part.entries] };
}
