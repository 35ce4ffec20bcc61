import { defineContract } from '../contract';
import { caseEventProperties, REASON_KEPT_INSIDE } from './assistance.schema-parts';
import {
  ASSISTANCE_CONTEXT,
  ASSISTANCE_EVENTS_TOPIC,
  ASSISTANCE_HOUSEHOLD_KEY,
  CASE_SUBJECT,
} from './assistance-topic';
import type { CaseEventV1 } from './assistance.values';
import { FIXTURE_CASE } from './monitoring-case-opened.v1';

/** `data` of `cn.relapsewatch.assistance.EliminationProposed.v1`. */
export type EliminationProposedV1 = CaseEventV1;

/** The guard allowed a risk elimination and its procedure started (风险消除程序启动). */
export const eliminationProposedV1 = defineContract<EliminationProposedV1>({
  context: ASSISTANCE_CONTEXT,
  event: 'EliminationProposed',
  version: 1,
  schemaName: 'elimination-proposed',
  topic: ASSISTANCE_EVENTS_TOPIC,
  key: ASSISTANCE_HOUSEHOLD_KEY,
  subject: CASE_SUBJECT,
  title: { 'zh-CN': '风险消除程序已启动', en: 'Elimination proposed' },
  summary: {
    'zh-CN': `风险消除条件核验通过（收入高于当年监测线且稳定、刚性支出化解、“3+1”有保障、风险消除、有劳动能力），开始与识别相同的核实、评议、公示、审核程序；该户仍是监测对象，直至县级批准。${REASON_KEPT_INSIDE['zh-CN']}`,
    en: `The risk-elimination guard allowed it (income above the year’s line and stable, rigid spending resolved, 3+1 secured, the risk gone, labour capacity) and the procedure mirroring identification starts; the household stays monitored until the county grants it. ${REASON_KEPT_INSIDE.en}`,
  },
  properties: caseEventProperties('启动日期', 'Day proposed'),
  fixture: { ...FIXTURE_CASE, on: '2025-11-10', actor: { role: 'township-official' } },
});
