import { createContractValidator } from '@relapse-watch/contracts/testing';
import { CHECKLIST_2024_1 } from '@relapse-watch/inspection-rules';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import { evolve, initialState, type OpenedInspection } from '../domain/household-inspection/household-inspection.state';
import {
  AT_RISK,
  completed,
  contactRecorded,
  DATA_QUALITY,
  opened,
  RECTIFICATION,
  suggestionsRecorded,
  TODAY,
} from '../domain/testing/household-inspection.fixtures';
import { translateHouseholdInspectionEvent } from './household-inspection.translation';

// Each published translation is checked against its contract's JSON Schema; the figures expected
// are written from the events below, not from the translation.
const validator = createContractValidator();
const WHY = '入户核实属实';
const findings = {
  income: {
    answers: { 'per-capita-estimate': 650_000, 'income-dropped': true },
    note: '务工收入减少',
    evidence: ['photo-1'],
  },
  'latent-risks': {
    answers: { 'housing-safe': true, 'other-latent-risk': '邻居张三家漏雨' },
    note: null,
    evidence: [],
  },
};
const history: HouseholdInspectionEvent[] = [
  opened,
  contactRecorded({ method: 'group-assessment', findings }),
  contactRecorded({ contactId: 'c-2', method: 'household-visit', findings: {} }),
  suggestionsRecorded([AT_RISK, DATA_QUALITY, RECTIFICATION]),
];

function translate(events: readonly HouseholdInspectionEvent[], actorRole = 'township-official') {
  const state = events.reduce(evolve, initialState) as OpenedInspection;
  const translated = translateHouseholdInspectionEvent(events[events.length - 1], {
    state,
    checklist: CHECKLIST_2024_1,
    actorRole,
  });
  if (translated !== null)
    expect(validator.validate(translated.contract.type, translated.data)).toEqual({ valid: true });
  return translated;
}

it('publishes a completion with the methods in the list’s order, sorted rule and region ids, fixed answers only', () => {
  const completion: HouseholdInspectionEvent = {
    type: 'HouseholdInspectionCompleted',
    data: {
      ...completed.data,
      methods: ['group-assessment', 'household-visit'],
      keyGroupRuleIds: ['key-group.income-drop', 'key-group.disaster'],
      keyRegionIds: ['region-b', 'region-a'],
    },
  } as HouseholdInspectionEvent;
  const published = translate([...history, completion]);
  expect(published?.contract.type).toBe('cn.relapsewatch.inspection.HouseholdInspectionCompleted.v1');
  expect(published?.data).toMatchObject({
    campaignId: '51-2024',
    round: 1,
    late: false,
    methods: ['household-visit', 'group-assessment'],
    keyGroupRuleIds: ['key-group.disaster', 'key-group.income-drop'],
    keyRegionIds: ['region-a', 'region-b'],
    suggestionCount: 3,
  });
  const areas = (published?.data as unknown as { areas: { area: string; outcome: string; answers: object }[] }).areas;
  expect(areas.map((a) => a.area)).toEqual([
    'relapse-risk',
    'income',
    'assistance-measures',
    'elimination-stability',
    'latent-risks',
    'data-quality',
    'policy-awareness',
  ]);
  expect(areas.map((a) => a.outcome)).toEqual([
    'issue-found',
    'no-issue',
    'no-issue',
    'no-issue',
    'no-issue',
    'issue-found',
    'issue-found',
  ]);
  expect(areas[1].answers).toEqual({ 'per-capita-estimate': 650_000, 'income-dropped': true });
  // A text answer (other-latent-risk), the notes and the evidence references never leave.
  expect(areas[4].answers).toEqual({ 'housing-safe': true });
  expect(JSON.stringify(published?.data)).not.toMatch(/张三|务工收入减少|photo-1/);
});

it('publishes an accepted at-risk suggestion as HouseholdFlaggedAtRisk with the official’s category and role', () => {
  const accepted: HouseholdInspectionEvent = {
    type: 'InspectionSuggestionAccepted',
    data: {
      suggestionId: AT_RISK.suggestionId,
      reason: WHY,
      decidedOn: TODAY,
      category: 'sudden-severe-hardship',
      riskTypes: ['illness'],
    },
  };
  expect(translate([...history, accepted])?.data).toEqual({
    campaignId: '51-2024',
    householdId: '0190f3a2-1111-7000-8000-000000000001',
    villageCode: '511923002201',
    suggestionId: AT_RISK.suggestionId,
    ruleIds: ['at-risk.income-below-line'],
    suggestedCategory: 'marginal-prone-to-poverty',
    category: 'sudden-severe-hardship',
    riskTypes: ['illness'],
    evidence: [{ fact: 'perCapitaNetIncomeFen', value: 512000, threshold: 700000 }],
    reason: WHY,
    flaggedOn: TODAY,
    decidedBy: { role: 'township-official' },
  });
});

it('publishes a data-quality issue raised and resolved, a rectification item raised and closed', () => {
  const raised: HouseholdInspectionEvent = {
    type: 'DataQualityIssueOpened',
    data: {
      issueId: DATA_QUALITY.suggestionId,
      villageCode: '511923002201',
      ruleId: DATA_QUALITY.ruleId,
      rule: 'schooling.age-mismatch',
      field: 'members.2.schooling',
      openedOn: TODAY,
    },
  };
  expect(translate([...history, raised])?.data).toMatchObject({
    issueId: DATA_QUALITY.suggestionId,
    rule: 'schooling.age-mismatch',
    raisedOn: TODAY,
  });
  const resolved: HouseholdInspectionEvent = {
    type: 'DataQualityIssueResolved',
    data: { issueId: DATA_QUALITY.suggestionId, resolution: '已更正', resolvedOn: '2024-10-20' },
  };
  expect(translate([...history, raised, resolved])?.data).toMatchObject({
    field: 'members.2.schooling',
    resolution: '已更正',
  });

  const item: HouseholdInspectionEvent = {
    type: 'RectificationItemOpened',
    data: {
      itemId: RECTIFICATION.suggestionId,
      villageCode: '511923002201',
      ruleId: RECTIFICATION.ruleId,
      area: 'policy-awareness',
      ownerUnit: 'township',
      dueOn: '2024-11-14',
      openedOn: TODAY,
    },
  };
  expect(translate([...history, item])?.data).toMatchObject({
    area: 'policy-awareness',
    ownerUnit: 'township',
    dueOn: '2024-11-14',
  });
  const closed: HouseholdInspectionEvent = {
    type: 'RectificationItemClosed',
    data: { itemId: RECTIFICATION.suggestionId, resolution: '已发放明白纸', closedOn: '2024-11-20', overdue: true },
  };
  expect(translate([...history, item, closed])?.data).toMatchObject({
    overdue: true,
    closedOn: '2024-11-20',
    dueOn: '2024-11-14',
  });
});

it('keeps contacts, suggestions, dismissals, a non-at-risk acceptance and corrections inside', () => {
  expect(translate(history.slice(0, 2))).toBeNull();
  expect(translate(history)).toBeNull();
  const dataQualityAccepted: HouseholdInspectionEvent = {
    type: 'InspectionSuggestionAccepted',
    data: { suggestionId: DATA_QUALITY.suggestionId, reason: WHY, decidedOn: TODAY },
  };
  expect(translate([...history, dataQualityAccepted])).toBeNull();
});
