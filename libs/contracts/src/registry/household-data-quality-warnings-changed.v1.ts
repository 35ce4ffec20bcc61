import type { JsonSchema } from '../contract';
import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { closedObject, householdId, id, oneWordOf, text, villageCode } from './registry.schema-parts';

/** What a warning rests on; a fact that does not apply to the rule is null. Never a name or an ID number. */
export interface DataQualityEvidenceV1 {
  readonly memberId: string | null;
  /** The first six digits of a member's resident ID (not the number). */
  readonly registrationPrefix: string | null;
  readonly age: number | null;
  readonly schoolingStage: string | null;
  readonly villageCode: string | null;
}

/** One data-quality warning of a household. */
export interface DataQualityWarningV1 {
  /** A documented rule code (registry README, "Data-quality warnings"), e.g. `schooling.age-mismatch`; new rules may appear. */
  readonly rule: string;
  readonly field: string;
  /** `中文 / English`. */
  readonly message: string;
  readonly evidence: DataQualityEvidenceV1;
}

/** `data` of `cn.relapsewatch.registry.HouseholdDataQualityWarningsChanged.v1`. */
export interface HouseholdDataQualityWarningsChangedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  readonly change: 'raised' | 'cleared';
  readonly warning: DataQualityWarningV1;
  /** Every warning open after this change, in the order they were raised. */
  readonly openWarnings: readonly DataQualityWarningV1[];
}

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const warningSchema = closedObject(
  {
    rule: {
      type: 'string',
      pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$',
      maxLength: 100,
      description:
        '规则代码（见登记服务说明“数据质量预警”，今后可能增加） / Rule code, documented in the registry README ("Data-quality warnings"); new ones may be added',
    },
    field: text(200, '有问题的字段 / The field at fault'),
    message: text(500, '说明（中文 / English） / Message, Chinese then English'),
    evidence: closedObject(
      {
        memberId: nullable(id('成员编号 / Member id')),
        registrationPrefix: nullable({
          type: 'string',
          pattern: '^[0-9]{6}$',
          description: '身份证号码前6位（不是号码本身） / First six digits of the resident ID, not the number',
        }),
        age: nullable({ type: 'integer', minimum: 0, maximum: 200, description: '周岁 / Age in completed years' }),
        schoolingStage: nullable(text(40, '在校生状况代码 / Schooling stage code')),
        villageCode: nullable(villageCode),
      },
      '依据：编号和代码，不含姓名和身份证号码 / Evidence: ids and codes, never a name or an ID number',
    ),
  },
  '数据质量预警 / A data-quality warning',
);

/** The fixture's warning: the one raised, and then the only one open. */
const FIXTURE_WARNING = {
  rule: 'schooling.compulsory-education-contradicted',
  field: 'threePlusOne.compulsoryEducationSecured',
  message:
    '有6至15周岁成员辍学或不在校，但“义务教育有保障”记为是 / A member aged 6 to 15 has dropped out or is not in school, yet compulsory education is recorded as secured',
  evidence: {
    memberId: '0191a5c2-7a10-7c3e-9d21-5b8e4f2a6c11',
    registrationPrefix: null,
    age: 13,
    schoolingStage: 'dropped-out',
    villageCode: null,
  },
};

/** A household's data-quality warnings changed (农户数据质量预警变化). */
export const householdDataQualityWarningsChangedV1 = defineContract<HouseholdDataQualityWarningsChangedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdDataQualityWarningsChanged',
  version: 1,
  schemaName: 'household-data-quality-warnings-changed',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户数据质量预警已变化', en: 'Household data-quality warnings changed' },
  summary: {
    'zh-CN':
      '记录事实时发现相互矛盾或与参考数据不符（不拒收）：产生或消除一条预警，载荷带该条及现有全部预警，供排查和数据质量报表使用',
    en: 'Facts recorded contradict each other or reference data (never a refusal): one warning raised or cleared; the payload carries it and every open warning, for the inspection and the data-quality report',
  },
  properties: {
    householdId,
    villageCode,
    change: oneWordOf(['raised', 'cleared'], '产生还是消除 / Raised or cleared'),
    warning: warningSchema,
    openWarnings: {
      type: 'array',
      items: warningSchema,
      description: '变化后全部未消除的预警 / Every open warning after the change',
    },
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    change: 'raised',
    warning: FIXTURE_WARNING,
    openWarnings: [FIXTURE_WARNING],
  },
});
