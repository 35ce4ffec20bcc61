import type { JsonSchema } from '../contract';
import { MONITORING_CATEGORIES } from '../registry/registry.enums';
import {
  closedObject,
  householdId,
  id,
  oneWordOf,
  riskTypeCode,
  text,
  villageCode,
} from '../registry/registry.schema-parts';
import { evidenceItem, localDate, ruleCodes, userRole } from '../inspection/inspection.schema-parts';

// Schema fragments shared by the assistance contracts (the registry's and the inspection's
// generic fragments are reused as they are). Each contract schema inlines them, so every schema
// stands alone at its `$id`.

/** The code pattern of departments and of the guard's reasons: lower-case words joined by `-` (and `.`). */
const CODE_PATTERN = '^[a-z][a-z0-9]*([.-][a-z0-9]+)*$';

/** The monitoring case id. */
export const caseId = id(
  '监测案例编号（一户一次监测为一个案例，由监测帮扶服务生成），也是 CloudEvents subject / Monitoring case id (one household episode, made by the assistance service); also the CloudEvents subject',
);

/** Who did the step: the role only. */
export const actor = closedObject(
  { role: userRole('办理人的角色', 'The role of whoever did the step') },
  '办理人（仅角色；具体人员只记录在事件存储的审计记录中） / Who did the step: the role only (the person is in the event store’s audit trail, not on the bus)',
);

/**
 * The properties every assistance event starts with: the case, the household (also the message
 * key) and its village, the day the step happened (`on`, described per contract), the actor's role.
 */
export function caseEventProperties(onZh: string, onEn: string): Readonly<Record<string, JsonSchema>> {
  return { caseId, householdId, villageCode, on: localDate(onZh, onEn), actor };
}

/** A monitoring category, with the three named. */
export const monitoringCategory = (zh: string, en: string): JsonSchema =>
  oneWordOf(
    MONITORING_CATEGORIES,
    `${zh}：unstable-poverty-alleviated 脱贫不稳定户、marginal-prone-to-poverty 边缘易致贫户、sudden-severe-hardship 突发严重困难户 / ${en}: unstable poverty-alleviated, marginal prone to poverty, sudden severe hardship`,
  );

/** Distinct risk type codes (an open list, as the registry's). */
export const riskTypes = (description: string, minItems: number): JsonSchema => ({
  type: 'array',
  minItems,
  uniqueItems: true,
  items: riskTypeCode('风险类型', 'Risk type'),
  description,
});

/** What the inspection's rules suggested, or null when the lead had no suggestion. */
export const caseSuggestion: JsonSchema = {
  oneOf: [
    closedObject({
      category: monitoringCategory('规则建议的类别', 'Category the rules suggested'),
      riskTypes: riskTypes('规则建议的风险类型（升序） / Risk types the rules suggested, sorted', 0),
      ruleIds: ruleCodes('触发的规则（升序） / Rules that fired, sorted', 1),
    }),
    { type: 'null' },
  ],
  description:
    '排查规则的建议（来自排查服务“农户已被排查为存在风险”），与干部的决定并列保存；线索无建议时为 null / What the inspection’s rules suggested (from HouseholdFlaggedAtRisk), kept beside the officials’ decision; null when the lead had none',
};

/** A department code, e.g. `health-insurance`. */
export const departmentCode = (description: string): JsonSchema => ({
  type: 'string',
  maxLength: 50,
  pattern: CODE_PATTERN,
  description,
});

/** One reason the risk-elimination guard gave. */
export const guardReason: JsonSchema = closedObject(
  {
    code: {
      type: 'string',
      maxLength: 64,
      pattern: CODE_PATTERN,
      description:
        '不予消除的原因代码，如 `elimination.no-labour-capacity` 无劳动能力（只跟踪不消除）、`elimination.income-below-line`、`elimination.income-not-stable`、`elimination.no-income-record`、`elimination.line-not-configured`、`elimination.rigid-spending-unresolved`、`elimination.three-plus-one-not-assessed`、`elimination.three-plus-one-not-secured`、`elimination.risk-not-gone`；今后可能增加，订阅方不得拒绝未知代码 / The reason code (the codes of this version listed above); new ones may appear: subscribers must not refuse an unknown code',
    },
    field: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: '^\\S+$',
      description:
        '不满足条件的事实，如 `incomes`、`threePlusOne.housingGrade` / The fact at fault, e.g. `incomes`, `threePlusOne.housingGrade`',
    },
    message: text(
      500,
      '说明（中文 / English），只含政策数字（监测线、月数），不含农户自身数据 / The message, `中文 / English`, with policy figures only (the line, the months), never the household’s own',
    ),
    evidence: {
      type: 'array',
      items: evidenceItem,
      description:
        '依据：每项为事实、值和阈值（数字、代码、日期或是否），可为空。含本户的人均纯收入、刚性支出金额、成员劳动能力（不含成员编号）等户级数字，与登记服务已发布的户级数据同级；不含任何个人身份信息 / The evidence: each a fact, its value and its threshold (numbers, codes, dates or yes/no); may be empty. It holds figures about the household — per-capita net income, rigid spending amounts, members’ labour capacities (no member ids) — of the same kind as the registry already publishes; nothing that identifies a person',
    },
  },
  '一条不予消除的原因 / One reason the guard refused',
);

/** An assistance measure's id, made by the service. */
export const measureId = id('帮扶措施编号（由监测帮扶服务生成） / Measure id (made by the assistance service)');

/**
 * A label an official types for a measure (its kind, the department responsible): a short name,
 * not a text about the household; the service keeps texts about the household off the bus.
 */
export const measureLabel = (zh: string, en: string): JsonSchema =>
  text(100, `${zh}（最多 100 字的名称，不得含个人信息） / ${en} (a name of at most 100 characters; no personal data)`);

/**
 * Why an official's reason never leaves the service: it is free text about a household's
 * hardship that may name people or their illness, and unlike the `personal` object nothing can
 * erase it from Kafka's retention or subscribers' copies. Appended to each summary it concerns.
 */
export const REASON_KEPT_INSIDE = {
  'zh-CN': '干部填写的理由为自由文本（可能涉及人名、病情），不发布；有权限的订阅方经认证、留痕的监测帮扶接口查阅',
  en: 'the official’s reason is free text (it may name people or their illness) and is not published; authorized subscribers read it through the assistance API, authenticated and audited',
} as const;
