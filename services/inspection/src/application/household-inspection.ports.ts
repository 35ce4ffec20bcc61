import type { DomainProblem, IsoDate } from '@relapse-watch/domain-kernel';
import type {
  Checklist,
  Findings,
  HouseholdFacts,
  InspectionArea,
  KeyGroupSelection,
  Suggestion,
} from '@relapse-watch/inspection-rules';
import type { LatestAnswers } from '../domain/household-inspection/household-inspection.state';

/** A key region in force when the campaign was launched: its id and the units it covers. */
export interface CampaignKeyRegion {
  readonly regionId: string;
  readonly divisionCodes: readonly string[];
}

/** What the household inspection needs to know of its campaign. */
export interface CampaignView {
  /** `<provinceCode>-<year>`. */
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly year: number;
  readonly launchedOn: IsoDate;
  readonly teamsInPlaceBy: IsoDate;
  /** The inspection deadline: a completion after it is late (inclusive local date). */
  readonly inspectBy: IsoDate;
  readonly checklistVersion: string;
  readonly ruleSetVersion: string;
  /** The key-group rules the campaign selects households with (ids of its rule set's rules). */
  readonly keyGroupRuleIds: readonly string[];
  readonly keyRegions: readonly CampaignKeyRegion[];
  /** The province's lines in force on the launch day, as the campaign recorded them (null: none published). */
  readonly lines: CampaignLines;
  readonly closed: boolean;
}

/** A campaign's income lines in fen; they take the place of its rule set's own (the published policy rules). */
export interface CampaignLines {
  readonly monitoringLineFen: number | null;
  readonly inspectionFilterLineFen: number | null;
}

/**
 * Port: the campaign a household inspection belongs to (the campaign decider's stream folded,
 * or any other source of the same facts); null when no such campaign was launched.
 */
export interface CampaignFacts {
  get(campaignId: string): Promise<CampaignView | null>;
}

/**
 * Port: the inspection's own view of one household, built from the registry's integration
 * events; null while the household is not known to the inspection.
 */
export interface HouseholdFactsSource {
  get(householdId: string): Promise<HouseholdFacts | null>;
}

/** What the rules evaluate for one household. */
export interface HouseholdEvaluation {
  readonly facts: HouseholdFacts;
  readonly answers: LatestAnswers;
  readonly ruleSetVersion: string;
  readonly provinceCode: string;
  readonly year: number;
  /** The lines the campaign was launched with: the rules read these, not the rule set's defaults. */
  readonly lines: CampaignLines;
  readonly today: IsoDate;
}

/**
 * Port: the pure functions of `@relapse-watch/inspection-rules` the handlers call, behind one
 * interface so that binding them to the lib is one line (see `inspection-rules.adapter.ts`).
 */
export interface InspectionRules {
  /** The checklist of a version; null when the version is unknown. */
  checklistOf(version: string): Checklist | null;
  /** Every problem of one contact's findings against the checklist, fields as `findings.<area>.answers.<question>`. */
  validateFindings(checklist: Checklist, findings: Findings): readonly DomainProblem[];
  /** The areas whose required questions all have an answer. */
  answeredAreas(checklist: Checklist, answers: LatestAnswers): readonly InspectionArea[];
  /** The rules' suggestions for the household, in a stable order. */
  evaluateHousehold(evaluation: HouseholdEvaluation): readonly Suggestion[];
  /** The key-group rules that select the household (some read the findings: a new dibao found at the visit). */
  selectKeyGroups(evaluation: HouseholdEvaluation): readonly KeyGroupSelection[];
  /** The ids of the key regions covering a village. */
  inKeyRegions(villageCode: string, keyRegions: readonly CampaignKeyRegion[]): readonly string[];
}
