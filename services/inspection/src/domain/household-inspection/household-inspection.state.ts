import { assertNever, type IsoDate } from '@relapse-watch/domain-kernel';
import type {
  AnswerValue,
  ContactMethod,
  Findings,
  InspectionArea,
  MonitoringCategory,
} from '@relapse-watch/inspection-rules';
import type {
  CorrectionAnswer,
  HouseholdInspectionCompleted,
  HouseholdInspectionEvent,
  RecordedSuggestion,
} from './household-inspection.events';

export interface ContactRecord {
  readonly round: number;
  readonly contactId: string;
  readonly method: ContactMethod;
  readonly contactedOn: IsoDate;
  readonly findings: Findings;
}

export type SuggestionDecision =
  | {
      readonly kind: 'accepted';
      readonly reason: string;
      readonly decidedOn: IsoDate;
      readonly category?: MonitoringCategory;
      readonly riskTypes?: readonly string[];
    }
  | { readonly kind: 'dismissed'; readonly reason: string; readonly decidedOn: IsoDate };

export interface SuggestionRecord {
  readonly round: number;
  readonly suggestion: RecordedSuggestion;
  readonly decision: SuggestionDecision | null;
}

export interface DataQualityIssueRecord {
  readonly issueId: string;
  readonly ruleId: string;
  readonly rule: string;
  readonly field: string;
  readonly openedOn: IsoDate;
  readonly resolved: { readonly resolution: string; readonly resolvedOn: IsoDate } | null;
}

export interface RectificationItemRecord {
  readonly itemId: string;
  readonly ruleId: string;
  readonly area: InspectionArea;
  readonly ownerUnit: string;
  readonly dueOn: IsoDate;
  readonly openedOn: IsoDate;
  readonly closed: { readonly resolution: string; readonly closedOn: IsoDate; readonly overdue: boolean } | null;
}

export interface CorrectionRecord {
  readonly correctionId: string;
  readonly contactId: string;
  readonly kind: string;
  readonly answer: CorrectionAnswer;
}

/** The latest answer per question, by area, across every contact (a revisit carries them over). */
export type LatestAnswers = Readonly<Partial<Record<InspectionArea, Readonly<Record<string, AnswerValue>>>>>;

export interface OpenedInspection {
  readonly kind: 'opened';
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly checklistVersion: string;
  /** 1 for the first inspection, + 1 at each reopening. */
  readonly round: number;
  readonly assignment: { readonly teamId: string; readonly inspectorIds: readonly string[] } | null;
  /** Every contact of every round, oldest first. */
  readonly contacts: readonly ContactRecord[];
  readonly answers: LatestAnswers;
  /** The current round's completion; null while it is open. */
  readonly completion: HouseholdInspectionCompleted['data'] | null;
  readonly suggestions: readonly SuggestionRecord[];
  readonly issues: readonly DataQualityIssueRecord[];
  readonly items: readonly RectificationItemRecord[];
  readonly corrections: readonly CorrectionRecord[];
}

export type HouseholdInspectionState = { readonly kind: 'none' } | OpenedInspection;

export const initialState: HouseholdInspectionState = { kind: 'none' };

/** The contacts of the current round. */
export function contactsOfRound(state: OpenedInspection): readonly ContactRecord[] {
  return state.contacts.filter((c) => c.round === state.round);
}

/** Folds one event into the state. */
export function evolve(state: HouseholdInspectionState, event: HouseholdInspectionEvent): HouseholdInspectionState {
  if (event.type === 'HouseholdInspectionOpened')
    return {
      kind: 'opened',
      ...event.data,
      round: 1,
      assignment: null,
      contacts: [],
      answers: {},
      completion: null,
      suggestions: [],
      issues: [],
      items: [],
      corrections: [],
    };
  if (state.kind === 'none') return state;
  return evolveOpened(state, event);
}

function evolveOpened(state: OpenedInspection, event: HouseholdInspectionEvent): OpenedInspection {
  switch (event.type) {
    case 'HouseholdInspectionOpened':
      return state;
    case 'HouseholdInspectionAssigned':
      return { ...state, assignment: { teamId: event.data.teamId, inspectorIds: event.data.inspectorIds } };
    case 'HouseholdContactRecorded':
      return {
        ...state,
        contacts: [...state.contacts, { ...event.data }],
        answers: withLatestAnswers(state.answers, event.data.findings),
      };
    case 'HouseholdInspectionCompleted':
      return { ...state, completion: event.data };
    case 'HouseholdInspectionReopened':
      return { ...state, round: event.data.round, completion: null };
    case 'InspectionSuggestionsRecorded':
      return {
        ...state,
        suggestions: [
          ...state.suggestions,
          ...event.data.suggestions.map((suggestion) => ({ round: event.data.round, suggestion, decision: null })),
        ],
      };
    case 'InspectionSuggestionAccepted': {
      const { suggestionId, ...decision } = event.data;
      return decided(state, suggestionId, { kind: 'accepted', ...decision });
    }
    case 'InspectionSuggestionDismissed': {
      const { suggestionId, ...decision } = event.data;
      return decided(state, suggestionId, { kind: 'dismissed', ...decision });
    }
    case 'DataQualityIssueOpened':
      return { ...state, issues: [...state.issues, { ...event.data, resolved: null }] };
    case 'DataQualityIssueResolved': {
      const { issueId, ...resolved } = event.data;
      return { ...state, issues: state.issues.map((i) => (i.issueId === issueId ? { ...i, resolved } : i)) };
    }
    case 'RectificationItemOpened':
      return { ...state, items: [...state.items, { ...event.data, closed: null }] };
    case 'RectificationItemClosed': {
      const { itemId, ...closed } = event.data;
      return { ...state, items: state.items.map((i) => (i.itemId === itemId ? { ...i, closed } : i)) };
    }
    case 'HouseholdCorrectionSent':
      return { ...state, corrections: [...state.corrections, { ...event.data }] };
    default:
      return assertNever(event, 'household inspection event');
  }
}

function decided(state: OpenedInspection, suggestionId: string, decision: SuggestionDecision): OpenedInspection {
  return {
    ...state,
    suggestions: state.suggestions.map((s) => (s.suggestion.suggestionId === suggestionId ? { ...s, decision } : s)),
  };
}

/** The answers after a contact: each question it answered takes the new value, the others stay. */
export function withLatestAnswers(answers: LatestAnswers, findings: Findings): LatestAnswers {
  const next: Partial<Record<InspectionArea, Readonly<Record<string, AnswerValue>>>> = { ...answers };
  for (const area of Object.keys(findings) as InspectionArea[]) {
    const found = findings[area];
    if (found !== undefined) next[area] = { ...answers[area], ...found.answers };
  }
  return next;
}
