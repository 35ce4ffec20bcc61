import { defineContract } from '../contract';
import { oneWordOf } from '../registry/registry.schema-parts';
import { TEAM_CHANGES } from './inspection.enums';
import { FIXTURE_TEAM, TEAM_PROPERTIES, type InspectionTeamV1 } from './inspection-team.schema';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, TEAM_KEY } from './inspection-topic';
import type { TeamChangeV1 } from './inspection.values';

/** `data` of `cn.relapsewatch.inspection.InspectionTeamChanged.v1`: the team after the change, whole. */
export interface InspectionTeamChangedV1 extends InspectionTeamV1 {
  /** What changed: the members, the villages covered, or the team was disbanded. */
  readonly changed: TeamChangeV1;
}

/** An inspection team's members or villages changed, or it was disbanded (排查工作队调整). */
export const inspectionTeamChangedV1 = defineContract<InspectionTeamChangedV1>({
  context: INSPECTION_CONTEXT,
  event: 'InspectionTeamChanged',
  version: 1,
  schemaName: 'inspection-team-changed',
  topic: INSPECTION_EVENTS_TOPIC,
  key: TEAM_KEY,
  title: { 'zh-CN': '排查工作队已调整', en: 'Inspection team changed' },
  summary: {
    'zh-CN': '排查工作队的成员或负责的行政村调整，或工作队解散；载荷为调整后的完整工作队，订阅方无需历史即可替换',
    en: 'An inspection team’s members or villages changed, or the team was disbanded; the payload is the whole team after the change, so a subscriber replaces what it holds without history',
  },
  properties: {
    ...TEAM_PROPERTIES,
    changed: oneWordOf(
      TEAM_CHANGES,
      '调整内容：members 成员，coverage 负责的行政村，disbanded 解散 / What changed: members, coverage (villages), or disbanded',
    ),
  },
  fixture: {
    ...FIXTURE_TEAM,
    villageCodes: ['511923102201', '511923102202', '511923102205'],
    changed: 'coverage',
  },
});
