import type { ContractKey } from '../contract';
import { HOUSEHOLD_KEY } from '../registry/registry-topic';

/** The inspection service's context name in event types, sources and topics. */
export const INSPECTION_CONTEXT = 'inspection';

/** The topic of every inspection integration event (DESIGN.md "Messaging"). */
export const INSPECTION_EVENTS_TOPIC = 'relapsewatch.inspection.events.v1';

/** CloudEvents `source` of every inspection integration event. */
export const INSPECTION_EVENT_SOURCE = '/relapse-watch/inspection';

/** A campaign id: `<provinceCode>-<year>`, one concentrated inspection per province and year. */
export const CAMPAIGN_ID_PATTERN = '^[1-9][0-9]-[0-9]{4}$';

/** A lower-case UUID (teams, suggestions, data-quality issues, rectification items). */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Key of campaign events: the campaign id, so one campaign's events stay in order. */
export const CAMPAIGN_KEY: ContractKey = {
  description: {
    'zh-CN': '排查活动编号 `<省级代码>-<年度>`，如 `51-2024`：同一省份同一年度只有一次集中排查，其事件保持顺序',
    en: 'The campaign id `<provinceCode>-<year>`, e.g. `51-2024`: one concentrated inspection per province and year, its events in order',
  },
  pattern: CAMPAIGN_ID_PATTERN,
  example: '51-2024',
};

/** Key of team events: the team id, so one team's changes stay in order. */
export const TEAM_KEY: ContractKey = {
  description: {
    'zh-CN': '排查工作队编号（teamId，UUID），同一工作队的事件保持顺序',
    en: 'The team id (a UUID); one team’s events stay in order',
  },
  pattern: UUID_PATTERN,
  example: '0192f3a1-4c2d-7e10-9b35-6a1c8d2e4f70',
};

/**
 * Key of the inspection's household events: the household id, as the registry keys its own
 * (same description, so one household's events stay in order on each topic); the example is the
 * inspection fixtures' household, in 平昌县 (Pingchang county).
 */
export const INSPECTION_HOUSEHOLD_KEY: ContractKey = {
  ...HOUSEHOLD_KEY,
  example: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
};
