import type { JsonSchema } from '../contract';
import { closedObject, divisionCode, id, isoDate, oneWordOf, text } from '../registry/registry.schema-parts';
import { INSPECTION_AREA_LABELS, INSPECTION_AREAS, KNOWN_USER_ROLES } from './inspection.enums';
import { CAMPAIGN_ID_PATTERN, UUID_PATTERN } from './inspection-topic';

// Schema fragments shared by the inspection contracts (the registry's generic fragments are
// reused as they are). Each contract schema inlines them, so every schema stands alone.

/** The campaign id `<provinceCode>-<year>`. */
export const campaignId: JsonSchema = {
  type: 'string',
  pattern: CAMPAIGN_ID_PATTERN,
  description: '排查活动编号 `<省级代码>-<年度>` / Campaign id, `<provinceCode>-<year>`',
};

/** An id the inspection service makes: a lower-case UUID. */
export const uuid = (description: string): JsonSchema => ({ type: 'string', pattern: UUID_PATTERN, description });

/** The pattern of every rule code (risk, key-group and data-quality rules). */
export const RULE_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:/-]*$';

/** A rule code of the campaign's rule set. */
export const ruleCode = (description: string): JsonSchema => ({
  type: 'string',
  maxLength: 100,
  pattern: RULE_CODE_PATTERN,
  description: `${description}（规则代码：字母、数字和 . _ : / -，由规则集公布，今后可能增加） / (a rule code: letters, digits and . _ : / -, published with the rule set; new ones may appear)`,
});

/** Sorted, distinct rule codes. */
export const ruleCodes = (description: string, minItems = 0): JsonSchema => ({
  type: 'array',
  minItems,
  uniqueItems: true,
  items: ruleCode('规则 / Rule'),
  description,
});

/** Sorted, distinct 12-digit division codes. */
export const divisionCodes = (description: string, minItems: number): JsonSchema => ({
  type: 'array',
  minItems,
  uniqueItems: true,
  items: divisionCode('区划代码 / Division code'),
  description,
});

const areaNames = INSPECTION_AREAS.map((area) => `\`${area}\` ${INSPECTION_AREA_LABELS[area]['zh-CN']}`).join('、');

/** One of the seven areas. */
export const inspectionArea = oneWordOf(
  INSPECTION_AREAS,
  `排查内容（七个方面）：${areaNames} / One of the seven areas of the inspection`,
);

/**
 * A text an official types (reason, resolution, summary). Schemas cannot tell a name from a
 * word, so the rule is stated where every subscriber reads it; the publishing service must keep to it.
 */
export const officialText = (zh: string, en: string): JsonSchema =>
  text(
    500,
    `${zh}（自由文本，最多 500 字，不得含个人信息：姓名、身份证号、电话等） / ${en} (free text, at most 500 characters; must not carry personal data: names, ID numbers, phone numbers…)`,
  );

const scalar = (description: string): JsonSchema => ({
  description,
  anyOf: [{ type: 'string', maxLength: 200 }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
});

/** One fact with its value and threshold: scalars only, so no record of a person fits in it. */
export const evidenceItem: JsonSchema = closedObject(
  {
    fact: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: '^\\S+$',
      description:
        '规则依据的事实（农户事实或排查结果中的路径），如 `income.perCapitaNetIncomeFen` / The fact the rule looked at (its path in the household facts or findings), e.g. `income.perCapitaNetIncomeFen`',
    },
    value: scalar(
      '事实的值（数字、代码或是否；缺失为 null） / Its value: a number, a code or a yes/no; null when missing',
    ),
    threshold: scalar('比较的阈值；无阈值为 null / The threshold it was compared with; null when none'),
  },
  '一条依据 / One piece of evidence',
);

/** What fired a rule: facts and figures only, never personal data. */
export const ruleEvidence: JsonSchema = {
  type: 'array',
  minItems: 1,
  items: evidenceItem,
  description:
    '触发规则的依据：只有数字、代码和是否，不含个人信息 / What fired the rule: numbers, codes and yes/no only, never personal data',
};

/** A user role code (an open list: the roles of this version are named in the description). */
export const userRole = (zh: string, en: string): JsonSchema => ({
  type: 'string',
  maxLength: 64,
  pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
  description: `${zh}（不记录具体人员）。当前角色：${KNOWN_USER_ROLES.map((r) => `\`${r}\``).join('、')}；今后可能增加，订阅方不得拒绝未知角色 / ${en}, never the person. The roles listed may grow: subscribers must not refuse an unknown one`,
});

/** Who decided: the role only. */
export const decidedBy = closedObject(
  { role: userRole('决定人的角色', 'The decider’s role') },
  '决定人（仅角色） / Who decided (the role only)',
);

/** A date of the campaign's calendar. */
export const localDate = (zh: string, en: string): JsonSchema => isoDate(`${zh}（当地日期） / ${en} (local date)`);

/** Key region id, as the registry's `KeyRegionDesignated` published it. */
export const keyRegionId = id(
  '重点区域编号（见登记服务“重点区域已认定”） / Key region id, as KeyRegionDesignated published it',
);
