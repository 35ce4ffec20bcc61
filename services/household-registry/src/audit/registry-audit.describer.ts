import { assertNever } from '@relapse-watch/domain-kernel';
import { ERASED_TEXT, splitBilingual, type AuditDescription } from '@relapse-watch/service-runtime/audit';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdStatus, ReportingPeriod } from '../domain/household/household.values';
import { HOUSEHOLD_WARNING_RULES } from '../domain/household/household-warning.catalogue';
import type { MemberRemovalReason } from '../domain/household/member.values';
import type { PersonalDataDisclosed } from '../domain/personal-data-disclosure/personal-data-disclosure';

/** Every event the registry's part of a household's trail describes: its own and its disclosure log's. */
export type RegistryAuditEvent = HouseholdEvent | PersonalDataDisclosed;

/** What the describer needs besides the event: whether the household's data key was destroyed. */
export interface RegistryAuditFacts {
  readonly erased: boolean;
}

type Described = Omit<AuditDescription, 'personal'>;

const plain = (zh: string, en: string, reason: string | null = null): Described => ({ summary: { zh, en }, reason });

const REMOVAL: Readonly<Record<MemberRemovalReason, readonly [string, string]>> = {
  deceased: ['死亡', 'deceased'],
  'moved-out': ['户口迁出', 'moved out'],
  'married-out': ['嫁出/入赘', 'married out'],
  'registration-error': ['登记错误', 'registration error'],
  other: ['其他', 'other'],
};

function status(s: HouseholdStatus): readonly [string, string] {
  return s.kind === 'ordinary'
    ? ['一般农户', 'ordinary rural household']
    : [`脱贫户（${s.yearLeftPoverty}年脱贫）`, `poverty-alleviated (left poverty in ${s.yearLeftPoverty})`];
}

function period(p: ReportingPeriod): readonly [string, string] {
  return p.kind === 'calendar-year'
    ? [`${p.year}年度`, `year ${p.year}`]
    : [`截至${p.endingOn}的12个月`, `12 months to ${p.endingOn}`];
}

/** Names and ID numbers as an auditor sees them: recorded (never the value), or erased. */
function personalFields(facts: RegistryAuditFacts): readonly [string, string] {
  return facts.erased
    ? [`姓名、身份证号：${ERASED_TEXT.zh}`, `name, resident ID: ${ERASED_TEXT.en}`]
    : ['姓名、身份证号已记录', 'name and resident ID recorded'];
}

/**
 * Describes one of the registry's events for the audit trail (issue 13 item 3): field names and
 * what changed, categorical values (status, period, risk type, housing grade) in words, never a
 * name or an ID number — those stay behind the recorded unmasked read (`personal.read`); once the
 * household's key is destroyed they read 已删除 / erased. A new event type fails to compile here.
 */
export function describeRegistryEvent(event: RegistryAuditEvent, facts: RegistryAuditFacts): AuditDescription {
  switch (event.type) {
    case 'HouseholdImported':
    case 'MemberAdded':
    case 'MemberUpdated':
      return { ...describePersonal(event, facts), personal: true };
    default:
      return { ...describeOther(event), personal: false };
  }
}

function describePersonal(
  event: Extract<RegistryAuditEvent, { type: 'HouseholdImported' | 'MemberAdded' | 'MemberUpdated' }>,
  facts: RegistryAuditFacts,
): Described {
  const [pzh, pen] = personalFields(facts);
  switch (event.type) {
    case 'HouseholdImported': {
      const [szh, sen] = status(event.data.status);
      const n = event.data.members.length;
      return plain(
        `从户籍信息表导入：${szh}，${n} 名成员（${pzh}），收入 ${event.data.incomes.length} 期`,
        `imported from the household sheet: ${sen}, ${n} members (${pen}), ${event.data.incomes.length} income periods`,
      );
    }
    case 'MemberAdded':
      return plain(
        `新增成员 ${event.data.memberId}（${pzh}；健康、劳动力、就业、在校情况已记录）`,
        `member ${event.data.memberId} added (${pen}; health, labour, employment, schooling recorded)`,
      );
    case 'MemberUpdated':
      return plain(
        `成员 ${event.data.memberId} 信息已变更（${pzh}；健康、劳动力、就业、在校情况）`,
        `member ${event.data.memberId} changed (${pen}; health, labour, employment, schooling)`,
      );
    default:
      return assertNever(event, 'personal registry event');
  }
}

