import { describe, expect, it } from '@jest/globals';
import { HOUSEHOLD_EVENT_TYPES } from '../domain/household/household.events';
import {
  HEAD,
  HOUSEHOLD_ID,
  memberAdded,
  memberUpdated,
  registered,
  SPOUSE,
} from '../domain/testing/household.fixtures';
import { describeRegistryEvent, type RegistryAuditEvent } from './registry-audit.describer';

// Given one event of each type the registry stores about a household, when it is described for
// the audit trail, then the auditor reads what changed and why — and never a name or ID number.

const PERIOD = { kind: 'calendar-year', year: 2024 } as const;
const FIGURE = { divisorRule: 'household-members', divisorMembers: 3, perCapitaNetIncomeFen: 812345 } as const;
const THREE_PLUS_ONE = {
  foodAndClothingSecured: true,
  compulsoryEducationSecured: false,
  medicalInsuranceCovered: true,
  housingGrade: 'C',
  drinkingWaterSafe: true,
} as const;
const WARNING = {
  rule: 'resident-id.division-unknown',
  field: 'personal.residentId',
  evidence: { memberId: HEAD.memberId, registrationPrefix: '999999' },
} as const;

/** One event of every type (a record over the union: a type without an example fails to compile). */
const EXAMPLES: { readonly [T in RegistryAuditEvent['type']]: Extract<RegistryAuditEvent, { type: T }> } = {
  HouseholdRegistered: registered,
  HouseholdImported: {
    type: 'HouseholdImported',
    data: {
      ...registered.data,
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
      members: [HEAD, SPOUSE].map(({ memberId, profile }) => ({ memberId, profile })),
      incomes: [],
      threePlusOne: null,
      legacyMonitoring: null,
      personal: { members: [HEAD, SPOUSE].map(({ memberId, personal }) => ({ memberId, ...personal })) },
    },
  },
  MemberAdded: memberAdded(HEAD),
  MemberUpdated: memberUpdated(SPOUSE),
  MemberRemoved: {
    type: 'MemberRemoved',
    data: { householdId: HOUSEHOLD_ID, memberId: 'm-spouse', reason: 'deceased' },
  },
  IncomeRecorded: {
    type: 'IncomeRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period: PERIOD,
      components: { wagesFen: 1, grossBusinessFen: 2, propertyFen: 3, transferFen: 4, productionCostsFen: 5 },
      netIncomeFen: 2436999,
      ...FIGURE,
      perCapitaNetIncomeFen: 812333,
    },
  },
  PerCapitaIncomeRecomputed: {
    type: 'PerCapitaIncomeRecomputed',
    data: {
      householdId: HOUSEHOLD_ID,
      period: PERIOD,
      ...FIGURE,
      previous: { ...FIGURE, divisorMembers: 4 },
      cause: { memberId: 'm-spouse', change: 'member-removed' },
      effectiveOn: '2024-08-20',
    },
  },
  RigidExpenditureRecorded: {
    type: 'RigidExpenditureRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period: PERIOD,
      medicalAfterReimbursementFen: 1,
      educationFen: 0,
      disasterLossFen: 0,
      totalFen: 1,
    },
  },
  RiskEventReported: {
    type: 'RiskEventReported',
    data: { householdId: HOUSEHOLD_ID, riskEventId: 'r-1', kind: 'illness', occurredOn: '2024-07-01', lossFen: 500000 },
  },
  ThreePlusOneStatusRecorded: {
    type: 'ThreePlusOneStatusRecorded',
    data: { householdId: HOUSEHOLD_ID, threePlusOne: THREE_PLUS_ONE },
  },
  HouseholdStatusChanged: {
    type: 'HouseholdStatusChanged',
    data: { householdId: HOUSEHOLD_ID, status: { kind: 'ordinary' } },
  },
  HouseholdFlagsChanged: {
    type: 'HouseholdFlagsChanged',
    data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: true, urbanHukou: false } },
  },
  LegacyMonitoringRecordNoted: {
    type: 'LegacyMonitoringRecordNoted',
    data: {
      householdId: HOUSEHOLD_ID,
      record: {
        source: 'household-sheet',
        category: 'marginal-prone-to-poverty',
        identifiedOn: '2022-03-01',
        riskTypes: ['illness'],
        riskEliminated: true,
        eliminatedOn: '2023-12-01',
      },
    },
  },
  HouseholdWarningRaised: { type: 'HouseholdWarningRaised', data: { householdId: HOUSEHOLD_ID, ...WARNING } },
  HouseholdWarningCleared: { type: 'HouseholdWarningCleared', data: { householdId: HOUSEHOLD_ID, ...WARNING } },
  HouseholdPersonalDataErased: {
    type: 'HouseholdPersonalDataErased',
    data: {
      householdId: HOUSEHOLD_ID,
      reason: '本人申请删除 / the household asked',
      erasedBy: { userId: 'admin-1', role: 'administrator' },
      erasedAt: '2024-09-01T02:00:00.000Z',
    },
  },
  PersonalDataDisclosed: {
    type: 'PersonalDataDisclosed',
    data: {
      householdId: HOUSEHOLD_ID,
      memberIds: ['m-head'],
      fields: ['name', 'residentId'],
      reason: '核查低保 / dibao check',
    },
  },
};

