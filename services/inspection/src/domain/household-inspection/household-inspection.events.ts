import type { IsoDate } from '@relapse-watch/domain-kernel';
import type {
  ContactMethod,
  Findings,
  InspectionArea,
  MonitoringCategory,
  Suggestion,
} from '@relapse-watch/inspection-rules';

// Internal events of one household's inspection in one campaign (stream
// `inspection-household-<campaignId>-<householdId>`). They stay in the service: what leaves it
// is the contracts' integration events, translated in integration/.

/** The first event of every stream: which household of which campaign, and where it lives. */
export interface HouseholdInspectionOpened {
  readonly type: 'HouseholdInspectionOpened';
  readonly data: {
    readonly campaignId: string;
    readonly householdId: string;
    readonly villageCode: string;
    /** The campaign's checklist version, e.g. `2024.1`. */
    readonly checklistVersion: string;
  };
}

export interface HouseholdInspectionAssigned {
  readonly type: 'HouseholdInspectionAssigned';
  readonly data: { readonly teamId: string; readonly inspectorIds: readonly string[] };
}

export interface HouseholdContactRecorded {
  readonly type: 'HouseholdContactRecorded';
  readonly data: {
    readonly round: number;
    readonly contactId: string;
    readonly method: ContactMethod;
    readonly contactedOn: IsoDate;
    /** As validated against the campaign's checklist by the handler. */
    readonly findings: Findings;
  };
}

export interface HouseholdInspectionCompleted {
  readonly type: 'HouseholdInspectionCompleted';
  readonly data: {
    readonly round: number;
    readonly completedOn: IsoDate;
    /** Completed after the campaign's inspection deadline: accepted, and marked. */
    readonly late: boolean;
    /** The methods of the round's contacts, each once, in the order first used. */
    readonly methods: readonly ContactMethod[];
    readonly visited: boolean;
    readonly keyGroupRuleIds: readonly string[];
    readonly keyRegionIds: readonly string[];
  };
}

export interface HouseholdInspectionReopened {
  readonly type: 'HouseholdInspectionReopened';
  readonly data: { readonly round: number; readonly reason: string; readonly reopenedOn: IsoDate };
}

/** A rule's suggestion as the inspection keeps it: the rules' output with the id the handler gave it. */
export type RecordedSuggestion = Suggestion & { readonly suggestionId: string };

export interface InspectionSuggestionsRecorded {
  readonly type: 'InspectionSuggestionsRecorded';
  readonly data: { readonly round: number; readonly suggestions: readonly RecordedSuggestion[] };
}

export interface InspectionSuggestionAccepted {
  readonly type: 'InspectionSuggestionAccepted';
  readonly data: {
    readonly suggestionId: string;
    readonly reason: string;
    readonly decidedOn: IsoDate;
    /** At-risk only: the category and risk types the official decided (the suggestion's unless overridden). */
    readonly category?: MonitoringCategory;
    readonly riskTypes?: readonly string[];
  };
}

export interface InspectionSuggestionDismissed {
  readonly type: 'InspectionSuggestionDismissed';
  readonly data: { readonly suggestionId: string; readonly reason: string; readonly decidedOn: IsoDate };
}

/** An accepted data-quality suggestion opens an issue of the same id. */
export interface DataQualityIssueOpened {
  readonly type: 'DataQualityIssueOpened';
  readonly data: {
    readonly issueId: string;
    /** The household's village (the stream's), so lists by unit read the event alone. */
    readonly villageCode: string;
    readonly ruleId: string;
    readonly rule: string;
    readonly field: string;
    readonly openedOn: IsoDate;
  };
}

export interface DataQualityIssueResolved {
  readonly type: 'DataQualityIssueResolved';
  readonly data: { readonly issueId: string; readonly resolution: string; readonly resolvedOn: IsoDate };
}

/** An accepted rectification suggestion opens an item of the same id. */
export interface RectificationItemOpened {
  readonly type: 'RectificationItemOpened';
  readonly data: {
    readonly itemId: string;
    /** The household's village (the stream's), so lists by unit read the event alone. */
    readonly villageCode: string;
    readonly ruleId: string;
    readonly area: InspectionArea;
    readonly ownerUnit: string;
    readonly dueOn: IsoDate;
    readonly openedOn: IsoDate;
  };
}

export interface RectificationItemClosed {
  readonly type: 'RectificationItemClosed';
  readonly data: {
    readonly itemId: string;
    readonly resolution: string;
    readonly closedOn: IsoDate;
    /** Closed after its due date. */
    readonly overdue: boolean;
  };
}

/** The registry's answer to a correction sent as its own command. */
export type CorrectionAnswer =
  | { readonly outcome: 'accepted'; readonly position: number | null }
  | { readonly outcome: 'refused'; readonly status: number; readonly code: string };

/**
 * A correction of household facts found in the field, sent to the registry as its own command
 * (with the contact as causation) and the registry's answer; the registry's facts change only there.
 */
export interface HouseholdCorrectionSent {
  readonly type: 'HouseholdCorrectionSent';
  readonly data: {
    readonly correctionId: string;
    readonly contactId: string;
    /** What was corrected, e.g. `member-profile`, `three-plus-one`, `flags` (never the values: they may be personal). */
    readonly kind: string;
    readonly answer: CorrectionAnswer;
  };
}

export type HouseholdInspectionEvent =
  | HouseholdInspectionOpened
  | HouseholdInspectionAssigned
  | HouseholdContactRecorded
  | HouseholdInspectionCompleted
  | HouseholdInspectionReopened
  | InspectionSuggestionsRecorded
  | InspectionSuggestionAccepted
  | InspectionSuggestionDismissed
  | DataQualityIssueOpened
  | DataQualityIssueResolved
  | RectificationItemOpened
  | RectificationItemClosed
  | HouseholdCorrectionSent;

/** Every event type, as a record over the union so that a forgotten type fails to compile. */
const TYPES: { readonly [T in HouseholdInspectionEvent['type']]: T } = {
  HouseholdInspectionOpened: 'HouseholdInspectionOpened',
  HouseholdInspectionAssigned: 'HouseholdInspectionAssigned',
  HouseholdContactRecorded: 'HouseholdContactRecorded',
  HouseholdInspectionCompleted: 'HouseholdInspectionCompleted',
  HouseholdInspectionReopened: 'HouseholdInspectionReopened',
  InspectionSuggestionsRecorded: 'InspectionSuggestionsRecorded',
  InspectionSuggestionAccepted: 'InspectionSuggestionAccepted',
  InspectionSuggestionDismissed: 'InspectionSuggestionDismissed',
  DataQualityIssueOpened: 'DataQualityIssueOpened',
  DataQualityIssueResolved: 'DataQualityIssueResolved',
  RectificationItemOpened: 'RectificationItemOpened',
  RectificationItemClosed: 'RectificationItemClosed',
  HouseholdCorrectionSent: 'HouseholdCorrectionSent',
};

export const HOUSEHOLD_INSPECTION_EVENT_TYPES: readonly HouseholdInspectionEvent['type'][] = Object.values(TYPES);