function describeOther(
  event: Exclude<RegistryAuditEvent, { type: 'HouseholdImported' | 'MemberAdded' | 'MemberUpdated' }>,
): Described {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const [zh, en] = status(event.data.status);
      return plain(
        `农户登记：村 ${event.data.villageCode}，户编号 ${event.data.householdNumber}，${zh}`,
        `household registered: village ${event.data.villageCode}, number ${event.data.householdNumber}, ${en}`,
      );
    }
    case 'MemberRemoved': {
      const [zh, en] = REMOVAL[event.data.reason];
      return plain(`成员 ${event.data.memberId} 移出`, `member ${event.data.memberId} removed`, `${zh} / ${en}`);
    }
    case 'IncomeRecorded': {
      const [zh, en] = period(event.data.period);
      return plain(
        `${zh}收入已记录：各项收入、纯收入、人均纯收入（除数 ${event.data.divisorMembers} 人）`,
        `income for ${en} recorded: components, net and per-capita net income (divided by ${event.data.divisorMembers})`,
      );
    }
    case 'PerCapitaIncomeRecomputed': {
      const [zh, en] = period(event.data.period);
      return plain(
        `成员变动（${event.data.cause.memberId}）后重算${zh}人均纯收入：除数 ${event.data.previous.divisorMembers} → ${event.data.divisorMembers} 人，自 ${event.data.effectiveOn} 起`,
        `per-capita income for ${en} recomputed after member ${event.data.cause.memberId} changed: divisor ${event.data.previous.divisorMembers} → ${event.data.divisorMembers}, from ${event.data.effectiveOn}`,
      );
    }
    case 'RigidExpenditureRecorded': {
      const [zh, en] = period(event.data.period);
      return plain(
        `${zh}刚性支出已记录：医疗自付、教育、灾害损失`,
        `rigid expenditure for ${en} recorded: medical after reimbursement, education, disaster loss`,
      );
    }
    case 'RiskEventReported':
      return plain(
        `报告风险事件 ${event.data.kind}（发生于 ${event.data.occurredOn}，损失已记录）`,
        `risk event ${event.data.kind} reported (occurred ${event.data.occurredOn}, loss recorded)`,
      );
    case 'ThreePlusOneStatusRecorded': {
      const s = event.data.threePlusOne;
      const gaps = [
        s.foodAndClothingSecured ? null : ['吃穿', 'food and clothing'],
        s.compulsoryEducationSecured ? null : ['义务教育', 'compulsory education'],
        s.medicalInsuranceCovered ? null : ['基本医疗', 'basic medical care'],
        s.drinkingWaterSafe ? null : ['饮水安全', 'drinking water'],
      ].filter((g): g is string[] => g !== null);
      const zhGaps = gaps.length === 0 ? '均有保障' : `未保障：${gaps.map((g) => g[0]).join('、')}`;
      const enGaps = gaps.length === 0 ? 'all secured' : `not secured: ${gaps.map((g) => g[1]).join(', ')}`;
      return plain(
        `“三保障”和饮水安全评估：住房 ${s.housingGrade} 级，${zhGaps}`,
        `3+1 assessed: housing grade ${s.housingGrade}, ${enGaps}`,
      );
    }
    case 'HouseholdStatusChanged': {
      const [zh, en] = status(event.data.status);
      return plain(`户类型变更为${zh}`, `base status changed to ${en}`);
    }
    case 'HouseholdFlagsChanged': {
      const { relocatedToResettlementSite: r, urbanHukou: u } = event.data.flags;
      return plain(
        `标识变更：易地扶贫搬迁 ${r ? '是' : '否'}，农转非 ${u ? '是' : '否'}`,
        `flags changed: relocated ${r ? 'yes' : 'no'}, urban hukou ${u ? 'yes' : 'no'}`,
      );
    }
    case 'LegacyMonitoringRecordNoted': {
      const r = event.data.record;
      return plain(
        `留存原系统监测记录：${r.category}，识别于 ${r.identifiedOn}${r.riskEliminated ? `，${r.eliminatedOn ?? ''} 风险消除` : ''}`,
        `legacy monitoring record kept: ${r.category}, identified ${r.identifiedOn}${r.riskEliminated ? `, risk eliminated ${r.eliminatedOn ?? ''}` : ''}`,
      );
    }
    case 'HouseholdWarningRaised':
    case 'HouseholdWarningCleared': {
      const rule = splitBilingual(HOUSEHOLD_WARNING_RULES[event.data.rule].message);
      const raised = event.type === 'HouseholdWarningRaised';
      return plain(
        `数据质量提示${raised ? '' : '已解除'}（${event.data.rule}，字段 ${event.data.field}）：${rule.zh}`,
        `data-quality warning ${raised ? 'raised' : 'cleared'} (${event.data.rule}, field ${event.data.field}): ${rule.en}`,
      );
    }
    case 'HouseholdPersonalDataErased':
      return plain(
        '该户个人信息已删除（数据密钥已销毁）',
        'the household’s personal data was erased (its data key destroyed)',
        event.data.reason,
      );
    case 'PersonalDataDisclosed':
      return plain(
        `查看个人信息明文：${event.data.memberIds.length} 名成员的${event.data.fields.map((f) => (f === 'name' ? '姓名' : '身份证号')).join('、')}`,
        `personal data read unmasked: ${event.data.fields.join(', ')} of ${event.data.memberIds.length} members`,
        event.data.reason,
      );
    default:
      return assertNever(event, 'registry event');
  }
}
