import { describe, expect, it } from '@jest/globals';
import {
  DEAD_LETTER_HEADER_NAMES,
  type HouseholdMembersChangedV1,
  type ThresholdPublishedV1,
} from '@relapse-watch/contracts';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { DEAD_LETTER_HEADERS, integrationMessage, parseCloudEvent } from '@relapse-watch/messaging-core';
import type { HouseholdEvent } from '../domain/household/household.events';
import { evolve, initialState, type HouseholdMember, type HouseholdState } from '../domain/household/household.state';
import type { MemberProfile } from '../domain/household/member.values';
import type { ProvincePolicyEvent } from '../domain/province-policy/province-policy.events';
import {
  evolve as evolvePolicy,
  initialState as initialPolicy,
  type ProvincePolicyState,
} from '../domain/province-policy/province-policy.state';
import { residentIdHash } from '@relapse-watch/domain-kernel';
import {
  personalDataPath,
  translateHouseholdEvent as translateWith,
  translateProvincePolicyEvent,
  type RegistryIntegrationEvent,
} from './index';

const SALT = 'registry-translation-spec-salt';
const references = { residentIdHash: (id: string) => residentIdHash(id, SALT) };
const translateHouseholdEvent = (state: HouseholdState, event: HouseholdEvent) =>
  translateWith(state, event, references);

const validator = createContractValidator();
const HOUSEHOLD_ID = '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50';
const adult: MemberProfile = {
  relationToHead: 'head',
  health: { kind: 'healthy' },
  labourCapacity: 'ordinary',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
};
// Resident IDs of Jinjiang District (510104) with their MOD 11-2 check characters.
const head: HouseholdMember = {
  memberId: 'm-1',
  personal: { name: '王建国', residentId: '51010419720315031X' },
  profile: adult,
};
const spouse: HouseholdMember = {
  memberId: 'm-2',
  personal: { name: '刘桂芳', residentId: '510104197411080424' },
  profile: { ...adult, relationToHead: 'spouse', health: { kind: 'chronic-illness' } },
};
const mother: HouseholdMember = {
  memberId: 'm-3',
  personal: { name: '陈淑华', residentId: '510104194807020248' },
  profile: {
    ...adult,
    relationToHead: 'parent',
    health: { kind: 'disabled', grade: 3 },
    labourCapacity: 'lost',
    employment: { status: 'not-employed' },
  },
};

const householdEvents: HouseholdEvent[] = [
  {
    type: 'HouseholdRegistered',
    data: {
      householdId: HOUSEHOLD_ID,
      villageCode: '510104001001',
      householdNumber: '5101040010010027',
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    },
  },
  { type: 'MemberAdded', data: { householdId: HOUSEHOLD_ID, ...head } },
  { type: 'MemberAdded', data: { householdId: HOUSEHOLD_ID, ...spouse } },
  { type: 'MemberAdded', data: { householdId: HOUSEHOLD_ID, ...mother } },
  {
    type: 'MemberUpdated',
    data: { householdId: HOUSEHOLD_ID, ...spouse, profile: { ...spouse.profile, livesInHousehold: false } },
  },
  { type: 'MemberRemoved', data: { householdId: HOUSEHOLD_ID, memberId: 'm-3', reason: 'deceased' } },
  {
    type: 'IncomeRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period: { kind: 'calendar-year', year: 2023 },
      components: {
        wagesFen: 2_160_000,
        grossBusinessFen: 850_050,
        propertyFen: 0,
        transferFen: 436_000,
        productionCostsFen: 3_900_000,
      },
      netIncomeFen: -453_950,
      divisorRule: 'resident-members',
      divisorMembers: 1,
      perCapitaNetIncomeFen: -453_950,
    },
  },
  {
    type: 'RigidExpenditureRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period: { kind: 'twelve-months', endingOn: '2024-07-31' },
      medicalAfterReimbursementFen: 3_865_000,
      educationFen: 0,
      disasterLossFen: 0,
      totalFen: 3_865_000,
    },
  },
  {
    type: 'RiskEventReported',
    data: {
      householdId: HOUSEHOLD_ID,
      riskEventId: 'r-1',
      kind: 'illness',
      occurredOn: '2024-06-03',
      lossFen: 3_865_000,
    },
  },
  {
    type: 'ThreePlusOneStatusRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      threePlusOne: {
        foodAndClothingSecured: true,
        compulsoryEducationSecured: true,
        medicalInsuranceCovered: true,
        housingGrade: 'B',
        drinkingWaterSafe: true,
      },
    },
  },
  { type: 'HouseholdStatusChanged', data: { householdId: HOUSEHOLD_ID, status: { kind: 'ordinary' } } },
  {
    type: 'HouseholdFlagsChanged',
    data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: true, urbanHukou: false } },
  },
  {
    type: 'HouseholdWarningRaised',
    data: {
      householdId: HOUSEHOLD_ID,
      rule: 'schooling.age-mismatch',
      field: 'profile.schooling',
      evidence: { memberId: 'm-1', age: 52, schooling: 'not-in-school' },
    },
  },
  {
    type: 'HouseholdWarningRaised',
    data: {
      householdId: HOUSEHOLD_ID,
      rule: 'resident-id.division-unknown',
      field: 'personal.residentId',
      evidence: { memberId: 'm-2', registrationPrefix: '510104' },
    },
  },
  {
    type: 'HouseholdWarningCleared',
    data: {
      householdId: HOUSEHOLD_ID,
      rule: 'schooling.age-mismatch',
      field: 'profile.schooling',
      evidence: { memberId: 'm-1', age: 52, schooling: 'not-in-school' },
    },
  },
];

