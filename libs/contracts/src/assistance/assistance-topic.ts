import type { ContractKey } from '../contract';

/** The assistance service's context name in event types, sources and topics. */
export const ASSISTANCE_CONTEXT = 'assistance';

/** The topic of every assistance integration event (DESIGN.md "Messaging"). */
export const ASSISTANCE_EVENTS_TOPIC = 'relapsewatch.assistance.events.v1';

/** CloudEvents `source` of every assistance integration event. */
export const ASSISTANCE_EVENT_SOURCE = '/relapse-watch/assistance';

/**
 * Key of every assistance event: the household id, not the case id. A relapse closes one case
 * and opens the next for the same household (the old case's `MonitoringCaseReopened`, then the
 * new case's `MonitoringCaseOpened`), and a plan's measures belong to a case of that household:
 * one key keeps a household's episodes in order on one partition, so a subscriber's "monitored
 * now?" never sees a new case before the old one's end. It also lines the topic up with the
 * registry's and the inspection's, which key by the household too. The example is the household
 * the inspection fixtures flag at risk, in 平昌县 (Pingchang county).
 */
export const ASSISTANCE_HOUSEHOLD_KEY: ContractKey = {
  description: {
    'zh-CN': '农户编号（householdId）：同一农户的全部监测案例（含返贫后的新案例）及其帮扶措施的事件保持顺序',
    en: 'The household id: the events of all of a household’s monitoring cases (a relapse’s new case included) and of their measures stay in order',
  },
  example: '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
};

/** CloudEvents `subject` of every assistance event: the monitoring case it is about. */
export const CASE_SUBJECT: ContractKey = {
  description: {
    'zh-CN': '监测案例编号（caseId）：事件所属的案例（一户一次监测为一个案例）；消息键为农户编号',
    en: 'The monitoring case id (one household episode) the event is about; the message key is the household id',
  },
  example: '0193a1b2-0000-7000-8000-000000000001',
};
