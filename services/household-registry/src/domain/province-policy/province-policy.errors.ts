import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value (see household.errors.ts).
const MESSAGES = {
  'policy.province-code': '省级代码须为两位数字，如 51 / A province code is two digits, e.g. 51',
  'policy.year': '年度须为四位年份 / The year is a four-digit year',
  'policy.scope-mismatch':
    '命令的省份或年度与该政策流不符 / The command’s province or year is not that of this policy stream',
  'policy.amount-not-positive': '标准金额须大于零 / A line amount is more than zero',
  'policy.effective-date-format': '生效日期须为真实日期（YYYY-MM-DD） / An effective date is a real YYYY-MM-DD date',
  'policy.effective-date-outside-year': '生效日期须在该政策年度内 / An effective date lies within the policy year',
  'policy.source-document-required': '须注明政策文件文号 / The source document reference is required',
  'policy.source-document-format':
    '文号最多200个字符，不得含首尾空格或控制字符 / A source document reference has at most 200 characters, no surrounding spaces or control characters',
  'key-region.id-required': '重点区域ID不能为空 / The key region id is required',
  'key-region.kind': '重点区域类型须为六类之一 / A key region is one of the six kinds',
  'key-region.divisions-required': '重点区域须至少包含一个区划 / A key region covers at least one division',
  'key-region.division-outside-province':
    '重点区域的区划须在本省之内，且不能是省本身 / A key region’s divisions lie inside the province and are not the province itself',
  'key-region.division-duplicate': '同一区划不能重复列出 / A division is listed once',
  'division.unknown': '行政区划代码不在区划表中 / The division code is not in the division table',
  'key-region.reason-required': '须说明理由 / The reason is required',
  'key-region.reason-format':
    '理由最多500个字符，不得含首尾空格或控制字符 / A reason has at most 500 characters, no surrounding spaces or control characters',
  'key-region.id-taken':
    '该重点区域ID已用于内容不同的认定 / The key region id already belongs to a different designation',
  'key-region.id-retired': '该重点区域已撤销，ID不再使用 / The key region was revoked; its id is not reused',
  'key-region.not-found': '没有该重点区域 / There is no such key region',
  'key-region.revoked-before-designated':
    '撤销生效日期不能早于认定生效日期 / A revocation cannot take effect before the designation did',
  'divisor-rule.unknown':
    '人均收入计算人口口径须为 household-members（家庭人口）或 resident-members（常住人口） / The divisor rule is household-members or resident-members',
  'risk-type.code-format':
    '风险类型代码须为小写英文单词，以连字符连接，最多48个字符 / A risk type code is lower-case words joined by hyphens, at most 48 characters',
  'risk-type.label-required': '须填写风险类型的中英文名称 / The risk type’s Chinese and English labels are required',
  'risk-type.label-format':
    '风险类型名称最多100个字符，不得含首尾空格或控制字符 / A risk type label has at most 100 characters, no surrounding spaces or control characters',
  'risk-type.code-taken':
    '该风险类型代码已用于名称不同的类型 / The risk type code already belongs to a type with other labels',
} as const;

/** Rule codes of the province policy aggregate (plus the kernel's `money.*` and `division-code.*`). */
export type ProvincePolicyRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message. */
export const PROVINCE_POLICY_RULE_MESSAGES: Readonly<Record<ProvincePolicyRuleCode, string>> = MESSAGES;

/** The problem for a rule at a field. */
export function policyProblem(code: ProvincePolicyRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule at a field. */
export function policyError(code: ProvincePolicyRuleCode, field?: string): DomainError {
  return new DomainError(policyProblem(code, field));
}
