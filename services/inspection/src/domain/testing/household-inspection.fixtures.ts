import type { Findings, InspectionArea } from '@relapse-watch/inspection-rules';
import { INSPECTION_AREAS } from '@relapse-watch/inspection-rules';
import type {
  CompletionFacts,
  ContactData,
  InspectionFacts,
  RecordContact,
  RecordVisit,
} from '../household-inspection/household-inspection.commands';
import type {
  HouseholdContactRecorded,
  HouseholdInspectionEvent,
  HouseholdInspectionOpened,
  RecordedSuggestion,
} from '../household-inspection/household-inspection.events';

// Test data of one household inspection in 四川 2024 (Sichuan's campaign), written by hand.
export const CAMPAIGN_ID = '51-2024';
export const HOUSEHOLD_ID = '0190f3a2-1111-7000-8000-000000000001';
export const VILLAGE_CODE = '511923002201';
export const LAUNCHED_ON = '2024-09-01';
export const TODAY = '2024-10-15';
export const INSPECT_BY = '2024-11-30';

export const FACTS: InspectionFacts = {
  campaignId: CAMPAIGN_ID,
  householdId: HOUSEHOLD_ID,
  villageCode: VILLAGE_CODE,
  checklistVersion: '2024.1',
  today: TODAY,
  campaignClosed: false,
};

export const COMPLETION_FACTS: CompletionFacts = {
  ...FACTS,
  inspectBy: INSPECT_BY,
  keyGroupRuleIds: [],
  keyRegionIds: [],
  answeredAreas: INSPECTION_AREAS,
};

export const opened: HouseholdInspectionOpened = {
  type: 'HouseholdInspectionOpened',
  data: { campaignId: CAMPAIGN_ID, householdId: HOUSEHOLD_ID, villageCode: VILLAGE_CODE, checklistVersion: '2024.1' },
};

/** Findings answering one question in each of the given areas. */
export function findingsOf(areas: readonly InspectionArea[] = ['income']): Findings {
  return Object.fromEntries(
    areas.map((area) => [area, { answers: { [`${area}-ok`]: true }, note: null, evidence: [] }]),
  );
}

export function contactData(overrides: Partial<ContactData> = {}): ContactData {
  return {
    contactId: 'c-1',
    method: 'household-visit',
    contactedOn: '2024-10-14',
    findings: findingsOf(),
    ...overrides,
  };
}

export function recordContact(
  overrides: Partial<ContactData> = {},
  facts: Partial<RecordContact['facts']> = {},
): RecordContact {
  return {
    type: 'RecordContact',
    data: contactData(overrides),
    facts: { ...FACTS, launchedOn: LAUNCHED_ON, ...facts },
  };
}

export function contactRecorded(overrides: Partial<ContactData> = {}, round = 1): HouseholdContactRecorded {
  return { type: 'HouseholdContactRecorded', data: { round, ...contactData(overrides) } };
}

export function recordVisit(
  overrides: Partial<RecordVisit['data']> = {},
  facts: Partial<RecordVisit['facts']> = {},
): RecordVisit {
  return {
    type: 'RecordVisit',
    data: { ...contactData(), complete: true, ...overrides },
    facts: { ...COMPLETION_FACTS, launchedOn: LAUNCHED_ON, suggestions: [], ...facts },
  };
}

export const AT_RISK: RecordedSuggestion = {
  suggestionId: '0190f3a2-2222-7000-8000-000000000001',
  ruleId: 'at-risk.income-below-line',
  ruleSetVersion: '51-2024.1',
  kind: 'at-risk',
  category: 'marginal-prone-to-poverty',
  riskTypes: ['illness'],
  evidence: [{ fact: 'perCapitaNetIncomeFen', value: 512000, threshold: 700000 }],
};

export const DATA_QUALITY: RecordedSuggestion = {
  suggestionId: '0190f3a2-2222-7000-8000-000000000002',
  ruleId: 'data-quality.schooling-age',
  ruleSetVersion: '51-2024.1',
  kind: 'data-quality',
  rule: 'schooling.age-mismatch',
  field: 'members.2.schooling',
  evidence: [{ fact: 'age', value: 9 }],
};

export const RECTIFICATION: RecordedSuggestion = {
  suggestionId: '0190f3a2-2222-7000-8000-000000000003',
  ruleId: 'rectification.policy-awareness',
  ruleSetVersion: '51-2024.1',
  kind: 'rectification',
  area: 'policy-awareness',
  ownerUnit: 'township',
  dueOn: '2024-11-14',
  evidence: [{ fact: 'findings.policy-awareness.guide-received', value: false }],
};

export function suggestionsRecorded(
  suggestions: readonly RecordedSuggestion[] = [AT_RISK, DATA_QUALITY, RECTIFICATION],
  round = 1,
): HouseholdInspectionEvent {
  return { type: 'InspectionSuggestionsRecorded', data: { round, suggestions } };
}

export const completed: HouseholdInspectionEvent = {
  type: 'HouseholdInspectionCompleted',
  data: {
    round: 1,
    // Dated by the round's last contact (contactRecorded's date), not by today.
    completedOn: '2024-10-14',
    late: false,
    methods: ['household-visit'],
    visited: true,
    keyGroupRuleIds: [],
    keyRegionIds: [],
  },
};
