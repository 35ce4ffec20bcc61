import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type {
  AcceptSuggestion,
  CloseRectificationItem,
  DismissSuggestion,
  RecordSuggestions,
  ResolveDataQualityIssue,
} from './household-inspection.commands';
import { householdInspectionDecider } from './household-inspection.decider';
import type { HouseholdInspectionEvent, RecordedSuggestion } from './household-inspection.events';
import {
  AT_RISK,
  contactRecorded,
  DATA_QUALITY,
  FACTS,
  opened,
  RECTIFICATION,
  suggestionsRecorded,
  TODAY,
  VILLAGE_CODE,
} from '../testing/household-inspection.fixtures';

const spec = deciderSpecification(householdInspectionDecider);
const WHY = '入户核实属实 / confirmed at the visit';
const record = (suggestions: readonly RecordedSuggestion[]): RecordSuggestions => ({
  type: 'RecordSuggestions',
  data: { suggestions },
  facts: FACTS,
});
const accept = (data: Partial<AcceptSuggestion['data']> = {}, facts = FACTS): AcceptSuggestion => ({
  type: 'AcceptSuggestion',
  data: { suggestionId: AT_RISK.suggestionId, reason: WHY, ...data },
  facts,
});
const dismiss = (data: Partial<DismissSuggestion['data']> = {}): DismissSuggestion => ({
  type: 'DismissSuggestion',
  data: { suggestionId: AT_RISK.suggestionId, reason: WHY, ...data },
  facts: FACTS,
});
const history: HouseholdInspectionEvent[] = [opened, contactRecorded(), suggestionsRecorded()];

describe('RecordSuggestions', () => {
  it('given a contact, when recording the rules’ suggestions, then they are recorded in the round', () => {
    spec
      .given([opened, contactRecorded()])
      .when(record([AT_RISK, DATA_QUALITY]))
      .thenEmits([suggestionsRecorded([AT_RISK, DATA_QUALITY])]);
  });

  it('given the same rule’s suggestion is open, then recording it again (under another id) is a no-op', () => {
    spec
      .given(history)
      .when(record([{ ...AT_RISK, suggestionId: 'other' }]))
      .thenEmitsNothing();
  });

  it('records only what is new in a batch', () => {
    const other = { ...DATA_QUALITY, suggestionId: 'dq-2', field: 'members.3.schooling' };
    spec
      .given(history)
      .when(record([AT_RISK, other]))
      .thenEmits([suggestionsRecorded([other])]);
  });

  it('given the rule’s suggestion was dismissed, then a new suggestion of the rule (new id) is recorded', () => {
    const dismissed: HouseholdInspectionEvent = {
      type: 'InspectionSuggestionDismissed',
      data: { suggestionId: AT_RISK.suggestionId, reason: WHY, decidedOn: TODAY },
    };
    const again = { ...AT_RISK, suggestionId: 'at-risk-2' };
    spec
      .given([...history, dismissed])
      .when(record([again]))
      .thenEmits([suggestionsRecorded([again])]);
    spec
      .given([...history, dismissed])
      .when(record([AT_RISK]))
      .thenEmitsNothing();
  });

  it('given no inspection, then it is refused', () => {
    spec
      .given([])
      .when(record([AT_RISK]))
      .thenRejects({ code: 'inspection.not-started' });
  });
});

