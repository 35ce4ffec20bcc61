import type { JsonSchema } from '../contract';
import {
  LABOUR_CAPACITIES,
  MEMBER_REMOVAL_REASONS,
  RELATIONS_TO_HEAD,
  SCHOOLING_STAGES,
  WORK_PLACES,
} from './registry.enums';
import { closedObject, id, oneWordOf, PERSONAL_DATA_NOTE, tagged } from './registry.schema-parts';

// Schema of the HouseholdMembersChanged payload's parts: the non-personal member records,
// the change, and the one `personal` object: a reference to the members' personal data and their salted ID hashes.

const memberId = id('成员编号 / Member id');

/** A current member without personal data. */
export const memberSchema: JsonSchema = closedObject(
  {
    memberId,
    relationToHead: oneWordOf(RELATIONS_TO_HEAD, '与户主关系 / Relation to the head of household'),
    health: tagged(
      'kind',
      {
        healthy: {},
        'chronic-illness': {},
        'serious-illness': {},
        disabled: {
          grade: {
            type: 'integer',
            minimum: 1,
            maximum: 4,
            description: '残疾等级，1 级最重 / Disability grade, 1 most severe',
          },
        },
      },
      '健康状况 / Health',
    ),
    labourCapacity: oneWordOf(LABOUR_CAPACITIES, '劳动技能 / Labour capacity'),
    employment: tagged(
      'status',
      {
        'not-employed': {},
        employed: {
          place: oneWordOf(WORK_PLACES, '务工地点 / Where the member works'),
          stability: oneWordOf(['stable', 'unstable'], '务工稳定性 / Whether the work is stable'),
        },
      },
      '务工情况 / Employment',
    ),
    schooling: oneWordOf(SCHOOLING_STAGES, '在校生状况 / Schooling stage'),
    medicalInsuranceEnrolled: {
      type: 'boolean',
      description: '参加基本医疗保险 / Enrolled in basic medical insurance',
    },
    livesInHousehold: {
      type: 'boolean',
      description:
        '常住本户；人均纯收入是否只计常住成员由省年度政策决定（默认计入全部家庭人口） / Lives in the household; whether only residents count in per-capita income is the province’s yearly rule (by default every household member counts)',
    },
  },
  '成员（不含个人信息） / A member, without personal data',
);

const memberIds = (description: string): JsonSchema => ({
  type: 'array',
  uniqueItems: true,
  items: memberId,
  description,
});

/** What changed, by member id. */
export const memberChangesSchema: JsonSchema = closedObject(
  {
    addedMemberIds: memberIds('新增成员 / Members who joined'),
    updatedMemberIds: memberIds('信息变更的成员 / Members whose record changed'),
    removedMembers: {
      type: 'array',
      description: '减少的成员及原因 / Members who left, with the reason',
      items: closedObject({ memberId, reason: oneWordOf(MEMBER_REMOVAL_REASONS, '减少原因 / Why the member left') }),
    },
  },
  '本次变更 / What changed in this event',
);

/** The reference to every current member's personal data, and each member's salted ID hash: no plain personal data. */
export const membersPersonalSchema: JsonSchema = closedObject(
  {
    ref: {
      type: 'string',
      pattern: '^/api/registry/households/[^/]+/personal-data$',
      description:
        '取本户成员个人信息的接口路径（GET，需 `personal.read` 权限，须给出 `reason`）/ Path of the API that returns the household members’ personal data (GET, `personal.read` scope, a `reason` is required)',
    },
    members: {
      type: 'array',
      description: '当前成员，顺序与 `members` 相同 / The current members, in the order of `members`',
      items: closedObject({
        memberId,
        residentIdHash: {
          oneOf: [{ type: 'string', pattern: '^[0-9a-f]{64}$' }, { type: 'null' }],
          description:
            '身份证号的加盐哈希（HMAC-SHA256，小写十六进制）；该户个人信息已删除后重新发布时为 null / The resident ID number’s salted hash (HMAC-SHA256, lower-case hex); null when republished after the household’s personal data was erased',
        },
      }),
    },
  },
  PERSONAL_DATA_NOTE,
);