const PERSONAL_VALUES = [HEAD, SPOUSE].flatMap((m) => [m.personal.name, m.personal.residentId]);
const text = (d: ReturnType<typeof describeRegistryEvent>) => `${d.summary.zh} ${d.summary.en} ${d.reason ?? ''}`;

describe('describeRegistryEvent', () => {
  it('has an example of every event type of the household and the disclosure log', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...HOUSEHOLD_EVENT_TYPES, 'PersonalDataDisclosed'].sort());
  });

  it.each(Object.values(EXAMPLES).map((e) => [e.type, e] as const))(
    'given a %s, when described, then both languages say something and no personal value appears',
    (_type, event) => {
      for (const erased of [false, true]) {
        const described = describeRegistryEvent(event, { erased });
        expect(described.summary.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(described.summary.en).toMatch(/[a-z]/);
        for (const value of PERSONAL_VALUES) expect(text(described)).not.toContain(value);
      }
    },
  );

  it('given a member added, when described, then the member and the fields recorded are named', () => {
    const described = describeRegistryEvent(EXAMPLES.MemberAdded, { erased: false });
    expect(described).toMatchObject({ personal: true, reason: null });
    expect(described.summary.en).toBe(
      'member m-head added (name and resident ID recorded; health, labour, employment, schooling recorded)',
    );
  });

  it('given an erased household, when its personal events are described, then the values read 已删除 / erased', () => {
    for (const event of [EXAMPLES.HouseholdImported, EXAMPLES.MemberAdded, EXAMPLES.MemberUpdated]) {
      const described = describeRegistryEvent(event, { erased: true });
      expect(described.personal).toBe(true);
      expect(described.summary.zh).toContain('姓名、身份证号：已删除');
      expect(described.summary.en).toContain('name, resident ID: erased');
    }
  });

  it('given events without personal data, when described, then they are not marked personal', () => {
    const others = Object.values(EXAMPLES).filter(
      (e) => !['HouseholdImported', 'MemberAdded', 'MemberUpdated'].includes(e.type),
    );
    for (const event of others) expect(describeRegistryEvent(event, { erased: true }).personal).toBe(false);
  });

  it('given the events that carry a why, when described, then the reason is the one given', () => {
    expect(describeRegistryEvent(EXAMPLES.HouseholdPersonalDataErased, { erased: true }).reason).toBe(
      '本人申请删除 / the household asked',
    );
    expect(describeRegistryEvent(EXAMPLES.PersonalDataDisclosed, { erased: false }).reason).toBe(
      '核查低保 / dibao check',
    );
    expect(describeRegistryEvent(EXAMPLES.MemberRemoved, { erased: false }).reason).toBe('死亡 / deceased');
    expect(describeRegistryEvent(EXAMPLES.IncomeRecorded, { erased: false }).reason).toBeNull();
  });

  it('given a 3+1 assessment with a gap, when described, then the gap and the housing grade are named', () => {
    expect(describeRegistryEvent(EXAMPLES.ThreePlusOneStatusRecorded, { erased: false }).summary).toEqual({
      zh: '“三保障”和饮水安全评估：住房 C 级，未保障：义务教育',
      en: '3+1 assessed: housing grade C, not secured: compulsory education',
    });
  });
});
