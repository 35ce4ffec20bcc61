import { defineContract } from '../contract';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { householdFlags, householdId, householdStatus, oneWordOf, villageCode } from './registry.schema-parts';
import type { HouseholdFlagsV1, HouseholdStatusV1 } from './registry.values';

/** `data` of `cn.relapsewatch.registry.HouseholdStatusChanged.v1`. */
export interface HouseholdStatusChangedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** Which of the two changed in this event; both carry their current value. */
  readonly changed: 'status' | 'flags';
  readonly status: HouseholdStatusV1;
  readonly flags: HouseholdFlagsV1;
}

/** The household's status or flags changed (农户类型或标识变更). */
export const householdStatusChangedV1 = defineContract<HouseholdStatusChangedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdStatusChanged',
  version: 1,
  schemaName: 'household-status-changed',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户类型已变更', en: 'Household status changed' },
  summary: {
    'zh-CN': '农户类型（一般农户、脱贫户）或标识（易地搬迁、农转非）变更；载荷总是带两者的当前值',
    en: 'The base status (ordinary, poverty-alleviated) or the flags (relocated, urban hukou) changed; the payload always carries both current values',
  },
  properties: {
    householdId,
    villageCode,
    changed: oneWordOf(['status', 'flags'], '本次变更的是类型还是标识 / Whether the status or the flags changed'),
    status: householdStatus,
    flags: householdFlags,
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    changed: 'flags',
    status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    flags: { relocatedToResettlementSite: true, urbanHukou: false },
  },
});
