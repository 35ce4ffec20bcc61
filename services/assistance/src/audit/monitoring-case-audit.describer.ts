import { assertNever } from '@relapse-watch/domain-kernel';
import type { AuditDescription } from '@relapse-watch/service-runtime/audit';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import type { CaseProcedure, RejectionLevel } from '../domain/monitoring-case/monitoring-case.values';

const PROCEDURE: Readonly<Record<CaseProcedure, readonly [string, string]>> = {
  identification: ['识别', 'identification'],
  elimination: ['风险消除', 'elimination'],
};

const LEVEL: Readonly<Record<RejectionLevel, readonly [string, string]>> = {
  'village-review': ['村级评议', 'the village review'],
  'township-review': ['乡镇审核', 'the township review'],
  county: ['县级审定', 'the county'],
};

const said = (zh: string, en: string, reason: string | null): AuditDescription => ({
  summary: { zh, en },
  reason,
  personal: false,
});

/**
 * Describes one event of a monitoring case for the audit trail (issue 13 item 3): the step, its
 * day and outcome, and the official's reason as recorded (`StepRecord.reason`). Findings, the
 * objection's content and who raised it stay out: free text about people, read in the case
 * itself by those with `case.read`. Case events carry no personal data, so nothing is erased. A
 * new event type fails to compile here.
 */
