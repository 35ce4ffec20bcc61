import type { ContractKey } from '../contract';

/** The household registry's context name in event types, sources and topics. */
export const REGISTRY_CONTEXT = 'registry';

/** The topic of every registry integration event (DESIGN.md "Messaging"). */
export const REGISTRY_EVENTS_TOPIC = 'relapsewatch.registry.events.v1';

/** CloudEvents `source` of every registry integration event. */
export const REGISTRY_EVENT_SOURCE = '/relapse-watch/registry';

/** Key of household events: the household id, so one household's events stay in order. */
export const HOUSEHOLD_KEY: ContractKey = {
  description: {
    'zh-CN': '农户编号（householdId），同一农户的事件保持顺序',
    en: 'The household id; one household’s events stay in order',
  },
  example: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
};

/** Key of province policy events: `<provinceCode>-<year>`, the policy stream of one province and year. */
export const PROVINCE_YEAR_KEY: ContractKey = {
  description: {
    'zh-CN': '`<省级代码>-<年度>`，如 `51-2024`：同一省份同一年度的政策事件保持顺序',
    en: '`<provinceCode>-<year>`, e.g. `51-2024`: one province’s policy events for a year stay in order',
  },
  pattern: '^[1-9][0-9]-[0-9]{4}$',
  example: '51-2024',
};