const policyEvents: ProvincePolicyEvent[] = [
  {
    type: 'MonitoringThresholdPublished',
    data: {
      provinceCode: '51',
      year: 2024,
      amountFen: 750_000,
      effectiveFrom: '2024-03-01',
      sourceDocument: '川乡振发〔2024〕5号',
    },
  },
  {
    type: 'InspectionFilterLinePublished',
    data: {
      provinceCode: '51',
      year: 2024,
      amountFen: 1_200_000,
      effectiveFrom: '2024-08-01',
      sourceDocument: '川乡振发〔2024〕20号',
    },
  },
  {
    type: 'ThresholdRevised',
    data: {
      provinceCode: '51',
      year: 2024,
      line: 'monitoring-threshold',
      amountFen: 760_000,
      effectiveFrom: '2024-04-01',
      sourceDocument: '川乡振发〔2024〕12号',
      previous: { amountFen: 750_000, effectiveFrom: '2024-03-01', sourceDocument: '川乡振发〔2024〕5号' },
    },
  },
  {
    type: 'KeyRegionDesignated',
    data: {
      provinceCode: '51',
      year: 2024,
      regionId: 'kr-7',
      kind: 'major-natural-disaster',
      divisionCodes: ['510104001000'],
      reason: '山洪受灾',
      effectiveFrom: '2024-08-01',
    },
  },
  {
    type: 'KeyRegionRevoked',
    data: { provinceCode: '51', year: 2024, regionId: 'kr-7', reason: '灾后重建完成', effectiveFrom: '2024-12-01' },
  },
];

/** Folds the events one by one and translates each against the state after it. */
function translateAll<S, E, O>(
  events: readonly E[],
  initial: S,
  fold: (s: S, e: E) => S,
  translate: (s: S, e: E) => O,
) {
  let state = initial;
  return events.map((event) => {
    state = fold(state, event);
    return translate(state, event);
  });
}

const householdOutLists = translateAll<HouseholdState, HouseholdEvent, readonly RegistryIntegrationEvent[]>(
  householdEvents,
  initialState,
  evolve,
  translateHouseholdEvent,
);
const householdOut = householdOutLists.map((list) => list[0] ?? null);
const policyOut = translateAll<ProvincePolicyState, ProvincePolicyEvent, RegistryIntegrationEvent | null>(
  policyEvents,
  initialPolicy,
  evolvePolicy,
  translateProvincePolicyEvent,
);

