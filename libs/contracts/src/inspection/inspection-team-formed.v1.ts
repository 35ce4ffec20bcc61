import { defineContract } from '../contract';
import { FIXTURE_TEAM, TEAM_PROPERTIES, type InspectionTeamV1 } from './inspection-team.schema';
import { INSPECTION_CONTEXT, INSPECTION_EVENTS_TOPIC, TEAM_KEY } from './inspection-topic';

/** `data` of `cn.relapsewatch.inspection.InspectionTeamFormed.v1`: the new team, whole. */
export type InspectionTeamFormedV1 = InspectionTeamV1;

/** An inspection team was formed (排查工作队组建) with its members and villages. */
export const inspectionTeamFormedV1 = defineContract<InspectionTeamFormedV1>({
  context: INSPECTION_CONTEXT,
  event: 'InspectionTeamFormed',
  version: 1,
  schemaName: 'inspection-team-formed',
  topic: INSPECTION_EVENTS_TOPIC,
  key: TEAM_KEY,
  title: { 'zh-CN': '排查工作队已组建', en: 'Inspection team formed' },
  summary: {
    'zh-CN':
      '组建排查工作队：成员（乡村干部、驻村工作队员、村级网格员、监测联系人）和负责的行政村；载荷为完整的工作队，网关据此确定村级排查员的数据范围',
    en: 'An inspection team was formed with its members (officials, resident work-team members, grid workers, monitoring contacts) and villages; the payload is the whole team, from which the gateway derives a village inspector’s area',
  },
  properties: TEAM_PROPERTIES,
  fixture: FIXTURE_TEAM,
});
