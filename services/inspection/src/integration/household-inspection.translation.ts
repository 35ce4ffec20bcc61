import {
  dataQualityIssueRaisedV1,
  dataQualityIssueResolvedV1,
  householdFlaggedAtRiskV1,
  householdInspectionCompletedV1,
  INSPECTION_METHODS,
  rectificationItemClosedV1,
  rectificationItemRaisedV1,
  type AreaFindingV1,
  type DataQualityIssueRaisedV1,
  type DataQualityIssueResolvedV1,
  type EventContract,
  type HouseholdFlaggedAtRiskV1,
  type HouseholdInspectionCompletedV1,
  type RectificationItemClosedV1,
  type RectificationItemRaisedV1,
  type RuleEvidenceV1,
} from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import {
  INSPECTION_AREAS,
  type AnswerValue,
  type Checklist,
  type Evidence,
  type InspectionArea,
} from '@relapse-watch/inspection-rules';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import type { OpenedInspection, SuggestionRecord } from '../domain/household-inspection/household-inspection.state';

/** An integration event ready to publish: the contract it follows and its CloudEvents `data`. */
export interface HouseholdInspectionIntegrationEvent<Data = unknown> {
  readonly contract: EventContract<Data>;
  readonly data: Data;
}

/** What the translation reads besides the event: the state after it, the campaign's checklist, the actor's role. */
export interface TranslationContext {
  readonly state: OpenedInspection;
  /** The campaign's checklist: only its fixed answers leave the service (never texts, notes or evidence refs). */
  readonly checklist: Checklist;
  /** The role of whoever decided (metadata `actor.role`), never the person. */
  readonly actorRole: string;
}

type Published =
  | HouseholdInspectionIntegrationEvent<HouseholdInspectionCompletedV1>
  | HouseholdInspectionIntegrationEvent<HouseholdFlaggedAtRiskV1>
  | HouseholdInspectionIntegrationEvent<DataQualityIssueRaisedV1>
  | HouseholdInspectionIntegrationEvent<DataQualityIssueResolvedV1>
  | HouseholdInspectionIntegrationEvent<RectificationItemRaisedV1>
  | HouseholdInspectionIntegrationEvent<RectificationItemClosedV1>;

/**
 * The integration event of a household inspection's internal event, or null for the ones that stay
 * inside (contacts, suggestions until decided, assignments, corrections). Pure: the relay folds the
 * stream to the event and passes the state after it.
 */
export function translateHouseholdInspectionEvent(
  event: HouseholdInspectionEvent,
  context: TranslationContext,
): Published | null {
  const { state } = context;
  const where = { campaignId: state.campaignId, householdId: state.householdId, villageCode: state.villageCode };
  switch (event.type) {
    case 'HouseholdInspectionCompleted':
      return { contract: householdInspectionCompletedV1, data: completed(event.data, context) };
    case 'InspectionSuggestionAccepted': {
      const record = suggestionOf(state, event.data.suggestionId);
      if (record?.suggestion.kind !== 'at-risk') return null;
      const { suggestion } = record;
      return {
        contract: householdFlaggedAtRiskV1,
        data: {
          ...where,
          suggestionId: suggestion.suggestionId,
          ruleIds: [suggestion.ruleId],
          suggestedCategory: suggestion.category,
          category: event.data.category ?? suggestion.category,
          riskTypes: [...(event.data.riskTypes ?? suggestion.riskTypes)],
          evidence: evidenceOf(suggestion.evidence),
          reason: event.data.reason,
          flaggedOn: event.data.decidedOn,
          decidedBy: { role: context.actorRole },
        },
      };
    }
    case 'DataQualityIssueOpened': {
      const { issueId, rule, field, openedOn } = event.data;
      const evidence = suggestionOf(state, issueId)?.suggestion.evidence ?? [];
      return {
        contract: dataQualityIssueRaisedV1,
        data: { issueId, ...where, rule, field, evidence: evidenceOf(evidence), raisedOn: openedOn },
      };
    }
    case 'DataQualityIssueResolved': {
      const issue = state.issues.find((i) => i.issueId === event.data.issueId);
      if (issue === undefined) return null;
      const { issueId, resolution, resolvedOn } = event.data;
      return {
        contract: dataQualityIssueResolvedV1,
        data: { issueId, ...where, rule: issue.rule, field: issue.field, resolvedOn, resolution },
      };
    }
    case 'RectificationItemOpened': {
      const { itemId, ruleId, area, ownerUnit, dueOn } = event.data;
      return {
        contract: rectificationItemRaisedV1,
        data: { itemId, ...where, area, ownerUnit, dueOn, ruleId, summary: summaryOf(state, itemId, area) },
      };
    }
    case 'RectificationItemClosed': {
      const item = state.items.find((i) => i.itemId === event.data.itemId);
      if (item === undefined) return null;
      const { itemId, resolution, closedOn, overdue } = event.data;
      const { area, ownerUnit, dueOn } = item;
      return {
        contract: rectificationItemClosedV1,
        data: { itemId, ...where, area, ownerUnit, dueOn, closedOn, overdue, resolution },
      };
    }
    case 'HouseholdInspectionOpened':
    case 'HouseholdInspectionAssigned':
    case 'HouseholdContactRecorded':
    case 'HouseholdInspectionReopened':
    case 'InspectionSuggestionsRecorded':
    case 'InspectionSuggestionDismissed':
    case 'HouseholdCorrectionSent':
      return null;
    default:
      return assertNever(event, 'household inspection event');
  }
}

