import { throwIfAny } from '@relapse-watch/domain-kernel';
import type { RecordTownshipReview, RecordVillageReview } from './monitoring-case.commands';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import {
  checkDateOrder,
  checkText,
  commonProblems,
  expectStep,
  opened,
  sameStep,
  stepRecord,
} from './monitoring-case.guards';
import { latestShared, type MonitoringCaseState } from './monitoring-case.state';
import { procedureOf } from './monitoring-case.steps';
import { checkOutcome, checkVote } from './monitoring-case.validation';
import type { CaseProcedure, RejectionLevel, StepRecord } from './monitoring-case.values';

// The reviews both procedures share; the procedure is the one the case is in. A review that
// does not approve turns the procedure down at its level: an identification ends the case, an
// elimination leaves the household monitored.

function rejection(procedure: CaseProcedure, record: StepRecord, at: RejectionLevel): MonitoringCaseEvent {
  return procedure === 'identification'
    ? { type: 'MonitoringCaseIdentificationRejected', data: { ...record, at } }
    : { type: 'MonitoringCaseEliminationRejected', data: { ...record, at } };
}

/** Records the village democratic review of the procedure under way. */
export function recordVillageReview(
  command: RecordVillageReview,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, true);
  checkOutcome(data.outcome, problems);
  checkText(data.minutesRef, 100, 'minutesRef', problems);
  checkVote(data.vote ?? null, problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const procedure = procedureOf(monitored.phase);
  const record = stepRecord(command);
  const vote = data.vote
    ? { inFavour: data.vote.inFavour, against: data.vote.against, abstained: data.vote.abstained }
    : null;
  const reviewed = { ...record, procedure, outcome: data.outcome, minutesRef: data.minutesRef, vote };
  if (sameStep(latestShared(monitored, 'villageReview'), reviewed, ['procedure'])) return [];
  expectStep(monitored, 'village-review');
  checkDateOrder(monitored, data.on);
  return [
    { type: 'MonitoringCaseVillageReviewed', data: reviewed },
    ...(data.outcome === 'approved' ? [] : [rejection(procedure, record, 'village-review')]),
  ];
}

/** Records the township review of the procedure under way. */
export function recordTownshipReview(
  command: RecordTownshipReview,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, true);
  checkOutcome(data.outcome, problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const procedure = procedureOf(monitored.phase);
  const record = stepRecord(command);
  const reviewed = { ...record, procedure, outcome: data.outcome };
  if (sameStep(latestShared(monitored, 'townshipReview'), reviewed, ['procedure'])) return [];
  expectStep(monitored, 'township-review');
  checkDateOrder(monitored, data.on);
  return [
    { type: 'MonitoringCaseTownshipReviewed', data: reviewed },
    ...(data.outcome === 'approved' ? [] : [rejection(procedure, record, 'township-review')]),
  ];
}
