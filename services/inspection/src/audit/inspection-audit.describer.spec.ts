import { describe, expect, it } from '@jest/globals';
import {
  HOUSEHOLD_INSPECTION_EVENT_TYPES,
  type HouseholdInspectionEvent,
} from '../domain/household-inspection/household-inspection.events';
import { describeInspectionEvent } from './inspection-audit.describer';

// Given one event of each type a household's inspection stores, when it is described for the
// audit trail, then the auditor reads what happened and the official's reason — and never the
// answers the household gave (free text, amounts).

const SECRET_NOTE = '邻居说他家儿子欠债';
const EXAMPLES: { readonly [T in HouseholdInspectionEvent['type']]: Extract<HouseholdInspectionEvent, { type: T }> } = {
  HouseholdInspectionOpened: {
    type: 'HouseholdInspectionOpened',
    data: { campaignId: '51-2024', householdId: 'h-1', villageCode: '511923002201', checklistVersion: '2024.1' },
  },
  HouseholdInspectionAssigned: {
    type: 'HouseholdInspectionAssigned',
    data: { teamId: 't-1', inspectorIds: ['i-1', 'i-2'] },
  },
  HouseholdContactRecorded: {
    type: 'HouseholdContactRecorded',
    data: {
      round: 1,
      contactId: 'c-1',
      method: 'online-communication',
      contactedOn: '2024-08-20',
      findings: { income: { answers: { 'income-dropped': true }, note: SECRET_NOTE, evidence: [] } },
    },
  },
  HouseholdInspectionCompleted: {
    type: 'HouseholdInspectionCompleted',
    data: {
      round: 1,
      completedOn: '2024-08-31',
      late: true,
      methods: ['household-visit'],
      visited: true,
      keyGroupRuleIds: [],
      keyRegionIds: [],
    },
  },
  HouseholdInspectionReopened: {
    type: 'HouseholdInspectionReopened',
    data: { round: 2, reason: '复核 / recheck', reopenedOn: '2024-09-02' },
  },
  InspectionSuggestionsRecorded: {
    type: 'InspectionSuggestionsRecorded',
    data: {
      round: 1,
      suggestions: [
        {
          suggestionId: 's-1',
          kind: 'at-risk',
          ruleId: 'at-risk.income-below-line',
          ruleSetVersion: '51-2024.1',
          evidence: [{ fact: 'perCapitaNetIncomeFen', value: 512000, threshold: 700000 }],
          category: 'marginal-prone-to-poverty',
          riskTypes: ['unstable-work'],
        },
      ],
    },
  },
  InspectionSuggestionAccepted: {
    type: 'InspectionSuggestionAccepted',
    data: {
      suggestionId: 's-1',
      reason: '属实 / confirmed',
      decidedOn: '2024-09-01',
      category: 'marginal-prone-to-poverty',
      riskTypes: ['unstable-work'],
    },
  },
  InspectionSuggestionDismissed: {
    type: 'InspectionSuggestionDismissed',
    data: { suggestionId: 's-2', reason: '已核实无风险 / no risk found', decidedOn: '2024-09-01' },
  },
  DataQualityIssueOpened: {
    type: 'DataQualityIssueOpened',
    data: {
      issueId: 'q-1',
      villageCode: '511923002201',
      ruleId: 'dq.age',
      rule: 'schooling.age-mismatch',
      field: 'profile.schooling',
      openedOn: '2024-09-01',
    },
  },
  DataQualityIssueResolved: {
    type: 'DataQualityIssueResolved',
    data: { issueId: 'q-1', resolution: '已更正 / corrected', resolvedOn: '2024-09-03' },
  },
  RectificationItemOpened: {
    type: 'RectificationItemOpened',
    data: {
      itemId: 'r-1',
      villageCode: '511923002201',
      ruleId: 'rect.leaflet',
      area: 'policy-awareness',
      ownerUnit: 'township',
      dueOn: '2024-09-30',
      openedOn: '2024-09-01',
    },
  },
  RectificationItemClosed: {
    type: 'RectificationItemClosed',
    data: { itemId: 'r-1', resolution: '已发放 / handed out', closedOn: '2024-10-02', overdue: true },
  },
  HouseholdCorrectionSent: {
    type: 'HouseholdCorrectionSent',
    data: {
      correctionId: 'x-1',
      contactId: 'c-1',
      kind: 'three-plus-one',
      answer: { outcome: 'refused', status: 422, code: 'household.personal-data-erased' },
    },
  },
};

describe('describeInspectionEvent', () => {
  it('has an example of every event type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...HOUSEHOLD_INSPECTION_EVENT_TYPES].sort());
  });

  it.each(Object.values(EXAMPLES).map((e) => [e.type, e] as const))(
    'given a %s, when described, then both languages say something, nothing is personal, no answer leaks',
    (_type, event) => {
      const described = describeInspectionEvent(event);
      expect(described.summary.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(described.summary.en).toMatch(/[a-z]/);
      expect(described.personal).toBe(false);
      expect(JSON.stringify(described)).not.toContain(SECRET_NOTE);
    },
  );

  it('given a contact, when described, then the method, the day and the areas answered are named', () => {
    expect(describeInspectionEvent(EXAMPLES.HouseholdContactRecorded).summary).toEqual({
      zh: '第 1 轮线上沟通（2024-08-20），已答领域：收入',
      en: 'round 1 online communication on 2024-08-20, areas answered: income',
    });
  });

  it('given the officials’ decisions, when described, then each carries its reason', () => {
    const reasons = Object.values(EXAMPLES).map((e) => [e.type, describeInspectionEvent(e).reason]);
    expect(reasons.filter(([, reason]) => reason !== null)).toEqual([
      ['HouseholdInspectionReopened', '复核 / recheck'],
      ['InspectionSuggestionAccepted', '属实 / confirmed'],
      ['InspectionSuggestionDismissed', '已核实无风险 / no risk found'],
      ['DataQualityIssueResolved', '已更正 / corrected'],
      ['RectificationItemClosed', '已发放 / handed out'],
    ]);
  });

  it('given a late completion and a refused correction, when described, then both say so', () => {
    expect(describeInspectionEvent(EXAMPLES.HouseholdInspectionCompleted).summary.en).toBe(
      'round 1 completed on 2024-08-31 (late), by household visit',
    );
    expect(describeInspectionEvent(EXAMPLES.HouseholdCorrectionSent).summary.en).toContain(
      'refused by the registry (household.personal-data-erased)',
    );
  });
});