export function describeMonitoringCaseEvent(event: MonitoringCaseEvent): AuditDescription {
  const { on, reason } = event.data;
  switch (event.type) {
    case 'MonitoringCaseOpened': {
      const { lead, previousCaseId } = event.data;
      const again =
        previousCaseId === null
          ? { zh: '', en: '' }
          : { zh: `（接续 ${previousCaseId}）`, en: ` (after ${previousCaseId})` };
      return said(
        `监测案件 ${event.data.caseId} 立案${again.zh}，线索来源 ${lead.source}，${event.data.acceptBy} 前受理`,
        `monitoring case ${event.data.caseId} opened${again.en} from a ${lead.source} lead, to accept by ${event.data.acceptBy}`,
        reason,
      );
    }
    case 'MonitoringCaseImported': {
      const out =
        event.data.eliminatedOn === null
          ? { zh: '', en: '' }
          : { zh: `，${event.data.eliminatedOn} 风险消除`, en: `, eliminated ${event.data.eliminatedOn}` };
      return said(
        `从原监测系统导入案件 ${event.data.caseId}：${event.data.category}，识别于 ${on}${out.zh}`,
        `case ${event.data.caseId} imported from the national system: ${event.data.category}, identified ${on}${out.en}`,
        reason,
      );
    }
    case 'MonitoringCaseLeadEvidenceAdded':
      return said(
        `补充线索：${event.data.lead.source}（${on}）`,
        `further lead: ${event.data.lead.source} (${on})`,
        reason,
      );
    case 'MonitoringCaseLeadAccepted':
      return said(
        `受理线索（${on}），入户核实限 ${event.data.homeVerificationBy}，全程限 ${event.data.procedureBy}`,
        `lead accepted (${on}), home verification by ${event.data.homeVerificationBy}, procedure by ${event.data.procedureBy}`,
        reason,
      );
    case 'MonitoringCaseLeadDismissed':
      return said(`线索不予受理（${on}）`, `lead dismissed (${on})`, reason);
    case 'MonitoringCaseHomeVerified':
      return said(`入户核实完成，已签承诺授权书（${on}）`, `home verified, consent signed (${on})`, reason);
    case 'MonitoringCaseDepartmentsCompared': {
      const results = event.data.results.map((r) => `${r.department}:${r.finding}`).join(', ');
      return said(`部门信息比对（${on}）：${results}`, `departments compared (${on}): ${results}`, reason);
    }
    case 'MonitoringCaseVillageReviewed':
    case 'MonitoringCaseTownshipReviewed': {
      const [pzh, pen] = PROCEDURE[event.data.procedure];
      const village = event.type === 'MonitoringCaseVillageReviewed';
      const ok = event.data.outcome === 'approved';
      return said(
        `${pzh}${village ? '村级民主评议' : '乡镇审核'}${ok ? '通过' : '未通过'}（${on}）`,
        `${pen} ${village ? 'village review' : 'township review'} ${ok ? 'approved' : 'not approved'} (${on})`,
        reason,
      );
    }
    case 'MonitoringCasePublicNoticePosted': {
      const [pzh, pen] = PROCEDURE[event.data.procedure];
      return said(
        `${pzh}公示第 ${event.data.noticeNumber} 次张贴（${on}），不少于 ${event.data.minimumDays} 天，${event.data.closesNoEarlierThan} 后可结束`,
        `${pen} notice ${event.data.noticeNumber} posted (${on}), at least ${event.data.minimumDays} days, may close from ${event.data.closesNoEarlierThan}`,
        reason,
      );
    }
    case 'MonitoringCaseObjectionRecorded':
      return said(
        `公示异议 ${event.data.objectionId} 登记（第 ${event.data.noticeNumber} 次公示，${on}）`,
        `objection ${event.data.objectionId} to notice ${event.data.noticeNumber} recorded (${on})`,
        reason,
      );
    case 'MonitoringCaseObjectionResolved': {
      const upheld = event.data.upheld;
      return said(
        `异议 ${event.data.objectionId} ${upheld ? '成立，公示撤回' : '不成立'}（${on}）`,
        `objection ${event.data.objectionId} ${upheld ? 'upheld, notice withdrawn' : 'not upheld'} (${on})`,
        reason,
      );
    }
    case 'MonitoringCasePublicNoticeClosed': {
      const [pzh, pen] = PROCEDURE[event.data.procedure];
      return said(
        `${pzh}公示第 ${event.data.noticeNumber} 次结束（${on}）`,
        `${pen} notice ${event.data.noticeNumber} closed (${on})`,
        reason,
      );
    }
    case 'MonitoringCaseIdentified':
      return said(
        `县级审定为监测对象：${event.data.category}（${event.data.riskTypes.join('、')}），${on}`,
        `identified as a monitoring subject: ${event.data.category} (${event.data.riskTypes.join(', ')}), ${on}`,
        reason,
      );
    case 'MonitoringCaseIdentificationRejected':
    case 'MonitoringCaseEliminationRejected': {
      const [lzh, len] = LEVEL[event.data.at];
      const [pzh, pen] =
        event.type === 'MonitoringCaseIdentificationRejected' ? PROCEDURE.identification : PROCEDURE.elimination;
      return said(`${pzh}未通过${lzh}（${on}）`, `${pen} rejected at ${len} (${on})`, reason);
    }
    case 'MonitoringCaseStepOverdue':
      return said(
        `${event.data.step} 逾期（期限 ${event.data.dueOn}）`,
        `${event.data.step} overdue (due ${event.data.dueOn})`,
        reason,
      );
    case 'MonitoringCaseEliminationRefused': {
      const codes = event.data.guardReasons.map((r) => r.code).join(', ');
      return said(
        `申请风险消除，条件不满足（${on}）：${codes}`,
        `elimination refused by the guard (${on}): ${codes}`,
        reason,
      );
    }
    case 'MonitoringCaseEliminationProposed':
      return said(`提出风险消除（${on}）`, `elimination proposed (${on})`, reason);
    case 'MonitoringCaseEliminationVerified':
      return said(`风险消除入户核实完成（${on}）`, `elimination verified at home (${on})`, reason);
    case 'MonitoringCaseRiskEliminated':
      return said(`县级审定风险消除，自 ${on} 起`, `risk eliminated from ${on}`, reason);
    case 'MonitoringCaseFollowUpVisitRecorded':
      return said(`消除后回访 ${event.data.visitId}（${on}）`, `follow-up visit ${event.data.visitId} (${on})`, reason);
    case 'MonitoringCaseRelapsed':
      return said(
        `返贫，转入新案件 ${event.data.newCaseId}（${on}）`,
        `relapsed into new case ${event.data.newCaseId} (${on})`,
        reason,
      );
    default:
      return assertNever(event, 'monitoring case event');
  }
}
