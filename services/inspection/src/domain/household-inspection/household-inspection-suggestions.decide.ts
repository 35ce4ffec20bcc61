import { throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { MonitoringCategory, Suggestion } from '@relapse-watch/inspection-rules';
import type { AcceptSuggestion, DismissSuggestion, RecordSuggestions } from './household-inspection.commands';
import { checkReason, started } from './household-inspection.guards';
import { inspectionError, inspectionProblem } from './household-inspection.errors';
import type {
  HouseholdInspectionEvent,
  InspectionSuggestionAccepted,
  RecordedSuggestion,
} from './household-inspection.events';
import type { HouseholdInspectionState, OpenedInspection, SuggestionRecord } from './household-inspection.state';

const CATEGORIES: readonly MonitoringCategory[] = [
  'unstable-poverty-alleviated',
  'marginal-prone-to-poverty',
  'sudden-severe-hardship',
];
// The registry's risk type code: national (`illness`) or a province's own (`51.farm-price-drop`).
const RISK_TYPE_CODE = /^(?:[1-9][0-9]\.)?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Records the rules' suggestions (the handler evaluated them); the same rule's open suggestion again is a no-op. */
export function recordSuggestions(
  command: RecordSuggestions,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  return decideSuggestions(command.data.suggestions, started(state));
}

/** The suggestions not yet recorded (by id) nor open under the same rule and subject, in a one-event batch. */
export function decideSuggestions(
  suggestions: readonly RecordedSuggestion[],
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  if (state.kind === 'none' || suggestions.length === 0) return [];
  const ids = new Set(state.suggestions.map((s) => s.suggestion.suggestionId));
  const open = new Set(state.suggestions.filter((s) => s.decision === null).map((s) => subjectOf(s.suggestion)));
  const fresh: RecordedSuggestion[] = [];
  for (const suggestion of suggestions) {
    const subject = subjectOf(suggestion);
    if (ids.has(suggestion.suggestionId) || open.has(subject)) continue;
    ids.add(suggestion.suggestionId);
    open.add(subject);
    fresh.push(suggestion);
  }
  if (fresh.length === 0) return [];
  return [{ type: 'InspectionSuggestionsRecorded', data: { round: state.round, suggestions: fresh } }];
}

/** What one suggestion is about (one open suggestion each): its rule, and for a data-quality one the field, for a rectification the area. */
export function subjectOf(s: Suggestion): string {
  if (s.kind === 'data-quality') return `${s.ruleId}\n${s.field}`;
  if (s.kind === 'rectification') return `${s.ruleId}\n${s.area}`;
  return s.ruleId;
}

/**
 * Accepts a suggestion with a reason: an at-risk one may take the official's category and risk
 * types; a data-quality one opens an issue, a rectification one an item (of the same id).
 * A decision is final: the same acceptance again is a no-op, another decision is refused.
 */
export function acceptSuggestion(
  command: AcceptSuggestion,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { suggestionId, reason, category, riskTypes } = command.data;
  const record = suggestionOf(state, suggestionId);
  checkReason(reason, 'reason');
  const { suggestion } = record;
  throwIfAny(overrideProblems(suggestion, category, riskTypes));
  const accepted: InspectionSuggestionAccepted['data'] = {
    suggestionId,
    reason,
    decidedOn: command.facts.today,
    ...(suggestion.kind === 'at-risk'
      ? { category: category ?? suggestion.category, riskTypes: [...(riskTypes ?? suggestion.riskTypes)] }
      : {}),
  };
  // A monitored household has risk types (the assistance service needs them): the official gives them when the rules found none.
  if (accepted.riskTypes !== undefined && accepted.riskTypes.length === 0)
    throw inspectionError('suggestion.risk-types-required', 'riskTypes');
  if (record.decision !== null) {
    const { kind: _kind, decidedOn: _on, ...before } = record.decision;
    const { suggestionId: _id, decidedOn: _today, ...now } = accepted;
    if (record.decision.kind === 'accepted' && JSON.stringify(before) === JSON.stringify(now)) return [];
    throw inspectionError('suggestion.already-decided', 'suggestionId');
  }
  const today = command.facts.today;
  const { villageCode } = started(state, 'suggestion.not-found');
  const events: HouseholdInspectionEvent[] = [{ type: 'InspectionSuggestionAccepted', data: accepted }];
  if (suggestion.kind === 'data-quality')
    events.push({
      type: 'DataQualityIssueOpened',
      data: {
        issueId: suggestionId,
        villageCode,
        ruleId: suggestion.ruleId,
        rule: suggestion.rule,
        field: suggestion.field,
        openedOn: today,
      },
    });
  if (suggestion.kind === 'rectification')
    events.push({
      type: 'RectificationItemOpened',
      data: {
        itemId: suggestionId,
        villageCode,
        ruleId: suggestion.ruleId,
        area: suggestion.area,
        ownerUnit: suggestion.ownerUnit,
        dueOn: suggestion.dueOn,
        openedOn: today,
      },
    });
  return events;
}

function overrideProblems(
  suggestion: RecordedSuggestion,
  category: unknown,
  riskTypes: readonly unknown[] | undefined,
): DomainProblem[] {
  if (category === undefined && riskTypes === undefined) return [];
  if (suggestion.kind !== 'at-risk') return [inspectionProblem('suggestion.override-not-at-risk', 'category')];
  const problems: DomainProblem[] = [];
  if (category !== undefined && !(CATEGORIES as readonly unknown[]).includes(category))
    problems.push(inspectionProblem('suggestion.category', 'category'));
  if (riskTypes !== undefined) {
    const wellFormed = riskTypes.every((t) => typeof t === 'string' && t.length <= 64 && RISK_TYPE_CODE.test(t));
    if (riskTypes.length === 0 || !wellFormed || new Set(riskTypes).size !== riskTypes.length)
      problems.push(inspectionProblem('suggestion.risk-types', 'riskTypes'));
  }
  return problems;
}

/** Dismisses a suggestion with a reason; final like an acceptance. */
export function dismissSuggestion(
  command: DismissSuggestion,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { suggestionId, reason } = command.data;
  const record = suggestionOf(state, suggestionId);
  checkReason(reason, 'reason');
  if (record.decision !== null) {
    if (record.decision.kind === 'dismissed' && record.decision.reason === reason) return [];
    throw inspectionError('suggestion.already-decided', 'suggestionId');
  }
  return [{ type: 'InspectionSuggestionDismissed', data: { suggestionId, reason, decidedOn: command.facts.today } }];
}

function suggestionOf(state: HouseholdInspectionState, suggestionId: string): SuggestionRecord {
  const inspection: OpenedInspection = started(state, 'suggestion.not-found');
  const record = inspection.suggestions.find((s) => s.suggestion.suggestionId === suggestionId);
  if (record === undefined) throw inspectionError('suggestion.not-found', 'suggestionId');
  return record;
}