function completed(
  completion: Extract<HouseholdInspectionEvent, { type: 'HouseholdInspectionCompleted' }>['data'],
  { state, checklist }: TranslationContext,
): HouseholdInspectionCompletedV1 {
  return {
    campaignId: state.campaignId,
    householdId: state.householdId,
    villageCode: state.villageCode,
    round: completion.round,
    completedOn: completion.completedOn,
    late: completion.late,
    methods: INSPECTION_METHODS.filter((method) => completion.methods.includes(method)),
    visited: completion.visited,
    keyGroupRuleIds: [...completion.keyGroupRuleIds].sort(),
    keyRegionIds: [...completion.keyRegionIds].sort(),
    areas: INSPECTION_AREAS.map((area) => areaFinding(state, checklist, area, completion.round)),
    suggestionCount: state.suggestions.length,
  };
}

/**
 * An area's outcome is `issue-found` when the round's suggestions point at it: a rectification
 * item in the area, an at-risk suggestion for `relapse-risk`, a data-quality one for
 * `data-quality` (the rules say what is a problem; the translation only reports it).
 */
function areaFinding(
  state: OpenedInspection,
  checklist: Checklist,
  area: InspectionArea,
  round: number,
): AreaFindingV1 {
  const issue = state.suggestions.some(({ suggestion: s, round: r }) => {
    if (r !== round) return false;
    if (s.kind === 'rectification') return s.area === area;
    return (s.kind === 'at-risk' && area === 'relapse-risk') || (s.kind === 'data-quality' && area === 'data-quality');
  });
  return {
    area,
    outcome: issue ? 'issue-found' : 'no-issue',
    answers: fixedAnswers(checklist, area, state.answers[area] ?? {}),
  };
}

/** The fixed answers of an area by the checklist: yes-no, choices, amounts, counts; never a text. */
function fixedAnswers(
  checklist: Checklist,
  area: InspectionArea,
  answers: Readonly<Record<string, AnswerValue>>,
): Record<string, boolean | string | number> {
  const fixed: Record<string, boolean | string | number> = {};
  for (const question of checklist.areas[area]) {
    const value = answers[question.id];
    if (value !== undefined && question.answer.kind !== 'text') fixed[question.id] = value;
  }
  return fixed;
}

function suggestionOf(state: OpenedInspection, suggestionId: string): SuggestionRecord | undefined {
  return state.suggestions.find((s) => s.suggestion.suggestionId === suggestionId);
}

function evidenceOf(evidence: readonly Evidence[]): RuleEvidenceV1[] {
  return evidence.map((e) => ({ fact: e.fact, value: e.value, threshold: e.threshold ?? null }));
}

/** What an item is about, from its rule and evidence (question ids and fixed answers only: no personal data). */
function summaryOf(state: OpenedInspection, itemId: string, area: InspectionArea): string {
  const evidence = suggestionOf(state, itemId)?.suggestion.evidence ?? [];
  const facts = evidence.map((e) => `${e.fact} = ${String(e.value)}`).join('; ');
  return `${area}: ${facts === '' ? '排查发现问题 / a problem found at the inspection' : facts}`.slice(0, 500);
}
