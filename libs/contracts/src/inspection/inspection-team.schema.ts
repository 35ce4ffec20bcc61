import type { JsonSchema } from '../contract';
import { closedObject, divisionCode, id, oneWordOf, text } from '../registry/registry.schema-parts';
import { TEAM_MEMBER_ROLE_LABELS, TEAM_MEMBER_ROLES } from './inspection.enums';
import { campaignId, divisionCodes, uuid } from './inspection.schema-parts';
import type { TeamMemberRoleV1 } from './inspection.values';

/** A member of a team: the system's user id and the role on the team. */
export interface InspectionTeamMemberV1 {
  /** The user id of the system's own accounts (not personal data: no name, no number). */
  readonly userId: string;
  readonly role: TeamMemberRoleV1;
}

/** A team as it stands after the event: every team event carries the whole team. */
export interface InspectionTeamV1 {
  readonly campaignId: string;
  readonly teamId: string;
  /** The team's name, e.g. `西兴镇第一排查组` (a team's, never a person's). */
  readonly name: string;
  /** The township the team belongs to; null for a team formed above the township. */
  readonly townshipCode: string | null;
  /** 12-digit codes of the villages it covers, sorted. */
  readonly villageCodes: readonly string[];
  readonly members: readonly InspectionTeamMemberV1[];
  /** A disbanded team covers no village any more; its last coverage and members stay for the record. */
  readonly disbanded: boolean;
}

const roles = TEAM_MEMBER_ROLES.map((role) => `\`${role}\` ${TEAM_MEMBER_ROLE_LABELS[role]['zh-CN']}`).join('、');

/** The properties of the whole team, shared by `InspectionTeamFormed` and `InspectionTeamChanged`. */
export const TEAM_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  campaignId,
  teamId: uuid('排查工作队编号（UUID），也是消息键 / Team id (a UUID), also the message key'),
  name: text(
    100,
    '工作队名称，如“西兴镇第一排查组”（队名，不是人名，不得含个人信息） / The team’s name, e.g. 西兴镇第一排查组 (a team’s name, never a person’s; no personal data)',
  ),
  townshipCode: {
    oneOf: [divisionCode('所属乡镇（12 位区划代码） / Township, 12-digit division code'), { type: 'null' }],
    description:
      '所属乡镇；县级及以上组建的工作队为 null / The township the team belongs to; null for a team formed above the township',
  },
  villageCodes: divisionCodes(
    '负责的行政村（12 位代码，升序）；村级排查员的数据范围由此而来 / Villages covered, 12-digit codes, sorted; a village inspector’s area follows from it',
    0,
  ),
  members: {
    type: 'array',
    items: closedObject({
      userId: id('系统用户编号（不含姓名等个人信息） / The system’s user id (no name or other personal data)'),
      role: oneWordOf(TEAM_MEMBER_ROLES, `队内角色：${roles} / Role on the team`),
    }),
    description: '全部现有成员 / Every current member',
  },
  disbanded: {
    type: 'boolean',
    description:
      '已解散：不再负责任何行政村，保留最后的范围和成员备查 / Disbanded: covers no village any more; its last coverage and members stay for the record',
  },
};

/** The fixture's team: a township team of 平昌县西兴镇 (Pingchang county, Sichuan) covering two villages. */
export const FIXTURE_TEAM: InspectionTeamV1 = {
  campaignId: '51-2024',
  teamId: '0192f3a1-4c2d-7e10-9b35-6a1c8d2e4f70',
  name: '西兴镇第一排查组',
  townshipCode: '511923102000',
  villageCodes: ['511923102201', '511923102202'],
  members: [
    { userId: '0192e0b4-1a2b-7c3d-8e4f-5a6b7c8d9e01', role: 'official' },
    { userId: '0192e0b4-1a2b-7c3d-8e4f-5a6b7c8d9e02', role: 'resident-work-team' },
    { userId: '0192e0b4-1a2b-7c3d-8e4f-5a6b7c8d9e03', role: 'grid-worker' },
    { userId: '0192e0b4-1a2b-7c3d-8e4f-5a6b7c8d9e04', role: 'monitoring-contact' },
  ],
  disbanded: false,
};
