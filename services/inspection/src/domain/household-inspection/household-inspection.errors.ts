import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value: findings and reasons may hold personal data.
const MESSAGES = {
  'inspection.campaign-closed': '排查活动已结束，不能再更改 / The campaign is closed; nothing changes after it',
  'inspection.not-started': '该户本次排查尚无记录 / The household’s inspection of this campaign has no record yet',
  'inspection.completed':
    '该户本轮排查已完成，须先重新打开再补充 / The inspection of this round is completed; reopen it first',
  'inspection.not-completed': '该户排查尚未完成，无需重新打开 / The inspection is not completed; nothing to reopen',
  'inspection.team-required': '须指定排查工作队 / The team is required',
  'inspection.inspectors-required':
    '须指定至少一名排查人员，且不重复 / At least one inspector is required, each listed once',
  'inspection.contact-id-required': '联系记录ID不能为空 / The contact id is required',
  'inspection.contact-id-taken':
    '该联系记录ID已用于内容不同的联系 / The contact id already belongs to a different contact',
  'inspection.method':
    '排查方式须为入户走访、线上沟通或群众评议 / The method is household visit, online or group assessment',
  'inspection.contact-date':
    '联系日期须为真实日期，不早于活动启动日、不晚于今天 / The contact date is a real date, not before the launch nor after today',
  'inspection.no-contact': '本轮尚无联系记录，不能完成排查 / The round has no contact yet; it cannot be completed',
  'inspection.household-visit-required':
    '重点群体或重点地区的农户须至少入户走访一次才能完成排查 / A household in a key group or key region is completed only after a household visit',
  'inspection.areas-unanswered': '七个方面须全部排查完毕才能完成 / All seven areas must be answered before completion',
  'inspection.reason-required':
    '原因不能为空，最多500个字符，不得含控制字符 / A reason is required: at most 500 characters, no control characters',
  'suggestion.not-found': '本户没有该建议 / The household has no such suggestion',
  'suggestion.already-decided':
    '该建议已有不同的决定，决定后不可更改 / The suggestion was already decided otherwise; a decision is final',
  'suggestion.override-not-at-risk':
    '只有风险户建议可以调整类别和风险类型 / Only an at-risk suggestion takes another category or risk types',
  'suggestion.category':
    '监测对象类别须为脱贫不稳定户、边缘易致贫户或突发严重困难户 / The category is unstable poverty-alleviated, marginal or sudden severe hardship',
  'suggestion.risk-types':
    '风险类型须为风险类型代码，至少一个且不重复 / Risk types are risk type codes, at least one, each listed once',
  'suggestion.risk-types-required':
    '纳入监测须至少有一种风险类型：建议未给出时请填写 / Flagging a household needs at least one risk type: give them when the suggestion has none',
  'data-quality-issue.not-found': '本户没有该数据质量问题 / The household has no such data-quality issue',
  'data-quality-issue.already-resolved':
    '该问题已以不同的处理结果解决 / The issue was already resolved with another resolution',
  'rectification-item.not-found': '本户没有该整改事项 / The household has no such rectification item',
  'rectification-item.already-closed':
    '该整改事项已以不同的结果销号 / The item was already closed with another resolution',
} as const;

/** Rule codes of the household inspection. */
export type InspectionRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message, e.g. for API documentation. */
export const INSPECTION_RULE_MESSAGES: Readonly<Record<InspectionRuleCode, string>> = MESSAGES;

/** The problem for a rule, at a field when given. */
export function inspectionProblem(code: InspectionRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule, at a field when given. */
export function inspectionError(code: InspectionRuleCode, field?: string): DomainError {
  return new DomainError(inspectionProblem(code, field));
}

/**
 * A refusal whose reason names what fired it (key-group rule ids, key-region ids, unanswered
 * areas): codes and ids only, never personal data, so the official sees why at once.
 */
export function inspectionProblemWith(
  code: InspectionRuleCode,
  field: string,
  reasons: readonly string[],
): DomainProblem {
  const [zh, en] = MESSAGES[code].split(' / ');
  const list = reasons.join(', ');
  return { code, field, message: `${zh}：${list} / ${en}: ${list}` };
}
