import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value: findings, objections and reasons may hold
// personal data (see the registry's household.errors.ts).
const MESSAGES = {
  'case.not-open': '该监测案件尚未建立 / The monitoring case has not been opened',
  'case.already-open': '该监测案件已由另一线索建立 / The monitoring case was already opened from another lead',
  'case.closed':
    '案件已终止（不予受理或未通过认定），不能再办理 / The case has ended (dismissed or rejected); no step follows',
  'case.relapsed':
    '该户已返贫并转入新案件，本案不再办理 / The household relapsed into a new case; this case takes no more steps',
  'case.step-out-of-order': '办理步骤顺序不符，当前应办理 / Step out of order; the step expected now is',
  'case.reason-required':
    '须说明理由：非空，最多500个字符，不得含首尾空格或控制字符 / A reason is required: at most 500 characters, no surrounding spaces or control characters',
  'case.text':
    '须填写文字：非空，不超过规定长度，不得含首尾空格或控制字符 / A text is required: within its length, no surrounding spaces or control characters',
  'case.id': '编号须为1至100个可见ASCII字符 / An id is 1 to 100 visible ASCII characters',
  'case.actor': '须注明办理人（用户ID和角色） / The actor (user id and role) is required',
  'case.date': '日期须为真实日期（YYYY-MM-DD），且不晚于今天 / A date is a real YYYY-MM-DD date, not after today',
  'case.date-order': '日期不能早于上一步骤的日期 / A step is not dated before the step it follows',
  'case.village-code': '须为村级（12位）区划代码 / A 12-digit village-tier division code is required',
  'case.lead-source':
    '线索来源须为农户申请、干部排查、部门预警或集中排查 / The lead source is self-application, cadre inspection, department warning or concentrated inspection',
  'case.lead-department':
    '部门预警须注明预警部门（小写代码），其他来源不填 / A department warning names its department (a lower-case code); other sources name none',
  'case.lead-reference-taken':
    '该线索编号已用于内容不同的线索 / The lead reference already belongs to a different lead',
  'case.previous-case': '上一案件编号须有效且不同于本案 / The previous case id is valid and not this case',
  'case.suggestion':
    '规则建议须有有效类别、风险类型代码和规则编号 / A suggestion has a valid category, risk type codes and rule ids',
  'case.deadline': '期限须为真实日期，且不早于起算日 / A deadline is a real date, not before the day it counts from',
  'case.consent-missing':
    '入户核实须有农户签字的授权承诺书（同意核查存款、车辆、住房等） / Home verification needs the household’s signed consent to check its assets',
  'case.comparison-results':
    '比对结果须至少一个部门，每个部门一次，结论为一致、不一致或无记录 / Comparison results name at least one department, each once, with consistent, discrepancy or no-record',
  'case.review-outcome': '评议/审核结果须为通过或不通过 / The outcome is approved or not-approved',
  'case.vote': '表决票数须为非负整数，且至少一票 / Vote counts are non-negative integers, at least one vote',
  'case.notice-period':
    '公示最早结束日须晚于张贴日，最短天数须为正整数 / The earliest close date lies after the posting day and the minimum days is a positive integer',
  'case.notice-too-early': '公示期未满，不能结束公示 / The notice is shorter than its minimum; it cannot close yet',
  'case.objections-unresolved': '公示期间的异议尚未全部处理 / Objections to the notice are not all resolved',
  'case.objection-id-taken':
    '该异议编号已用于内容不同的异议 / The objection id already belongs to a different objection',
  'case.objection-not-found': '本案没有该异议 / The case has no such objection',
  'case.objection-already-resolved': '该异议已有不同的处理结果 / The objection was already resolved otherwise',
  'case.objection-upheld': '须注明异议是否成立 / Say whether the objection is upheld (true or false)',
  'case.objection-date': '异议日期不能早于公示张贴日 / An objection is not raised before the notice was posted',
  'case.category':
    '监测对象类别须为脱贫不稳定户、边缘易致贫户或突发严重困难户 / The category is unstable poverty-alleviated, marginal prone to poverty or sudden severe hardship',
  'case.risk-types':
    '风险类型须为风险类型代码，至少一个且不重复 / Risk types are risk type codes, at least one, each once',
  'case.overdue-step':
    '超期步骤须为受理、入户核实或整体程序 / The overdue step is accept, home-verification or procedure',
  'case.deadline-mismatch': '该步骤没有此期限 / The step has no such deadline',
  'case.not-overdue': '该步骤未超期 / The step is not overdue',
  'case.guard-verdict':
    '风险消除校验结果不完整：不允许时须列明原因 / The guard’s verdict is incomplete: a refusal lists its reasons',
  'case.visit-id-taken': '该回访编号已用于内容不同的回访 / The visit id already belongs to a different visit',
  'case.already-relapsed': '本案已转入另一返贫案件 / The case already relapsed into another case',
} as const;

/** Rule codes of the monitoring case. */
export type CaseRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message, e.g. for API documentation. */
export const CASE_RULE_MESSAGES: Readonly<Record<CaseRuleCode, string>> = MESSAGES;

/** The problem for a rule, at a field when given. */
export function caseProblem(code: CaseRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule, at a field when given. */
export function caseError(code: CaseRuleCode, field?: string): DomainError {
  return new DomainError(caseProblem(code, field));
}

/**
 * A problem whose message names what fired it (the step expected, the objections still open):
 * codes, ids and labels only, never personal data, so the official sees at once what to do.
 */
export function caseProblemWith(
  code: CaseRuleCode,
  field: string | undefined,
  en: string,
  zh: string = en,
): DomainProblem {
  const [zhRule, enRule] = MESSAGES[code].split(' / ');
  const message = `${zhRule}：${zh} / ${enRule}: ${en}`;
  return field === undefined ? { code, message } : { code, field, message };
}

/** The DomainError of {@link caseProblemWith}. */
export function caseErrorWith(code: CaseRuleCode, field: string | undefined, en: string, zh: string = en): DomainError {
  return new DomainError(caseProblemWith(code, field, en, zh));
}
