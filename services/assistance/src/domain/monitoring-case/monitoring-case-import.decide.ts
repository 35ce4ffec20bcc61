import { parseDivisionCode, throwIfAny } from '@relapse-watch/domain-kernel';
import { caseError, caseProblem } from './monitoring-case.errors';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import type { MonitoringCaseImported } from './monitoring-case-import.events';
import type { ImportCase } from './monitoring-case-import.commands';
import { checkDate, checkId, commonProblems, sameStep, stepRecord } from './monitoring-case.guards';
import type { MonitoringCaseState } from './monitoring-case.state';
import { checkRiskTypes, isMonitoringCategory } from './monitoring-case.validation';
import { LEAD_SOURCES } from './monitoring-case.values';

/**
 * Imports a case from the national system: identified on `on`, eliminated on `eliminatedOn` when
 * given (not before identification, not after today). Every input problem is reported at once.
 * The same import again is a no-op, whoever re-sends it; a case that exists otherwise (opened
 * here, or imported with other data) is refused, so a re-import never rewrites a history.
 */
export function importCase(command: ImportCase, state: MonitoringCaseState): readonly MonitoringCaseEvent[] {
  const { data, facts } = command;
  const problems = commonProblems(command, false);
  checkId(data.caseId, 'caseId', problems);
  checkId(data.householdId, 'householdId', problems);
  const village = parseDivisionCode(data.villageCode);
  if (!village.ok || village.tier !== 'village') problems.push(caseProblem('case.village-code', 'villageCode'));
  if (!(LEAD_SOURCES as readonly unknown[]).includes(data.leadSource))
    problems.push(caseProblem('case.lead-source', 'leadSource'));
  if (!isMonitoringCategory(data.category)) problems.push(caseProblem('case.category', 'category'));
  checkRiskTypes(data.riskTypes, 'riskTypes', problems);
  const eliminatedOn = data.eliminatedOn ?? null;
  if (eliminatedOn !== null && checkDate(eliminatedOn, facts.today, 'eliminatedOn', problems) && eliminatedOn < data.on)
    problems.push(caseProblem('case.date-order', 'eliminatedOn'));
  throwIfAny(problems);
  const imported: MonitoringCaseImported = {
    type: 'MonitoringCaseImported',
    data: {
      ...stepRecord(command),
      caseId: data.caseId,
      householdId: data.householdId,
      villageCode: data.villageCode,
      leadSource: data.leadSource,
      category: data.category,
      riskTypes: [...data.riskTypes].sort(),
      eliminatedOn,
    },
  };
  if (state.kind === 'opened') {
    if (state.imported !== null && sameStep(state.imported, imported.data)) return [];
    throw caseError('case.already-open', 'caseId');
  }
  return [imported];
}
