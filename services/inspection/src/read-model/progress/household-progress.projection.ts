import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { Projection } from '@relapse-watch/read-store-core';
import {
  HOUSEHOLD_INSPECTION_EVENT_TYPES,
  type HouseholdInspectionEvent,
} from '../../domain/household-inspection/household-inspection.events';
import { unitCodesOf } from '@relapse-watch/household-view';

/** Collection of the progress read model: one document per household inspection. */
export const HOUSEHOLD_PROGRESS_COLLECTION = 'inspection-household-progress';

/**
 * Where one household's inspection stands, flat so every read store can count it by unit:
 * the progress of a village, township, county, city or province is a handful of counts over
 * these documents (indexed by campaign and tier code), never a fold of streams.
 */
export interface HouseholdProgress {
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly townshipCode: string;
  readonly countyCode: string;
  readonly cityCode: string;
  readonly provinceCode: string;
  readonly teamId: string | null;
  readonly contacts: number;
  readonly round: number;
  /** Completed in the current round (a reopening clears it until the next completion). */
  readonly done: boolean;
  readonly completedOn: string | null;
  readonly late: boolean;
  /** The completing round's methods, one flag each (read stores count by equality). */
  readonly byHouseholdVisit: boolean;
  readonly byOnline: boolean;
  readonly byGroupAssessment: boolean;
  /** Completed as a key-group household (the completion named key-group rules). */
  readonly keyGroup: boolean;
  readonly keyRegion: boolean;
  /** Ids of the at-risk suggestions still waiting for an official. */
  readonly atRiskPending: readonly string[];
  readonly atRiskSuggested: boolean;
  /** An official accepted an at-risk suggestion: the household was flagged at risk. */
  readonly flaggedAtRisk: boolean;
}

function opened(data: { campaignId: string; householdId: string; villageCode: string }): HouseholdProgress {
  return {
    campaignId: data.campaignId,
    householdId: data.householdId,
    villageCode: data.villageCode,
    ...unitCodesOf(data.villageCode),
    teamId: null,
    contacts: 0,
    round: 1,
    done: false,
    completedOn: null,
    late: false,
    byHouseholdVisit: false,
    byOnline: false,
    byGroupAssessment: false,
    keyGroup: false,
    keyRegion: false,
    atRiskPending: [],
    atRiskSuggested: false,
    flaggedAtRisk: false,
  };
}

/** A household's progress after one of its inspection's events. */
export function evolveHouseholdProgress(
  doc: HouseholdProgress | null,
  event: HouseholdInspectionEvent,
): HouseholdProgress | null {
  if (event.type === 'HouseholdInspectionOpened') return doc ?? opened(event.data);
  if (doc === null) return null;
  switch (event.type) {
    case 'HouseholdInspectionAssigned':
      return { ...doc, teamId: event.data.teamId };
    case 'HouseholdContactRecorded':
      return { ...doc, contacts: doc.contacts + 1 };
    case 'HouseholdInspectionCompleted': {
      const { methods } = event.data;
      return {
        ...doc,
        round: event.data.round,
        done: true,
        completedOn: event.data.completedOn,
        late: event.data.late,
        byHouseholdVisit: methods.includes('household-visit'),
        byOnline: methods.includes('online-communication'),
        byGroupAssessment: methods.includes('group-assessment'),
        keyGroup: event.data.keyGroupRuleIds.length > 0,
        keyRegion: event.data.keyRegionIds.length > 0,
      };
    }
    case 'HouseholdInspectionReopened':
      return { ...doc, round: event.data.round, done: false, completedOn: null, late: false };
    case 'InspectionSuggestionsRecorded': {
      const atRisk = event.data.suggestions.filter((s) => s.kind === 'at-risk').map((s) => s.suggestionId);
      const pending = [...new Set([...doc.atRiskPending, ...atRisk])];
      return { ...doc, atRiskPending: pending, atRiskSuggested: doc.atRiskSuggested || atRisk.length > 0 };
    }
    case 'InspectionSuggestionAccepted':
    case 'InspectionSuggestionDismissed': {
      if (!doc.atRiskPending.includes(event.data.suggestionId)) return doc;
      const pending = doc.atRiskPending.filter((id) => id !== event.data.suggestionId);
      const flagged = doc.flaggedAtRisk || event.type === 'InspectionSuggestionAccepted';
      return { ...doc, atRiskPending: pending, flaggedAtRisk: flagged };
    }
    default:
      return doc;
  }
}

/** The households' progress of every campaign, folded from the household inspections' events. */
export const householdProgressProjection: Projection<HouseholdProgress> = {
  name: 'inspection.household-progress',
  collection: HOUSEHOLD_PROGRESS_COLLECTION,
  handles: HOUSEHOLD_INSPECTION_EVENT_TYPES,
  // The stream is `inspection-household-<campaignId>-<householdId>`: one document per stream.
  documentId: (event: StoredEvent) => event.streamId,
  evolve: (doc, event) =>
    evolveHouseholdProgress(doc, { type: event.type, data: event.data } as HouseholdInspectionEvent),
  indexes: [
    ['campaignId', 'villageCode'],
    ['campaignId', 'townshipCode'],
    ['campaignId', 'countyCode'],
    ['campaignId', 'cityCode'],
    ['campaignId', 'provinceCode'],
    // The audit trail's lookup of a household's inspections in every campaign.
    ['householdId'],
  ],
};
