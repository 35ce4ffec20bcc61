import { assertNever } from '@relapse-watch/domain-kernel';
import type { ContactMethod, InspectionArea } from '@relapse-watch/inspection-rules';
import type { AuditDescription } from '@relapse-watch/service-runtime/audit';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';

const METHOD: Readonly<Record<ContactMethod, readonly [string, string]>> = {
  'household-visit': ['入户走访', 'household visit'],
  'online-communication': ['线上沟通', 'online communication'],
  'group-assessment': ['群众评议', 'villagers’ group assessment'],
};

const AREA: Readonly<Record<InspectionArea, readonly [string, string]>> = {
  'relapse-risk': ['返贫致贫风险', 'relapse risk'],
  income: ['收入', 'income'],
  'assistance-measures': ['帮扶措施落实', 'assistance measures'],
  'elimination-stability': ['风险消除稳定性', 'elimination stability'],
  'latent-risks': ['潜在风险', 'latent risks'],
  'data-quality': ['数据质量', 'data quality'],
  'policy-awareness': ['政策知晓', 'policy awareness'],
};

const said = (zh: string, en: string, reason: string | null = null): AuditDescription => ({
  summary: { zh, en },
  reason,
  personal: false,
});

const areasOf = (areas: readonly InspectionArea[]) => ({
  zh: areas.map((a) => AREA[a][0]).join('、'),
  en: areas.map((a) => AREA[a][1]).join(', '),
});

/**
 * Describes one event of a household's inspection for the audit trail (issue 13 item 3): the
 * areas answered, never the answers themselves (free text and amounts a household told an
 * inspector); the official's reasons as given. Inspection events carry no personal data, so
 * nothing here is ever erased. A new event type fails to compile here.
 */
export function describeInspectionEvent(event: HouseholdInspectionEvent): AuditDescription {
  switch (event.type) {
    case 'HouseholdInspectionOpened':
      return said(
        `纳入排查 ${event.data.campaignId}（村 ${event.data.villageCode}，清单 ${event.data.checklistVersion}）`,
        `inspection opened in campaign ${event.data.campaignId} (village ${event.data.villageCode}, checklist ${event.data.checklistVersion})`,
      );
    case 'HouseholdInspectionAssigned':
      return said(
        `分派给排查组 ${event.data.teamId}，排查人员 ${event.data.inspectorIds.join('、')}`,
        `assigned to team ${event.data.teamId}, inspectors ${event.data.inspectorIds.join(', ')}`,
      );
    case 'HouseholdContactRecorded': {
      const [zh, en] = METHOD[event.data.method];
      const areas = areasOf(Object.keys(event.data.findings) as InspectionArea[]);
      return said(
        `第 ${event.data.round} 轮${zh}（${event.data.contactedOn}），已答领域：${areas.zh || '无'}`,
        `round ${event.data.round} ${en} on ${event.data.contactedOn}, areas answered: ${areas.en || 'none'}`,
      );
    }
    case 'HouseholdInspectionCompleted': {
      const late = event.data.late ? { zh: '（逾期）', en: ' (late)' } : { zh: '', en: '' };
      return said(
        `第 ${event.data.round} 轮排查完成于 ${event.data.completedOn}${late.zh}，方式：${event.data.methods.map((m) => METHOD[m][0]).join('、')}`,
        `round ${event.data.round} completed on ${event.data.completedOn}${late.en}, by ${event.data.methods.map((m) => METHOD[m][1]).join(', ')}`,
      );
    }
    case 'HouseholdInspectionReopened':
      return said(
        `重新排查，第 ${event.data.round} 轮（${event.data.reopenedOn}）`,
        `reopened for round ${event.data.round} (${event.data.reopenedOn})`,
        event.data.reason,
      );
    case 'InspectionSuggestionsRecorded': {
      const rules = event.data.suggestions.map((s) => s.ruleId).join(', ');
      return said(
        `第 ${event.data.round} 轮规则建议 ${event.data.suggestions.length} 条${rules ? `：${rules}` : ''}`,
        `${event.data.suggestions.length} rule suggestions in round ${event.data.round}${rules ? `: ${rules}` : ''}`,
      );
    }
    case 'InspectionSuggestionAccepted': {
      const risk =
        event.data.category === undefined
          ? { zh: '', en: '' }
          : {
              zh: `，认定为风险户：${event.data.category}（${(event.data.riskTypes ?? []).join('、')}）`,
              en: `, flagged at risk: ${event.data.category} (${(event.data.riskTypes ?? []).join(', ')})`,
            };
      return said(
        `采纳建议 ${event.data.suggestionId}（${event.data.decidedOn}）${risk.zh}`,
        `suggestion ${event.data.suggestionId} accepted (${event.data.decidedOn})${risk.en}`,
        event.data.reason,
      );
    }
    case 'InspectionSuggestionDismissed':
      return said(
        `不采纳建议 ${event.data.suggestionId}（${event.data.decidedOn}）`,
        `suggestion ${event.data.suggestionId} dismissed (${event.data.decidedOn})`,
        event.data.reason,
      );
    case 'DataQualityIssueOpened':
      return said(
        `数据质量问题立项：${event.data.rule}，字段 ${event.data.field}`,
        `data-quality issue opened: ${event.data.rule}, field ${event.data.field}`,
      );
    case 'DataQualityIssueResolved':
      return said(
        `数据质量问题 ${event.data.issueId} 已解决（${event.data.resolvedOn}）`,
        `data-quality issue ${event.data.issueId} resolved (${event.data.resolvedOn})`,
        event.data.resolution,
      );
    case 'RectificationItemOpened': {
      const [zh, en] = AREA[event.data.area];
      return said(
        `整改事项立项：${zh}，责任单位 ${event.data.ownerUnit}，限 ${event.data.dueOn} 前`,
        `rectification item opened: ${en}, owner ${event.data.ownerUnit}, due ${event.data.dueOn}`,
      );
    }
    case 'RectificationItemClosed': {
      const overdue = event.data.overdue ? { zh: '（逾期）', en: ' (overdue)' } : { zh: '', en: '' };
      return said(
        `整改事项 ${event.data.itemId} 已销号（${event.data.closedOn}）${overdue.zh}`,
        `rectification item ${event.data.itemId} closed (${event.data.closedOn})${overdue.en}`,
        event.data.resolution,
      );
    }
    case 'HouseholdCorrectionSent': {
      const answer = event.data.answer;
      const outcome =
        answer.outcome === 'accepted'
          ? { zh: '档案已接受', en: 'accepted by the registry' }
          : { zh: `档案拒绝（${answer.code}）`, en: `refused by the registry (${answer.code})` };
      return said(
        `现场更正送档案：${event.data.kind}，${outcome.zh}`,
        `field correction sent to the registry: ${event.data.kind}, ${outcome.en}`,
      );
    }
    default:
      return assertNever(event, 'household inspection event');
  }
}
