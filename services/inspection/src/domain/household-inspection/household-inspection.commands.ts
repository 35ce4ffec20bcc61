import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { ContactMethod, Findings, InspectionArea, MonitoringCategory } from '@relapse-watch/inspection-rules';
import type { RecordedSuggestion } from './household-inspection.events';

/**
 * What every command of a household inspection carries as looked-up facts: which household of
 * which campaign (a stream begins with them), today, and whether the campaign is closed.
 */
export interface InspectionFacts {
  readonly campaignId: string;
  readonly householdId: string;
  /** The household's village, from the inspection's own view of households. */
  readonly villageCode: string;
  /** The campaign's checklist version: the inspection is read against the questions it was asked with. */
  readonly checklistVersion: string;
  readonly today: IsoDate;
  readonly campaignClosed: boolean;
}

/** What a completion needs to know: the campaign's deadline and why the household needs a visit. */
export interface CompletionFacts extends InspectionFacts {
  /** The campaign's inspection deadline (inclusive local date). */
  readonly inspectBy: IsoDate;
  /** The key-group rules that selected the household (empty when none). */
  readonly keyGroupRuleIds: readonly string[];
  /** The key regions covering its village (empty when none). */
  readonly keyRegionIds: readonly string[];
  /** The areas whose required questions all have answers, by the campaign's checklist. */
  readonly answeredAreas: readonly InspectionArea[];
}

export interface AssignInspection {
  readonly type: 'AssignInspection';
  readonly data: { readonly teamId: string; readonly inspectorIds: readonly string[] };
  readonly facts: InspectionFacts;
}

/** A contact's data: the findings are already validated against the campaign's checklist. */
export interface ContactData {
  readonly contactId: string;
  readonly method: ContactMethod;
  readonly contactedOn: IsoDate;
  readonly findings: Findings;
}

export interface RecordContact {
  readonly type: 'RecordContact';
  readonly data: ContactData;
  readonly facts: InspectionFacts & { readonly launchedOn: IsoDate };
}

export interface CompleteInspection {
  readonly type: 'CompleteInspection';
  readonly data: Readonly<Record<string, never>>;
  readonly facts: CompletionFacts;
}

export interface ReopenInspection {
  readonly type: 'ReopenInspection';
  readonly data: { readonly reason: string };
  readonly facts: InspectionFacts;
}

export interface RecordSuggestions {
  readonly type: 'RecordSuggestions';
  readonly data: { readonly suggestions: readonly RecordedSuggestion[] };
  readonly facts: InspectionFacts;
}

export interface AcceptSuggestion {
  readonly type: 'AcceptSuggestion';
  readonly data: {
    readonly suggestionId: string;
    readonly reason: string;
    /** At-risk only: the official's category instead of the suggested one. */
    readonly category?: MonitoringCategory;
    /** At-risk only: the official's risk types instead of the suggested ones. */
    readonly riskTypes?: readonly string[];
  };
  readonly facts: InspectionFacts;
}

export interface DismissSuggestion {
  readonly type: 'DismissSuggestion';
  readonly data: { readonly suggestionId: string; readonly reason: string };
  readonly facts: InspectionFacts;
}

export interface ResolveDataQualityIssue {
  readonly type: 'ResolveDataQualityIssue';
  readonly data: { readonly issueId: string; readonly resolution: string };
  readonly facts: InspectionFacts;
}

export interface CloseRectificationItem {
  readonly type: 'CloseRectificationItem';
  readonly data: { readonly itemId: string; readonly resolution: string };
  readonly facts: InspectionFacts;
}

/**
 * A whole visit in one command (the field app's request): the contact, the rules' suggestions on
 * the answers after it, and — when `complete` — the completion, decided together and appended
 * at once. The handler evaluates the rules on the state after the contact and passes their
 * output and the completion facts in.
 */
export interface RecordVisit {
  readonly type: 'RecordVisit';
  readonly data: ContactData & { readonly complete: boolean };
  readonly facts: CompletionFacts & {
    readonly launchedOn: IsoDate;
    readonly suggestions: readonly RecordedSuggestion[];
  };
}

/** The registry's answer to a correction, recorded in the inspection's stream. */
export interface RecordCorrectionSent {
  readonly type: 'RecordCorrectionSent';
  readonly data: {
    readonly correctionId: string;
    readonly contactId: string;
    readonly kind: string;
    readonly answer:
      | { readonly outcome: 'accepted'; readonly position: number | null }
      | { readonly outcome: 'refused'; readonly status: number; readonly code: string };
  };
  readonly facts: InspectionFacts;
}

export type HouseholdInspectionCommand =
  | AssignInspection
  | RecordContact
  | CompleteInspection
  | ReopenInspection
  | RecordSuggestions
  | AcceptSuggestion
  | DismissSuggestion
  | ResolveDataQualityIssue
  | CloseRectificationItem
  | RecordVisit
  | RecordCorrectionSent;
