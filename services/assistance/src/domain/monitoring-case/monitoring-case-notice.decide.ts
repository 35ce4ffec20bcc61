import { isIsoDate, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import type {
  ClosePublicNotice,
  PostPublicNotice,
  RecordObjection,
  ResolveObjection,
} from './monitoring-case.commands';
import { caseError, caseProblem, caseProblemWith } from './monitoring-case.errors';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import {
  checkDateOrder,
  checkId,
  checkNotClosed,
  checkText,
  commonProblems,
  expectStep,
  opened,
  sameStep,
  stepOutOfOrder,
  stepRecord,
} from './monitoring-case.guards';
import { lastNoticeInForce, type MonitoringCaseState } from './monitoring-case.state';
import { nextStepOf, procedureOf } from './monitoring-case.steps';

// The public notice (公示) both procedures share, with the same rules: it lasts at least the
// province's minimum days (the handler computes the earliest close date from its calendar), and
// closes only when every objection raised against it is resolved.

/** Posts the notice of the procedure under way. */
export function postPublicNotice(
  command: PostPublicNotice,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data, facts } = command;
  const problems = commonProblems(command, false);
  const { closesNoEarlierThan, minimumDays } = facts;
  const periodOk =
    Number.isInteger(minimumDays) &&
    minimumDays > 0 &&
    typeof closesNoEarlierThan === 'string' &&
    isIsoDate(closesNoEarlierThan) &&
    closesNoEarlierThan > data.on;
  if (!periodOk) problems.push(caseProblem('case.notice-period', 'closesNoEarlierThan'));
  throwIfAny(problems);
  const monitored = opened(state);
  const last = lastNoticeInForce(monitored);
  const posted = {
    ...stepRecord(command),
    procedure: procedureOf(monitored.phase),
    noticeNumber: monitored.notices.length + 1,
    closesNoEarlierThan,
    minimumDays,
  };
  if (sameStep(last?.posted ?? null, posted, ['procedure', 'noticeNumber'])) return [];
  expectStep(monitored, 'public-notice');
  checkDateOrder(monitored, data.on);
  return [{ type: 'MonitoringCasePublicNoticePosted', data: posted }];
}

/** Records an objection to the open notice (idempotent by its id). */
export function recordObjection(command: RecordObjection, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, false);
  checkId(data.objectionId, 'objectionId', problems);
  checkText(data.raisedBy, 100, 'raisedBy', problems);
  checkText(data.content, 1000, 'content', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const { objectionId, raisedBy, content } = data;
  const earlier = monitored.objections.find((o) => o.raised.objectionId === objectionId);
  const notice = lastNoticeInForce(monitored);
  const raised = {
    ...stepRecord(command),
    objectionId,
    noticeNumber: notice?.posted.noticeNumber ?? 0,
    raisedBy,
    content,
  };
  if (earlier !== undefined) {
    if (sameStep(earlier.raised, raised, ['noticeNumber'])) return [];
    throw caseError('case.objection-id-taken', 'objectionId');
  }
  checkNotClosed(monitored);
  if (notice === null || nextStepOf(monitored.phase) !== 'public-notice-close') throw stepOutOfOrder(monitored);
  if (data.on < notice.posted.on) throw caseError('case.objection-date', 'on');
  return [{ type: 'MonitoringCaseObjectionRecorded', data: raised }];
}

/**
 * Resolves an objection; the reason is the resolution. An upheld objection to the open notice
 * withdraws it and sends the procedure back to the village review (see the state's evolve).
 */
export function resolveObjection(
  command: ResolveObjection,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, true);
  checkId(data.objectionId, 'objectionId', problems);
  if (typeof data.upheld !== 'boolean') problems.push(caseProblem('case.objection-upheld', 'upheld'));
  throwIfAny(problems);
  const monitored = opened(state);
  const objection = monitored.objections.find((o) => o.raised.objectionId === data.objectionId);
  if (objection === undefined) throw caseError('case.objection-not-found', 'objectionId');
  const { objectionId, noticeNumber } = objection.raised;
  const resolved = { ...stepRecord(command), objectionId, noticeNumber, upheld: data.upheld };
  if (objection.resolution !== null) {
    if (sameStep(objection.resolution, resolved)) return [];
    throw caseError('case.objection-already-resolved', 'objectionId');
  }
  checkNotClosed(monitored);
  if (data.on < objection.raised.on) throw caseError('case.date-order', 'on');
  return [{ type: 'MonitoringCaseObjectionResolved', data: resolved }];
}

/** Closes the open notice: not before its earliest close date, and not with an objection open. */
export function closePublicNotice(
  command: ClosePublicNotice,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  throwIfAny(commonProblems(command, false));
  const monitored = opened(state);
  const notice = lastNoticeInForce(monitored);
  const noticeNumber = notice?.posted.noticeNumber ?? 0;
  const closed = { ...stepRecord(command), procedure: procedureOf(monitored.phase), noticeNumber };
  if (sameStep(notice?.closed ?? null, closed, ['procedure'])) return [];
  expectStep(monitored, 'public-notice-close');
  checkDateOrder(monitored, data.on);
  const problems: DomainProblem[] = [];
  if (notice !== null && data.on < notice.posted.closesNoEarlierThan)
    problems.push(caseProblem('case.notice-too-early', 'on'));
  const open = monitored.objections
    .filter((o) => o.raised.noticeNumber === noticeNumber && o.resolution === null)
    .map((o) => o.raised.objectionId);
  if (open.length > 0) problems.push(caseProblemWith('case.objections-unresolved', 'objections', open.join(', ')));
  throwIfAny(problems);
  return [{ type: 'MonitoringCasePublicNoticeClosed', data: closed }];
}
