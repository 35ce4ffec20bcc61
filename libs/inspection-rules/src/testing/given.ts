import type { HouseholdFacts, IncomeFacts, MemberFacts } from '../household-facts';
import type { RuleSet } from '../rule-sets/rule-set';

// Test inputs: a plain household that no rule fires on, changed per test, and a rule set with
// no rules but the ones a test names, so every threshold a test relies on is written in it.

export const TODAY = '2024-08-20';

export function member(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    memberId: 'member-1',
    relationToHead: 'head',
    health: { kind: 'healthy' },
    healthSince: '2019-01-01',
    labourCapacity: 'ordinary',
    employment: { status: 'not-employed' },
    schooling: 'not-in-school',
    medicalInsuranceEnrolled: true,
    livesInHousehold: true,
    ...overrides,
  };
}

export function income(year: number, perCapitaNetIncomeFen: number, overrides: Partial<IncomeFacts> = {}): IncomeFacts {
  return {
    period: { kind: 'calendar-year', year },
    netIncomeFen: perCapitaNetIncomeFen * 2,
    perCapitaNetIncomeFen,
    divisorMembers: 2,
    transferFen: 100_000,
    recordedOn: `${year + 1}-03-01`,
    ...overrides,
  };
}

export function household(overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    householdId: 'household-1',
    villageCode: '510104001001',
    householdNumber: '5101040010010001',
    status: { kind: 'ordinary' },
    flags: { relocatedToResettlementSite: false, urbanHukou: false },
    members: [member(), member({ memberId: 'member-2', relationToHead: 'spouse' })],
    incomes: [income(2022, 1_500_000), income(2023, 1_500_000)],
    rigidExpenditures: [],
    riskEvents: [],
    threePlusOne: {
      foodAndClothingSecured: true,
      compulsoryEducationSecured: true,
      medicalInsuranceCovered: true,
      housingGrade: 'A',
      drinkingWaterSafe: true,
      recordedOn: '2023-05-01',
    },
    openWarnings: [],
    warningsRaised: 0,
    legacyMonitoring: null,
    registeredOn: '2021-01-01',
    ...overrides,
  };
}

export function ruleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    version: '51-2024.9',
    provinceCode: '51',
    year: 2024,
    checklistVersion: '2024.1',
    lines: { monitoringLineFen: 700_000, inspectionFilterLineFen: 1_000_000 },
    keyGroupRules: [],
    atRiskRules: [],
    dataQualityRules: [],
    rectificationRules: [],
    ...overrides,
  };
}