describe('registry events → integration events', () => {
  it.each([...householdOut, ...policyOut].flatMap((out) => (out ? [[out.contract.type, out] as const] : [])))(
    '%s validates against its contract schema',
    (type, out) => {
      expect(validator.validate(type, out.data)).toEqual({ valid: true });
    },
  );

  it('publishes one event per household event, HouseholdMembersChanged for every member event', () => {
    expect(householdOutLists.map((list) => list.length)).toEqual(householdEvents.map(() => 1));
    expect(householdOut.map((o) => o?.contract.event)).toEqual([
      'HouseholdRegistered',
      ...Array(5).fill('HouseholdMembersChanged'),
      'HouseholdIncomeRecorded',
      'HouseholdRigidExpenditureRecorded',
      'HouseholdRiskReported',
      'HouseholdThreePlusOneStatusChanged',
      'HouseholdStatusChanged',
      'HouseholdStatusChanged',
      ...Array(3).fill('HouseholdDataQualityWarningsChanged'),
    ]);
  });

  it('publishes each raised or cleared warning with its evidence (null where it does not apply) and every open one', () => {
    expect(householdOut[13]?.data).toEqual({
      householdId: HOUSEHOLD_ID,
      villageCode: '510104001001',
      change: 'raised',
      warning: {
        rule: 'resident-id.division-unknown',
        field: 'personal.residentId',
        message: expect.stringMatching(/^身份证号码前6位.* \/ The first six digits/),
        evidence: { memberId: 'm-2', registrationPrefix: '510104', age: null, schoolingStage: null, villageCode: null },
      },
      openWarnings: [
        expect.objectContaining({ rule: 'schooling.age-mismatch' }),
        expect.objectContaining({ rule: 'resident-id.division-unknown' }),
      ],
    });
    expect(householdOut[14]?.data).toMatchObject({
      change: 'cleared',
      warning: {
        rule: 'schooling.age-mismatch',
        evidence: { memberId: 'm-1', age: 52, schoolingStage: 'not-in-school' },
      },
      openWarnings: [{ rule: 'resident-id.division-unknown' }],
    });
  });

  it('carries the full member list after the change, what changed, and under `personal` only a reference and salted hashes', () => {
    const removal = householdOut[5]?.data as HouseholdMembersChangedV1;
    expect(removal.members.map((m) => m.memberId)).toEqual(['m-1', 'm-2']);
    expect(removal.residentMemberCount).toBe(1);
    expect(removal.changes).toEqual({
      addedMemberIds: [],
      updatedMemberIds: [],
      removedMembers: [{ memberId: 'm-3', reason: 'deceased' }],
    });
    expect(removal.personal).toEqual({
      ref: `/api/registry/households/${HOUSEHOLD_ID}/personal-data`,
      members: [
        { memberId: 'm-1', residentIdHash: residentIdHash('51010419720315031X', SALT) },
        { memberId: 'm-2', residentIdHash: residentIdHash('510104197411080424', SALT) },
      ],
    });
    expect(removal.personal.members[0].residentIdHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(removal)).not.toMatch(/王建国|刘桂芳|51010419/);
    expect((householdOut[4]?.data as HouseholdMembersChangedV1).changes.updatedMemberIds).toEqual(['m-2']);
  });

  it('says whether status or flags changed, with both current values', () => {
    expect(householdOut[10]?.data).toMatchObject({
      changed: 'status',
      status: { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: false },
    });
    expect(householdOut[11]?.data).toMatchObject({
      changed: 'flags',
      status: { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: true },
    });
    expect(householdOut[9]?.data).toMatchObject({ allSecured: true });
  });

  it('numbers threshold versions per line and keeps revoked key regions private', () => {
    expect(policyOut.map((o) => (o?.data as ThresholdPublishedV1 | undefined)?.revision ?? null)).toEqual([
      1,
      1,
      2,
      null,
      null,
    ]);
    expect(policyOut[2]?.data).toMatchObject({ line: 'monitoring-threshold', supersedes: { amountFen: 750_000 } });
    expect(policyOut[4]).toBeNull();
  });

  it('ignores events on a stream without a registration, as evolve does', () => {
    expect(translateHouseholdEvent(initialState, householdEvents[1])).toEqual([]);
  });

  it('publishes a HouseholdImported as the events the separate commands would have published, the household as it ends', () => {
    const { householdId: _id, ...record } = (householdEvents[6] as Extract<HouseholdEvent, { type: 'IncomeRecorded' }>)
      .data;
    const { householdId: _rigidId, ...rigid } = (
      householdEvents[7] as Extract<HouseholdEvent, { type: 'RigidExpenditureRecorded' }>
    ).data;
    const threePlusOne = (householdEvents[9] as Extract<HouseholdEvent, { type: 'ThreePlusOneStatusRecorded' }>).data
      .threePlusOne;
    const imported: HouseholdEvent = {
      type: 'HouseholdImported',
      data: {
        ...(householdEvents[0] as Extract<HouseholdEvent, { type: 'HouseholdRegistered' }>).data,
        flags: { relocatedToResettlementSite: true, urbanHukou: false },
        members: [head, spouse].map(({ memberId, profile }) => ({ memberId, profile })),
        incomes: [{ ...record, divisorRule: 'household-members', divisorMembers: 2 }],
        rigidExpenditures: [rigid],
        threePlusOne,
        legacyMonitoring: null,
        personal: { members: [head, spouse].map(({ memberId, personal }) => ({ memberId, ...personal })) },
      },
    };
    const out = translateHouseholdEvent(evolve(initialState, imported), imported);
    expect(out.map((o) => o.contract.event)).toEqual([
      'HouseholdRegistered',
      'HouseholdMembersChanged',
      'HouseholdIncomeRecorded',
      'HouseholdRigidExpenditureRecorded',
      'HouseholdThreePlusOneStatusChanged',
    ]);
    for (const o of out) expect(validator.validate(o.contract.type, o.data)).toEqual({ valid: true });
    expect(out[0].data).toMatchObject({
      householdId: HOUSEHOLD_ID,
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
      flags: { relocatedToResettlementSite: true },
    });
    const members = out[1].data as HouseholdMembersChangedV1;
    expect(members.changes).toEqual({ addedMemberIds: ['m-1', 'm-2'], updatedMemberIds: [], removedMembers: [] });
    expect(members.personal).toEqual({
      ref: personalDataPath(HOUSEHOLD_ID),
      members: [
        { memberId: 'm-1', residentIdHash: residentIdHash('51010419720315031X', SALT) },
        { memberId: 'm-2', residentIdHash: residentIdHash('510104197411080424', SALT) },
      ],
    });
    expect(JSON.stringify(out)).not.toMatch(/王建国|刘桂芳|51010419/);
    expect(out[2].data).toMatchObject({
      divisorMembers: 2,
      period: { kind: 'calendar-year', year: 2023 },
      reason: { kind: 'recorded' },
    });
    expect(out[3].data).toEqual({ householdId: HOUSEHOLD_ID, villageCode: expect.any(String) as unknown, ...rigid });
  });

  it('plugs into the relay: integrationMessage takes the contract as it is and keys by aggregate id', () => {
    const stored = (streamId: string, data: unknown): StoredEvent => ({
      id: '0191a5c3-0b7e-7c11-8a01-3f5e2d1c0b01',
      streamId,
      revision: 0,
      position: 1,
      type: 'X',
      schemaVersion: 1,
      data,
      recordedAt: '2024-08-20T02:15:31.000Z',
      hash: 'h',
      prevHash: null,
      metadata: {
        actor: { userId: 'u-1', role: 'village-inspector' },
        divisionCode: '510104001001',
        correlationId: 'c-1',
        causationId: null,
        occurredAt: '2024-08-20T02:15:30.000Z',
      },
    });
    const household = householdOut[5];
    const policy = policyOut[0];
    if (!household || !policy) throw new Error('translation missing');
    const mapped = integrationMessage(
      stored(`registry-household-${HOUSEHOLD_ID}`, {}),
      household.contract,
      household.data,
    );
    expect(mapped.topic).toBe(household.contract.topic);
    expect(mapped.message.key).toBe(HOUSEHOLD_ID);
    expect(parseCloudEvent(mapped.message.value)).toMatchObject({
      type: household.contract.type,
      dataschema: household.contract.dataschema,
      subject: HOUSEHOLD_ID,
    });
    expect(integrationMessage(stored('registry-policy-51-2024', {}), policy.contract, policy.data).message.key).toBe(
      '51-2024',
    );
  });

  it('documents the dead-letter headers the messaging libs write', () => {
    expect(DEAD_LETTER_HEADER_NAMES).toEqual(DEAD_LETTER_HEADERS);
  });
});