describe('AcceptSuggestion and DismissSuggestion', () => {
  const accepted = (
    data: Partial<Extract<HouseholdInspectionEvent, { type: 'InspectionSuggestionAccepted' }>['data']> = {},
  ) =>
    ({
      type: 'InspectionSuggestionAccepted',
      data: {
        suggestionId: AT_RISK.suggestionId,
        reason: WHY,
        decidedOn: TODAY,
        category: 'marginal-prone-to-poverty',
        riskTypes: ['illness'],
        ...data,
      },
    }) as const;

  it('accepts an at-risk suggestion with its category and risk types', () => {
    spec.given(history).when(accept()).thenEmits([accepted()]);
  });

  it('accepts an at-risk suggestion with the official’s category and risk types', () => {
    spec
      .given(history)
      .when(accept({ category: 'sudden-severe-hardship', riskTypes: ['disaster', '51.farm-price-drop'] }))
      .thenEmits([accepted({ category: 'sudden-severe-hardship', riskTypes: ['disaster', '51.farm-price-drop'] })]);
  });

  it('opens a data-quality issue of the same id', () => {
    spec
      .given(history)
      .when(accept({ suggestionId: DATA_QUALITY.suggestionId }))
      .thenEmits([
        {
          type: 'InspectionSuggestionAccepted',
          data: { suggestionId: DATA_QUALITY.suggestionId, reason: WHY, decidedOn: TODAY },
        },
        {
          type: 'DataQualityIssueOpened',
          data: {
            issueId: DATA_QUALITY.suggestionId,
            villageCode: VILLAGE_CODE,
            ruleId: 'data-quality.schooling-age',
            rule: 'schooling.age-mismatch',
            field: 'members.2.schooling',
            openedOn: TODAY,
          },
        },
      ]);
  });

  it('opens a rectification item of the same id', () => {
    spec
      .given(history)
      .when(accept({ suggestionId: RECTIFICATION.suggestionId }))
      .thenEmits([
        {
          type: 'InspectionSuggestionAccepted',
          data: { suggestionId: RECTIFICATION.suggestionId, reason: WHY, decidedOn: TODAY },
        },
        {
          type: 'RectificationItemOpened',
          data: {
            itemId: RECTIFICATION.suggestionId,
            villageCode: VILLAGE_CODE,
            ruleId: 'rectification.policy-awareness',
            area: 'policy-awareness',
            ownerUnit: 'township',
            dueOn: '2024-11-14',
            openedOn: TODAY,
          },
        },
      ]);
  });

  it('refuses to flag a household without a risk type when the rules gave none', () => {
    const none = { ...AT_RISK, suggestionId: 'at-risk-none', ruleId: 'at-risk.relapse-risk-finding', riskTypes: [] };
    const given = [opened, contactRecorded(), suggestionsRecorded([none])];
    spec
      .given(given)
      .when(accept({ suggestionId: 'at-risk-none' }))
      .thenRejects({ code: 'suggestion.risk-types-required', field: 'riskTypes' });
    spec
      .given(given)
      .when(accept({ suggestionId: 'at-risk-none', riskTypes: ['illness'] }))
      .thenEmits([
        {
          type: 'InspectionSuggestionAccepted',
          data: {
            suggestionId: 'at-risk-none',
            reason: WHY,
            decidedOn: TODAY,
            category: 'marginal-prone-to-poverty',
            riskTypes: ['illness'],
          },
        },
      ]);
  });

  it('given it is accepted, then the same acceptance is a no-op and a dismissal is refused', () => {
    spec
      .given([...history, accepted()])
      .when(accept())
      .thenEmitsNothing();
    spec
      .given([...history, accepted()])
      .when(dismiss())
      .thenRejects({ code: 'suggestion.already-decided', field: 'suggestionId' });
    spec
      .given([...history, accepted()])
      .when(accept({ category: 'sudden-severe-hardship' }))
      .thenRejects({ code: 'suggestion.already-decided', field: 'suggestionId' });
  });

  it('dismisses with a reason; the same dismissal again is a no-op; an acceptance after it is refused', () => {
    const dismissed = {
      type: 'InspectionSuggestionDismissed',
      data: { suggestionId: AT_RISK.suggestionId, reason: WHY, decidedOn: TODAY },
    } as const;
    spec.given(history).when(dismiss()).thenEmits([dismissed]);
    spec
      .given([...history, dismissed])
      .when(dismiss())
      .thenEmitsNothing();
    spec
      .given([...history, dismissed])
      .when(accept())
      .thenRejects({ code: 'suggestion.already-decided', field: 'suggestionId' });
  });

  it.each([
    ['an unknown suggestion', accept({ suggestionId: 'nope' }), 'suggestion.not-found', 'suggestionId'],
    ['a blank reason', accept({ reason: '' }), 'inspection.reason-required', 'reason'],
    ['a blank dismissal reason', dismiss({ reason: ' ' }), 'inspection.reason-required', 'reason'],
    [
      'another category for a data-quality suggestion',
      accept({ suggestionId: DATA_QUALITY.suggestionId, category: 'marginal-prone-to-poverty' }),
      'suggestion.override-not-at-risk',
      'category',
    ],
    ['a category that is not one', accept({ category: 'poor' as never }), 'suggestion.category', 'category'],
    ['no risk types', accept({ riskTypes: [] }), 'suggestion.risk-types', 'riskTypes'],
    ['a risk type that is not a code', accept({ riskTypes: ['Illness'] }), 'suggestion.risk-types', 'riskTypes'],
  ])('refuses %s', (_what, command, code, field) => {
    spec.given(history).when(command).thenRejects({ code, field });
  });

  it('given no inspection, then a decision is refused as not found', () => {
    spec.given([]).when(dismiss()).thenRejects({ code: 'suggestion.not-found' });
  });
});

