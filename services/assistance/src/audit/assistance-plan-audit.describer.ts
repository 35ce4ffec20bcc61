import { assertNever } from '@relapse-watch/domain-kernel';
import type { AuditDescription } from '@relapse-watch/service-runtime/audit';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import type { HouseholdEpisodeEvent } from '../domain/household-episode/household-episode';

const said = (zh: string, en: string, reason: string | null = null): AuditDescription => ({
  summary: { zh, en },
  reason,
  personal: false,
});

/**
 * Describes one event of a case's assistance plan for the audit trail (issue 13 item 3): which
 * measure, its category and kind, the responsible department and its dates; a cancellation's
 * reason as given. Plans carry no personal data. A new event type fails to compile here.
 */
export function describeAssistancePlanEvent(event: AssistancePlanEvent): AuditDescription {
  switch (event.type) {
    case 'AssistancePlanOpened':
      return said(`案件 ${event.data.caseId} 帮扶计划建立`, `assistance plan of case ${event.data.caseId} opened`);
    case 'AssistancePlanImported':
      return said(
        `从原监测系统导入帮扶措施 ${event.data.measures.length} 项`,
        `${event.data.measures.length} measures imported from the national system`,
      );
    case 'AssistanceMeasurePlanned': {
      const m = event.data;
      return said(
        `计划帮扶措施 ${m.measureId}：${m.category}/${m.kind}，责任部门 ${m.responsibleDepartment}，自 ${m.plannedStart} 起`,
        `measure ${m.measureId} planned: ${m.category}/${m.kind}, by ${m.responsibleDepartment}, from ${m.plannedStart}`,
      );
    }
    case 'AssistanceMeasureStarted':
      return said(
        `措施 ${event.data.measureId} 开始落实（${event.data.actualStart}，${event.data.timing}）`,
        `measure ${event.data.measureId} started (${event.data.actualStart}, ${event.data.timing})`,
      );
    case 'AssistanceMeasureEnded':
      return said(
        `措施 ${event.data.measureId} 结束（${event.data.actualEnd}）`,
        `measure ${event.data.measureId} ended (${event.data.actualEnd})`,
      );
    case 'AssistanceMeasureCancelled':
      return said(
        `措施 ${event.data.measureId} 取消（${event.data.cancelledOn}）`,
        `measure ${event.data.measureId} cancelled (${event.data.cancelledOn})`,
        event.data.reason,
      );
    case 'AssistanceMeasureExtendedAfterElimination':
      return said(
        `措施 ${event.data.measureId} 在风险消除后延续至 ${event.data.until}`,
        `measure ${event.data.measureId} extended after elimination until ${event.data.until}`,
      );
    case 'AssistancePlanFlagsChanged': {
      const flags = event.data.flags.length === 0 ? null : event.data.flags.join(', ');
      return said(
        `帮扶计划提示变更（${event.data.changedOn}）：${flags ?? '无'}`,
        `plan flags changed (${event.data.changedOn}): ${flags ?? 'none'}`,
      );
    }
    default:
      return assertNever(event, 'assistance plan event');
  }
}

/** Describes the household's episode events: which case became its current one. */
export function describeHouseholdEpisodeEvent(event: HouseholdEpisodeEvent): AuditDescription {
  switch (event.type) {
    case 'HouseholdCaseAssigned': {
      const previous = event.data.previousCaseId;
      return said(
        `该户当前案件为 ${event.data.caseId}（${event.data.on}）${previous === null ? '' : `，前一案件 ${previous}`}`,
        `case ${event.data.caseId} became the household’s current case (${event.data.on})${previous === null ? '' : `, after ${previous}`}`,
      );
    }
    default:
      return assertNever(event.type, 'household episode event');
  }
}
