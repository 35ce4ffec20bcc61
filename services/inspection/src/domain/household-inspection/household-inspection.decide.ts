import { assertNever, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type {
  AssignInspection,
  HouseholdInspectionCommand,
  RecordCorrectionSent,
  ReopenInspection,
} from './household-inspection.commands';
import { acceptSuggestion, dismissSuggestion, recordSuggestions } from './household-inspection-suggestions.decide';
import { closeRectificationItem, resolveDataQualityIssue } from './household-inspection-follow-up.decide';
import { completeInspection, recordContact, recordVisit } from './household-inspection-round.decide';
import { inspectionError, inspectionProblem } from './household-inspection.errors';
import { checkReason, opening, started } from './household-inspection.guards';
import type { HouseholdInspectionEvent } from './household-inspection.events';
import type { HouseholdInspectionState } from './household-inspection.state';

/** Decides one command of a household inspection; pure. */
export function decide(
  command: HouseholdInspectionCommand,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  // Nothing but reads after a campaign closes (design-11: "the campaign not closed").
  if (command.facts.campaignClosed) throw inspectionError('inspection.campaign-closed');
  switch (command.type) {
    case 'AssignInspection':
      return assign(command, state);
    case 'RecordContact':
      return recordContact(command, state);
    case 'CompleteInspection':
      return completeInspection(command, state);
    case 'ReopenInspection':
      return reopen(command, state);
    case 'RecordSuggestions':
      return recordSuggestions(command, state);
    case 'AcceptSuggestion':
      return acceptSuggestion(command, state);
    case 'DismissSuggestion':
      return dismissSuggestion(command, state);
    case 'ResolveDataQualityIssue':
      return resolveDataQualityIssue(command, state);
    case 'CloseRectificationItem':
      return closeRectificationItem(command, state);
    case 'RecordVisit':
      return recordVisit(command, state);
    case 'RecordCorrectionSent':
      return recordCorrectionSent(command, state);
    default:
      return assertNever(command, 'household inspection command');
  }
}

function assign(command: AssignInspection, state: HouseholdInspectionState): readonly HouseholdInspectionEvent[] {
  const { teamId, inspectorIds } = command.data;
  const problems: DomainProblem[] = [];
  if (typeof teamId !== 'string' || teamId.trim() === '')
    problems.push(inspectionProblem('inspection.team-required', 'teamId'));
  const ids: readonly unknown[] = Array.isArray(inspectorIds) ? inspectorIds : [];
  const blank = ids.some((id) => typeof id !== 'string' || id.trim() === '');
  if (ids.length === 0 || blank || new Set(ids).size !== ids.length)
    problems.push(inspectionProblem('inspection.inspectors-required', 'inspectorIds'));
  throwIfAny(problems);
  if (state.kind === 'opened') {
    if (state.completion !== null) throw inspectionError('inspection.completed');
    const current = state.assignment;
    if (current?.teamId === teamId && sameList(current.inspectorIds, inspectorIds)) return [];
  }
  return [
    ...opening(command.facts, state),
    { type: 'HouseholdInspectionAssigned', data: { teamId, inspectorIds: [...inspectorIds] } },
  ];
}

function reopen(command: ReopenInspection, state: HouseholdInspectionState): readonly HouseholdInspectionEvent[] {
  const inspection = started(state);
  checkReason(command.data.reason, 'reason');
  if (inspection.completion === null) throw inspectionError('inspection.not-completed');
  return [
    {
      type: 'HouseholdInspectionReopened',
      data: { round: inspection.round + 1, reason: command.data.reason, reopenedOn: command.facts.today },
    },
  ];
}

function recordCorrectionSent(
  command: RecordCorrectionSent,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const inspection = started(state);
  if (inspection.corrections.some((c) => c.correctionId === command.data.correctionId)) return [];
  const { correctionId, contactId, kind, answer } = command.data;
  return [{ type: 'HouseholdCorrectionSent', data: { correctionId, contactId, kind, answer } }];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
