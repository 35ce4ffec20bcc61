import { throwIfAny } from '@relapse-watch/domain-kernel';
import type {
  ApproveIdentification,
  RecordDepartmentComparison,
  RecordHomeVerification,
  RejectIdentification,
} from './monitoring-case.commands';
import { caseProblem } from './monitoring-case.errors';
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
import type { MonitoringCaseState } from './monitoring-case.state';
import { checkComparisonResults, checkRiskTypes, isMonitoringCategory } from './monitoring-case.validation';

// The identification's own steps (home verification, department comparison, the county's
// decision); the steps it shares with elimination are in monitoring-case-review.decide.ts.

/** Records the home verification; without the household's signed consent it is refused. */
export function recordHomeVerification(
  command: RecordHomeVerification,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, false);
  // The consent letter is what makes the asset checks that follow lawful: no consent, no procedure.
  if (data.consentSigned !== true) problems.push(caseProblem('case.consent-missing', 'consentSigned'));
  checkText(data.findings, 2000, 'findings', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const verified = { ...stepRecord(command), consentSigned: true as const, findings: data.findings };
  if (sameStep(monitored.identification.homeVerification, verified)) return [];
  expectStep(monitored, 'home-verification');
  checkDateOrder(monitored, data.on);
  return [{ type: 'MonitoringCaseHomeVerified', data: verified }];
}

/** Records the other departments' answers, one per department. */
export function recordDepartmentComparison(
  command: RecordDepartmentComparison,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, false);
  checkComparisonResults(data.results, problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const results = data.results.map((r) => ({ department: r.department, finding: r.finding, note: r.note ?? null }));
  const compared = { ...stepRecord(command), results };
  if (sameStep(monitored.identification.comparison, compared)) return [];
  expectStep(monitored, 'department-comparison');
  checkDateOrder(monitored, data.on);
  return [{ type: 'MonitoringCaseDepartmentsCompared', data: compared }];
}

/**
 * The county identifies the household with a category and risk types, which may differ from the
 * rules' suggestion; the suggestion is kept beside the decision so the difference stays visible.
 */
export function approveIdentification(
  command: ApproveIdentification,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  const { data } = command;
  const problems = commonProblems(command, true);
  if (!isMonitoringCategory(data.category)) problems.push(caseProblem('case.category', 'category'));
  checkRiskTypes(data.riskTypes, 'riskTypes', problems);
  throwIfAny(problems);
  const monitored = opened(state);
  const identified = {
    ...stepRecord(command),
    category: data.category,
    riskTypes: [...data.riskTypes].sort(),
    suggestion: monitored.opening.suggestion,
  };
  if (sameStep(monitored.identification.identification, identified)) return [];
  expectStep(monitored, 'identification-decision');
  checkDateOrder(monitored, data.on);
  return [{ type: 'MonitoringCaseIdentified', data: identified }];
}

/** The county turns the identification down: the case ends. */
export function rejectIdentification(
  command: RejectIdentification,
  state: MonitoringCaseState,
): readonly MonitoringCaseEvent[] {
  throwIfAny(commonProblems(command, true));
  const monitored = opened(state);
  const rejected = { ...stepRecord(command), at: 'county' as const };
  if (sameStep(monitored.identification.rejection, rejected)) return [];
  expectStep(monitored, 'identification-decision');
  checkDateOrder(monitored, command.data.on);
  return [{ type: 'MonitoringCaseIdentificationRejected', data: rejected }];
}
