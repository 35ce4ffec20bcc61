import type { CloseRectificationItem, ResolveDataQualityIssue } from './household-inspection.commands';
import { checkReason, started } from './household-inspection.guards';
import { inspectionError } from './household-inspection.errors';
import type { HouseholdInspectionEvent } from './household-inspection.events';
import type { HouseholdInspectionState } from './household-inspection.state';

// What follows an accepted suggestion: the data-quality issue is resolved, the rectification
// item closed, each once, with what was done.

export function resolveDataQualityIssue(
  command: ResolveDataQualityIssue,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { issueId, resolution } = command.data;
  const issue = started(state, 'data-quality-issue.not-found').issues.find((i) => i.issueId === issueId);
  if (issue === undefined) throw inspectionError('data-quality-issue.not-found', 'issueId');
  checkReason(resolution, 'resolution');
  if (issue.resolved !== null) {
    if (issue.resolved.resolution === resolution) return [];
    throw inspectionError('data-quality-issue.already-resolved', 'issueId');
  }
  return [{ type: 'DataQualityIssueResolved', data: { issueId, resolution, resolvedOn: command.facts.today } }];
}

/** Closes a rectification item; one closed after its due date is marked overdue. */
export function closeRectificationItem(
  command: CloseRectificationItem,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { itemId, resolution } = command.data;
  const item = started(state, 'rectification-item.not-found').items.find((i) => i.itemId === itemId);
  if (item === undefined) throw inspectionError('rectification-item.not-found', 'itemId');
  checkReason(resolution, 'resolution');
  if (item.closed !== null) {
    if (item.closed.resolution === resolution) return [];
    throw inspectionError('rectification-item.already-closed', 'itemId');
  }
  const today = command.facts.today;
  return [
    { type: 'RectificationItemClosed', data: { itemId, resolution, closedOn: today, overdue: today > item.dueOn } },
  ];
}
