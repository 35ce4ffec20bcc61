import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value (see the registry's household.errors.ts).
const MESSAGES = {
  'campaign.province-code': '省级代码须为两位数字，如 51 / A province code is two digits, e.g. 51',
  'campaign.year':
    '年度须在2021至2100年之间（巩固衔接过渡期起） / The year lies between 2021 and 2100 (from the transition period on)',
  'campaign.date-format': '日期须为真实日期（YYYY-MM-DD） / A date is a real YYYY-MM-DD date',
  'campaign.launch-outside-year': '启动日期须在排查年度内 / The launch date lies within the campaign year',
  'campaign.dates-order':
    '日期须依次为：启动 ≤ 工作队到位 ≤ 排查完成 / Dates are ordered: launch ≤ teams in place ≤ inspect by',
  'campaign.checklist-version':
    '排查表版本格式须为 YYYY.n，且须为已知版本 / The checklist version is a known YYYY.n version',
  'campaign.rule-set-version':
    '规则集版本须为该省该年度的已知版本（省级代码-年度.n） / The rule set version is a known <province>-<year>.n version of the province and year',
  'campaign.key-group-rule-ids':
    '重点群体规则ID须为非空、不重复的小写代码 / Key-group rule ids are distinct, non-empty lower-case codes',
  'campaign.key-group-rule-unknown': '规则集中没有该重点群体规则 / The rule set has no such key-group rule',
  'campaign.threshold-not-published':
    '启动日该省该年度尚未发布监测收入标准 / The province has published no monitoring threshold for the year in force on the launch date',
  'campaign.already-launched':
    '该省该年度的集中排查已启动，且启动信息不同 / The campaign of the province and year is already launched with other terms',
  'campaign.not-launched': '该省该年度的集中排查尚未启动 / The campaign of the province and year is not launched',
  'campaign.closed': '集中排查已结束，只能查看 / The campaign is closed; it can only be read',
  'campaign.closed-before-launch': '结束日期不能早于启动日期 / A campaign cannot close before it was launched',
  'campaign.reason-required': '须说明理由 / The reason is required',
  'campaign.reason-format':
    '理由最多500个字符，不得含首尾空格或控制字符 / A reason has at most 500 characters, no surrounding spaces or control characters',
  'working-group.unit-tier':
    '工作专班须设在省、市、县、乡镇之一 / A working group sits at a province, city, county or township',
  'working-group.unit-outside-province': '工作专班的单位须在本省之内 / A working group’s unit lies inside the province',
  'working-group.members-required': '工作专班须至少有一名成员 / A working group has at least one member',
  'working-group.leader-required': '工作专班须至少有一名组长 / A working group has at least one leader',
  'working-group.member-user-id': '成员须为有效的用户ID / A member is a valid user id',
  'working-group.member-duty': '成员职责须为组长、副组长或成员 / A member’s duty is leader, deputy or member',
  'working-group.member-duplicate': '同一用户只能列出一次 / A user is listed once',
  'working-group.already-formed':
    '该单位的工作专班已成立，请调整成员 / The unit’s working group is already formed; change its members instead',
  'working-group.not-formed': '该单位尚未成立工作专班 / The unit has no working group',
} as const;

/** Rule codes of the campaign aggregate (plus the kernel's `division-code.*`). */
export type CampaignRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message. */
export const CAMPAIGN_RULE_MESSAGES: Readonly<Record<CampaignRuleCode, string>> = MESSAGES;

/** The problem for a rule at a field. */
export function campaignProblem(code: CampaignRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule at a field. */
export function campaignError(code: CampaignRuleCode, field?: string): DomainError {
  return new DomainError(campaignProblem(code, field));
}
