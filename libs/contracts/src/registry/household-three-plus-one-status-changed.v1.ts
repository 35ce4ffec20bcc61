import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { householdId, threePlusOne, villageCode } from './registry.schema-parts';
import type { HousingGradeV1 } from './registry.values';

/** The "3+1" assessment (两不愁三保障 + 饮水安全). */
export interface ThreePlusOneStatusV1 {
  readonly foodAndClothingSecured: boolean;
  readonly compulsoryEducationSecured: boolean;
  readonly medicalInsuranceCovered: boolean;
  readonly housingGrade: HousingGradeV1;
  readonly drinkingWaterSafe: boolean;
}

/** `data` of `cn.relapsewatch.registry.HouseholdThreePlusOneStatusChanged.v1`. */
export interface HouseholdThreePlusOneStatusChangedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** The new assessment; published only when it differs from the previous one. */
  readonly threePlusOne: ThreePlusOneStatusV1;
  /** All four guarantees and water hold: every flag true and housing grade A or B. */
  readonly allSecured: boolean;
}

/** The household's "3+1" status changed (“两不愁三保障”及饮水安全状况变化). */
export const householdThreePlusOneStatusChangedV1 = defineContract<HouseholdThreePlusOneStatusChangedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdThreePlusOneStatusChanged',
  version: 1,
  schemaName: 'household-three-plus-one-status-changed',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户“3+1”保障状况已变化', en: 'Household "3+1" status changed' },
  summary: {
    'zh-CN': '“两不愁三保障”及饮水安全的评估结果与上次不同；`allSecured` 表示全部保障到位（住房 A/B 级）',
    en: 'The "two no-worries, three guarantees" plus safe water assessment differs from the last one; `allSecured` says all hold (housing A or B)',
  },
  properties: {
    householdId,
    villageCode,
    threePlusOne,
    allSecured: { type: 'boolean', description: '全部保障到位 / Every guarantee holds and housing is grade A or B' },
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    threePlusOne: {
      foodAndClothingSecured: true,
      compulsoryEducationSecured: true,
      medicalInsuranceCovered: true,
      housingGrade: 'C',
      drinkingWaterSafe: true,
    },
    allSecured: false,
  },
});
