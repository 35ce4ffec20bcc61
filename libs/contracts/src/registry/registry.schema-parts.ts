import type { JsonSchema } from '../contract';
import { HOUSING_GRADES, NATIONAL_RISK_TYPES, RISK_TYPE_CODE_PATTERN } from './registry.enums';

// Schema fragments shared by the registry contracts. Each contract schema inlines them (no
// `$ref` across files), so every published schema stands alone at its `$id`.

const MAX_SAFE_FEN = Number.MAX_SAFE_INTEGER;

/** Note on every `personal` object: what it holds and what the privacy feature does to it. */
export const PERSONAL_DATA_NOTE =
  '【个人信息引用】不含姓名、身份证号等明文：只有取数地址 `ref` 和按部署密钥加盐的身份证号哈希（同一人在各事件中哈希相同，可据此关联而无需明文）。' +
  '有 `personal.read` 权限的订阅方凭访问令牌从 `ref` 取数，每次取数都记录为事件（谁、取了什么、为何）；该户个人信息删除后取数返回“已删除”，Kafka 中留存的消息也无从还原。 / ' +
  'PERSONAL DATA REFERENCE: no names or ID numbers in plain text, only the path `ref` to fetch them and the resident ID number ' +
  'hashed with the deployment’s secret salt (one person has the same hash in every event, so subscribers can match people ' +
  'without the number). A subscriber with the `personal.read` scope fetches the people from `ref` with its access token; every ' +
  'fetch is recorded as an event (who, what, why). After the household’s personal data is erased the fetch answers “erased”, and ' +
  'nothing readable is left in Kafka’s retention or in subscribers’ copies.';

/** A closed object whose properties are all required. */
export function closedObject(properties: Readonly<Record<string, JsonSchema>>, description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
}

/** A caller-made id (household, member, risk event, region): a non-blank string. */
export const id = (description: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '\\S',
  description,
});

/** A 12-digit statistical division code. */
export const divisionCode = (description: string): JsonSchema => ({
  type: 'string',
  pattern: '^[0-9]{12}$',
  description,
});

/** A two-digit province code (`51` is Sichuan). */
export const provinceCode: JsonSchema = {
  type: 'string',
  pattern: '^[1-9][0-9]$',
  description: '省级行政区划代码（两位） / Two-digit province code',
};

/** A calendar year. */
export const year = (description: string): JsonSchema => ({
  type: 'integer',
  minimum: 1000,
  maximum: 9999,
  description,
});

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = (description: string): JsonSchema => ({ type: 'string', format: 'date', description });

/** An amount in integer fen (分); negative only where the description says so. */
export const fen = (description: string, options: { readonly negativeAllowed?: boolean } = {}): JsonSchema => ({
  type: 'integer',
  minimum: options.negativeAllowed ? -MAX_SAFE_FEN : 0,
  maximum: MAX_SAFE_FEN,
  description: `${description}（单位：分 / in fen, 1/100 yuan）`,
});

/** One word of a closed list. */
export const oneWordOf = (words: readonly string[], description: string): JsonSchema => ({
  type: 'string',
  enum: [...words],
  description,
});

/** A free text (policy document number, reason). */
export const text = (maxLength: number, description: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  description,
});

/** A tagged union: one closed object per tag value. */
export function tagged(
  tag: string,
  variants: Readonly<Record<string, Readonly<Record<string, JsonSchema>>>>,
  description: string,
): JsonSchema {
  return {
    description,
    oneOf: Object.entries(variants).map(([value, properties]) =>
      closedObject({ [tag]: { const: value }, ...properties }),
    ),
  };
}

/** The household id, in every household event. */
export const householdId = id('农户编号 / Household id (also the message key and the CloudEvents subject)');

/** The household's village, in every household event. */
export const villageCode = divisionCode(
  '农户所在行政村（12 位区划代码） / The household’s village, 12-digit division code',
);

/** Household base status. */
export const householdStatus = tagged(
  'kind',
  {
    ordinary: {},
    'poverty-alleviated': {
      yearLeftPoverty: {
        type: 'integer',
        minimum: 2014,
        maximum: 2020,
        description: '脱贫年度（2014–2020） / Year the household left poverty, 2014–2020',
      },
    },
  },
  '户类型（基础身份）：一般农户或脱贫户（含脱贫年度）。监测对象不是户类型，由监测帮扶服务的监测案例表示 / Base status: ordinary rural household or poverty-alleviated (with the year). Being a monitoring subject is not a status: the assistance service’s monitoring cases carry it',
);

const nationalRiskTypes = NATIONAL_RISK_TYPES.map(([code, label]) => `\`${code}\` ${label}`).join('、');

/** A risk type code: the national list is documented, provinces add their own; never a closed enum. */
export const riskTypeCode = (zh: string, en: string): JsonSchema => ({
  type: 'string',
  maxLength: 64,
  pattern: RISK_TYPE_CODE_PATTERN,
  description:
    `${zh}（风险类型代码）。全国风险类型：${nationalRiskTypes}；省定类型以省级代码为前缀（如 \`51.farm-price-drop\`），清单见 GET /api/registry/risk-types?province=<省级代码>；订阅方不得拒绝未知代码。 / ` +
    `${en} (a risk type code). The national codes are listed above; a province’s own types are prefixed with its code (e.g. \`51.farm-price-drop\`), listed by GET /api/registry/risk-types?province=<code>. An open list: subscribers must not refuse an unknown code.`,
});

/** Household flags. */
export const householdFlags = closedObject(
  {
    relocatedToResettlementSite: {
      type: 'boolean',
      description: '易地扶贫搬迁集中安置 / Relocated to a centralized resettlement site',
    },
    urbanHukou: { type: 'boolean', description: '农转非 / Registration moved to urban hukou' },
  },
  '标识（仍在监测范围内） / Flags; the household stays in scope either way',
);

/** The period an income or expenditure figure covers. */
export const reportingPeriod = tagged(
  'kind',
  {
    'calendar-year': { year: year('自然年度 / Calendar year') },
    'twelve-months': { endingOn: isoDate('截至日期（含）的 12 个月 / The 12 months ending on this date') },
  },
  '统计期：自然年度，或截至某日的 12 个月 / Period: a calendar year, or the 12 months ending on a date',
);

/** The "3+1" assessment. */
export const threePlusOne = closedObject(
  {
    foodAndClothingSecured: { type: 'boolean', description: '不愁吃、不愁穿 / Food and clothing secured' },
    compulsoryEducationSecured: {
      type: 'boolean',
      description: '义务教育有保障 / No child aged 6–15 out of school for lack of money',
    },
    medicalInsuranceCovered: {
      type: 'boolean',
      description: '基本医疗有保障 / Every member insured, costs affordable',
    },
    housingGrade: oneWordOf(
      HOUSING_GRADES,
      '住房安全等级：A、B 安全，C、D 危房 / Housing grade: A, B safe; C, D dangerous',
    ),
    drinkingWaterSafe: { type: 'boolean', description: '饮水安全 / Safe drinking water' },
  },
  '“两不愁三保障”及饮水安全评估结果 / The "3+1" assessment',
);
