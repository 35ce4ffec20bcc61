import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value: outcomes and reasons may hold personal data.
const MESSAGES = {
  'measure.not-found': '帮扶计划中没有该措施 / The plan has no such measure',
  'measure.id-required': '措施ID不能为空 / The measure id is required',
  'measure.id-taken': '该措施ID已用于内容不同的措施 / The measure id already belongs to a different measure',
  'measure.category':
    '措施类别须为产业、就业、健康、教育、社会救助、住房、饮水或其他 / The category is industry, employment, health, education, social assistance, housing, drinking water or other',
  'measure.kind-required':
    '须填写具体措施，最多100个字符，不得含控制字符 / The kind of measure is required: at most 100 characters, no control characters',
  'measure.department-required':
    '须填写责任单位，最多100个字符，不得含控制字符 / The responsible department is required: at most 100 characters, no control characters',
  'measure.planned-start': '计划开始日期须为真实日期 / The planned start is a real date',
  'measure.planned-end':
    '计划结束日期须为真实日期，且不早于计划开始日期 / The planned end is a real date, not before the planned start',
  'measure.amount': '金额须为不小于零的整数（分） / The amount is a whole number of fen, not negative',
  'measure.continues-until':
    '风险消除后延续至的日期须为真实日期，且不早于措施开始日期 / The date it continues until after elimination is a real date, not before the measure starts',
  'measure.actual-start': '实际开始日期须为真实日期，且不晚于今天 / The actual start is a real date, not after today',
  'measure.actual-end':
    '实际结束日期须为真实日期，不早于实际开始日期，且不晚于今天 / The actual end is a real date, not before the actual start nor after today',
  'measure.outcome-required':
    '须填写措施成效，最多500个字符，不得含控制字符 / The outcome is required: at most 500 characters, no control characters',
  'measure.reason-required':
    '原因不能为空，最多500个字符，不得含控制字符 / A reason is required: at most 500 characters, no control characters',
  'measure.not-started': '措施尚未开始，不能结束 / The measure has not started; it cannot end',
  'measure.already-started': '该措施已按不同日期开始 / The measure already started on another day',
  'measure.already-ended': '该措施已以不同的日期或成效结束 / The measure already ended with another date or outcome',
  'measure.already-cancelled': '该措施已以不同的原因取消 / The measure was already cancelled for another reason',
  'measure.ended': '该措施已结束，不能再更改 / The measure has ended; it no longer changes',
  'measure.cancelled': '该措施已取消，不能再更改 / The measure was cancelled; it no longer changes',
  'plan.not-started': '该监测对象尚无帮扶计划 / The case has no assistance plan yet',
  'plan.already-exists':
    '该监测对象已有帮扶计划（在本系统制定，或以不同内容导入），导入不能改写 / The case already has a plan (built here, or imported with other content); an import does not rewrite it',
  'plan.import-empty': '导入的帮扶计划至少须有一项措施 / An imported plan has at least one measure',
} as const;

/** Rule codes of the assistance plan. */
export type PlanRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message, e.g. for API documentation. */
export const ASSISTANCE_PLAN_RULE_MESSAGES: Readonly<Record<PlanRuleCode, string>> = MESSAGES;

/** The problem for a rule, at a field when given. */
export function planProblem(code: PlanRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule, at a field when given. */
export function planError(code: PlanRuleCode, field?: string): DomainError {
  return new DomainError(planProblem(code, field));
}