describe('ResolveDataQualityIssue and CloseRectificationItem', () => {
  const RESOLUTION = '已更正在校状况 / schooling corrected';
  const withIssue: HouseholdInspectionEvent[] = [
    ...history,
    {
      type: 'DataQualityIssueOpened',
      data: {
        issueId: 'i-1',
        villageCode: VILLAGE_CODE,
        ruleId: 'r',
        rule: 'schooling.age-mismatch',
        field: 'f',
        openedOn: TODAY,
      },
    },
    {
      type: 'RectificationItemOpened',
      data: {
        itemId: 't-1',
        villageCode: VILLAGE_CODE,
        ruleId: 'r',
        area: 'income',
        ownerUnit: 'township',
        dueOn: '2024-11-14',
        openedOn: TODAY,
      },
    },
  ];
  const resolve = (data: Partial<ResolveDataQualityIssue['data']> = {}): ResolveDataQualityIssue => ({
    type: 'ResolveDataQualityIssue',
    data: { issueId: 'i-1', resolution: RESOLUTION, ...data },
    facts: FACTS,
  });
  const close = (data: Partial<CloseRectificationItem['data']> = {}, today = TODAY): CloseRectificationItem => ({
    type: 'CloseRectificationItem',
    data: { itemId: 't-1', resolution: RESOLUTION, ...data },
    facts: { ...FACTS, today },
  });
  const resolved = {
    type: 'DataQualityIssueResolved',
    data: { issueId: 'i-1', resolution: RESOLUTION, resolvedOn: TODAY },
  } as const;
  const closed = {
    type: 'RectificationItemClosed',
    data: { itemId: 't-1', resolution: RESOLUTION, closedOn: TODAY, overdue: false },
  } as const;

  it('resolves an issue once; the same again is a no-op, another resolution is refused', () => {
    spec.given(withIssue).when(resolve()).thenEmits([resolved]);
    spec
      .given([...withIssue, resolved])
      .when(resolve())
      .thenEmitsNothing();
    spec
      .given([...withIssue, resolved])
      .when(resolve({ resolution: 'other' }))
      .thenRejects({ code: 'data-quality-issue.already-resolved', field: 'issueId' });
  });

  it('closes an item by its due date, not overdue; after it, overdue', () => {
    spec
      .given(withIssue)
      .when(close({}, '2024-11-14'))
      .thenEmits([{ ...closed, data: { ...closed.data, closedOn: '2024-11-14' } }]);
    spec
      .given(withIssue)
      .when(close({}, '2024-11-15'))
      .thenEmits([{ ...closed, data: { ...closed.data, closedOn: '2024-11-15', overdue: true } }]);
  });

  it('closes once; the same again is a no-op, another resolution is refused', () => {
    spec
      .given([...withIssue, closed])
      .when(close())
      .thenEmitsNothing();
    spec
      .given([...withIssue, closed])
      .when(close({ resolution: 'other' }))
      .thenRejects({ code: 'rectification-item.already-closed', field: 'itemId' });
  });

  it.each([
    ['an unknown issue', resolve({ issueId: 'x' }), 'data-quality-issue.not-found', 'issueId'],
    ['a blank resolution', resolve({ resolution: '' }), 'inspection.reason-required', 'resolution'],
    ['an unknown item', close({ itemId: 'x' }), 'rectification-item.not-found', 'itemId'],
    ['a blank closing resolution', close({ resolution: ' ' }), 'inspection.reason-required', 'resolution'],
  ])('refuses %s', (_what, command, code, field) => {
    spec.given(withIssue).when(command).thenRejects({ code, field });
  });
});
