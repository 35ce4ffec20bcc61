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

/** One current member in the `personal` part: no plain personal data. */
export interface MemberPersonalRefV1 {
  readonly memberId: string;
  /**
   * The resident ID number's salted hash (HMAC-SHA256 with the deployment's secret salt, lower-case hex): the same person
   * has the same hash everywhere; null when the event is republished after the household's personal data was erased.
   */
  readonly residentIdHash: string | null;
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
  /**
   * Where the members' names and ID numbers are fetched (`GET ref?reason=…`, scope `personal.read`, every fetch recorded)
   * and each member's salted ID hash: the event itself carries no plain personal data (DESIGN.md "Messaging").
   */
  readonly personal: { readonly ref: string; readonly members: readonly MemberPersonalRefV1[] };
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
      ref: '/api/registry/households/0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50/personal-data',
      members: [
        {
          memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d01',
          residentIdHash: '4f0c2b6a9d3e8f1a7c5b0e2d4a6f8c1e3b5d7a9c0e2f4b6d8a1c3e5f7b9d0a2c',
        },
        {
          memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d02',
          residentIdHash: '9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9',
        },
        {
          memberId: '0191a5c2-7a10-7d42-9b1e-4c3a2f6e8d03',
          residentIdHash: 'c3d1e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0',
        },
      ],
    },
  },
});
