import { defineContract } from '../contract';
import { memberChangesSchema, membersPersonalSchema, memberSchema } from './household-members.schema';
import { HOUSEHOLD_KEY, REGISTRY_CONTEXT, REGISTRY_EVENTS_TOPIC } from './registry-topic';
import { householdId, villageCode } from './registry.schema-parts';
import type {
  EmploymentV1,
  HealthV1,
  LabourCapacityV1,
  MemberRemovalReasonV1,
  RelationToHeadV1,
  SchoolingStageV1,
} from './registry.values';

/** A current member of the household, without personal data. */
export interface HouseholdMemberV1 {
  readonly memberId: string;
  readonly relationToHead: RelationToHeadV1;
  readonly health: HealthV1;
  readonly labourCapacity: LabourCapacityV1;
  readonly employment: EmploymentV1;
  readonly schooling: SchoolingStageV1;
  readonly medicalInsuranceEnrolled: boolean;
  /** Lives in the household (常住); counts in per-capita income alone only under the `resident-members` rule. */
  readonly livesInHousehold: boolean;
}

/** Personal data of one current member. PERSONAL DATA. */
export interface MemberPersonalV1 {
  readonly memberId: string;
  readonly name: string;
  /** 18-character resident ID number, upper-case `X`. */
  readonly residentId: string;
}

/** `data` of `cn.relapsewatch.registry.HouseholdMembersChanged.v1`. */
export interface HouseholdMembersChangedV1 {
  readonly householdId: string;
  readonly villageCode: string;
  /** Every current member after the change, in the order they joined: no history needed. */
  readonly members: readonly HouseholdMemberV1[];
  /** Members who live in the household: the divisor of per-capita net income. */
  readonly residentMemberCount: number;
  /** What this event changed. */
  readonly changes: {
    readonly addedMemberIds: readonly string[];
    readonly updatedMemberIds: readonly string[];
    readonly removedMembers: readonly { readonly memberId: string; readonly reason: MemberRemovalReasonV1 }[];
  };
  /** PERSONAL DATA, encrypted as a whole by the privacy feature: names and ID numbers of `members`. */
  readonly personal: { readonly members: readonly MemberPersonalV1[] };
}

/** The household's members changed (成员增减或信息变更); the payload carries the full current list. */
export const householdMembersChangedV1 = defineContract<HouseholdMembersChangedV1>({
  context: REGISTRY_CONTEXT,
  event: 'HouseholdMembersChanged',
  version: 1,
  schemaName: 'household-members-changed',
  topic: REGISTRY_EVENTS_TOPIC,
  key: HOUSEHOLD_KEY,
  title: { 'zh-CN': '农户成员已变更', en: 'Household members changed' },
  summary: {
    'zh-CN': '成员新增、信息变更或减少；载荷包含变更后的全部当前成员及本次变更内容，订阅方无需历史事件',
    en: 'Members joined, changed or left; the payload carries every current member after the change plus what changed, so subscribers need no history',
  },
  properties: {
    householdId,
    villageCode,
    members: {
      type: 'array',
      items: memberSchema,
      description: '变更后的全部当前成员（按加入顺序） / Every current member after the change, in joining order',
    },
    residentMemberCount: { type: 'integer', minimum: 0, description: '常住成员数 / Members living in the household' },
    changes: memberChangesSchema,
    personal: membersPersonalSchema,
  },
  fixture: {
    householdId: '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
    villageCode: '510104001001',
    members: [
      {
        memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d01',
        relationToHead: 'head',
        health: { kind: 'healthy' },
        labourCapacity: 'ordinary',
        employment: { status: 'employed', place: 'within-county', stability: 'stable' },
        schooling: 'not-in-school',
        medicalInsuranceEnrolled: true,
        livesInHousehold: true,
      },
      {
        memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d02',
        relationToHead: 'spouse',
        health: { kind: 'chronic-illness' },
        labourCapacity: 'weak',
        employment: { status: 'not-employed' },
        schooling: 'not-in-school',
        medicalInsuranceEnrolled: true,
        livesInHousehold: true,
      },
      {
        memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d03',
        relationToHead: 'child',
        health: { kind: 'healthy' },
        labourCapacity: 'none',
        employment: { status: 'not-employed' },
        schooling: 'junior-secondary',
        medicalInsuranceEnrolled: true,
        livesInHousehold: true,
      },
    ],
    residentMemberCount: 3,
    changes: {
      addedMemberIds: [],
      updatedMemberIds: [],
      removedMembers: [{ memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d04', reason: 'deceased' }],
    },
    personal: {
      members: [
        { memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d01', name: '王建国', residentId: '51010419720315031X' },
        { memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d02', name: '刘桂芳', residentId: '510104197411080424' },
        { memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d03', name: '王磊', residentId: '510104200905210131' },
      ],
    },
  },
});
