import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { householdFlags, householdId, householdStatus, text, villageCode } from './registry.schema-parts';
import type { HouseholdFlagsV1, HouseholdStatusV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.HouseholdRegistered.v1`. */
export interface HouseholdRegisteredV1 {
  readonly householdId: string;
  /** 12-digit code of the village the household lives in. */
  readonly villageCode: string;
  /** The household number on the village register (户编号). */
  readonly householdNumber: string;
  readonly status: HouseholdStatusV1;
  /** Flags as registered (both false until set). */
  readonly flags: HouseholdFlagsV1;
}

/** A household was registered in a village (农户建档). */
export const householdRegisteredV1 = defineContract<HouseholdRegisteredV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdRegistered',
  version: 1,
  schemaName: 'household-registered',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户已建档', en: 'Household registered' },
  summary: {
    'zh-CN': '一个农户在行政村建档，含农户类型和标识；成员随后以“农户成员已变更”事件发布',
    en: 'A household was registered in a village, with its status and flags; its members follow as HouseholdMembersChanged events',
  },
  properties: {
    householdId,
    villageCode,
    householdNumber: text(64, '户编号（村内唯一） / Household number on the village register, unique in the village'),
    status: householdStatus,
    flags: householdFlags,
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    householdNumber: '5101040010010027',
    status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    flags: { relocatedToResettlementSite: false, urbanHukou: false },
  },
});
