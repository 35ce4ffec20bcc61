import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

// Messages name the field and the rule, never a value: values here are names, ID numbers and
// incomes, and messages reach logs, HTTP bodies and import error files.
const MESSAGES = {
  'household.id-required': '户ID不能为空 / The household id is required',
  'household.already-registered':
    '该户已登记，且登记信息不同 / The household is already registered with different details',
  'household.not-registered': '该户尚未登记 / The household is not registered',
  'household.village-code-tier':
    '户所在地须为村级（第五级）区划代码 / A household is registered in a village-tier division',
  'household.number-required': '户编号不能为空 / The household number is required',
  'household.number-format':
    '户编号最多64个字符，不得含首尾空格或控制字符 / A household number has at most 64 characters, no surrounding spaces or control characters',
  'household.number-in-use':
    '本村已有其他户使用该户编号 / Another household of the village already has this household number',
  'household.status-kind':
    '户类型须为一般农户或脱贫户；监测对象是监测帮扶程序的认定，不是户类型 / The status is ordinary or poverty-alleviated; being a monitoring subject is the assistance procedure’s finding, not a status',
  'household.year-left-poverty':
    '脱贫年度须为2014至2020年之一 / The year the household left poverty is one of 2014 to 2020',
  'household.personal-data-erased':
    '该户个人信息已删除，档案不可再更改 / The household’s personal data was erased; its record can no longer be changed',
  'household.erasure-reason':
    '删除原因不能为空，最多500个字符，不得含控制字符 / An erasure reason is required: at most 500 characters, no control characters',
  'member.member-id-required': '成员ID不能为空 / The member id is required',
  'member.member-id-taken':
    '该成员ID已用于信息不同的成员 / The member id already belongs to a member with different details',
  'member.member-id-retired': '该成员已移出本户，成员ID不再使用 / The member was removed; a member id is not reused',
  'member.not-found': '本户没有该成员 / The household has no such member',
  'member.name-required': '姓名不能为空 / The name is required',
  'member.name-format':
    '姓名最多64个字符，不得含首尾空格或控制字符 / A name has at most 64 characters, no surrounding spaces or control characters',
  'member.disability-grade': '残疾等级须为1至4级 / A disability grade is 1 to 4',
  'member.id-already-in-household':
    '本户已有成员使用该身份证号码 / Another member of the household has this resident ID number',
  'member.head-already-exists': '本户已有户主 / The household already has a head',
  'member.head-required':
    '每户须有且只有一名户主：首位成员须为户主，户主须最后移出，更换户主时须将他人设为户主 / A household has exactly one head: the first member is the head, the head leaves last, and a new head replaces the old one',
  'member.former-head-relation':
    '更换户主时须给出原户主的新关系，且不能仍为户主 / Making a member head needs the former head’s new relation, other than head',
  'period.format':
    '期间须为年度或截至某日的12个月 / A period is a calendar year or the 12 months ending on a real date',
  'period.in-future': '期间不能晚于今天 / A period cannot lie after today',
  'income.component-negative': '收入各项不能为负数 / Income components are not negative',
  'income.no-members': '人均纯收入须按至少一名家庭成员计算 / Per-capita net income needs at least one household member',
  'income.no-resident-members':
    '本省按常住人口计算人均纯收入，须至少有一名常住成员 / The province divides per-capita net income by resident members, so at least one member must live in the household',
  'rigid-expenditure.amount-negative': '刚性支出不能为负数 / Rigid expenditure is not negative',
  'risk-event.id-required': '风险事件ID不能为空 / The risk event id is required',
  'risk-event.already-reported':
    '该风险事件ID已用于内容不同的报告 / The risk event id already belongs to a different report',
  'risk-event.date-format':
    '风险发生日期须为真实日期（YYYY-MM-DD） / The date of a risk event is a real YYYY-MM-DD date',
  'risk-event.date-in-future': '风险发生日期不能晚于今天 / A risk event cannot happen after today',
  'risk-event.loss-negative': '损失金额不能为负数 / A loss is not negative',
  'risk-event.type-format':
    '风险类型须为风险类型代码（如 illness，省定类型如 51.xxx） / The risk type is a risk type code (e.g. illness, or 51.xxx for a province’s own)',
  'risk-event.type-unknown':
    '该风险类型不在全国或本省的风险类型清单中 / The risk type is on neither the national list nor the province’s own',
  'legacy-monitoring.source': '监测记录来源须为 household-sheet / The source of a monitoring record is household-sheet',
  'legacy-monitoring.category':
    '监测对象类别须为脱贫不稳定户、边缘易致贫户或突发严重困难户 / The category is unstable poverty-alleviated, marginal prone to poverty, or sudden severe hardship',
  'legacy-monitoring.category-status':
    '监测对象类别与户类型不符：脱贫不稳定户须为脱贫户，边缘易致贫户须为一般农户 / The category does not fit the base status: unstable poverty-alleviated needs a poverty-alleviated household, marginal prone to poverty an ordinary one',
  'legacy-monitoring.identified-on':
    '识别时间须为不晚于今天的真实日期 / The identification date is a real date not after today',
  'legacy-monitoring.eliminated-on':
    '风险已消除时须有消除时间，且不早于识别时间、不晚于今天；未消除时不填 / An eliminated risk has an elimination date, not before identification nor after today; an open one has none',
  'legacy-monitoring.risk-type-format':
    '风险类型须为风险类型代码，且不重复 / Each risk type is a risk type code, listed once',
  'legacy-monitoring.risk-type-unknown':
    '该风险类型不在全国或本省的风险类型清单中 / The risk type is on neither the national list nor the province’s own',
} as const;

/** Rule codes of the Household aggregate (its kernel rules add `resident-id.*`, `division-code.*` and `money.*`). */
export type HouseholdRuleCode = keyof typeof MESSAGES;

/** Every rule code with its `中文 / English` message, e.g. for API documentation. */
export const HOUSEHOLD_RULE_MESSAGES: Readonly<Record<HouseholdRuleCode, string>> = MESSAGES;

/** The problem for a rule, at a field when given. */
export function householdProblem(code: HouseholdRuleCode, field?: string): DomainProblem {
  return field === undefined ? { code, message: MESSAGES[code] } : { code, field, message: MESSAGES[code] };
}

/** The DomainError for a rule, at a field when given. */
export function householdError(code: HouseholdRuleCode, field?: string): DomainError {
  return new DomainError(householdProblem(code, field));
}

// The household's decide functions take every error helper from here; the kernel owns the implementation.
export { throwIfAny } from '@relapse-watch/domain-kernel';
