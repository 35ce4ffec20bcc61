import { parseIsoDate, type DomainProblem, type IsoDate } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import { isRiskTypeCode } from '../risk-types/risk-types';
import type { NoteLegacyMonitoringRecord } from './household.commands';
import { householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent } from './household.events';
import type { RegisteredHousehold } from './household.state';
import { requireToday } from './household.validation';
import { MONITORING_CATEGORIES, type LegacyMonitoringRecord } from './legacy-monitoring.values';

const isRealDate = (value: unknown): value is IsoDate => typeof value === 'string' && parseIsoDate(value) !== null;

/**
 * The category must fit the base status the household already has: an unstable
 * poverty-alleviated household (脱贫不稳定户) is poverty-alleviated, a marginal one (边缘易致贫户)
 * is ordinary; sudden severe hardship (突发严重困难户) fits either (DOMAIN.md "Monitoring subjects").
 */
function fitsStatus(record: LegacyMonitoringRecord, state: RegisteredHousehold): boolean {
  if (record.category === 'unstable-poverty-alleviated') return state.status.kind === 'poverty-alleviated';
  if (record.category === 'marginal-prone-to-poverty') return state.status.kind === 'ordinary';
  return true;
}

function checkRecord(command: NoteLegacyMonitoringRecord, problems: DomainProblem[]): void {
  const { source, category, identifiedOn, riskTypes, riskEliminated, eliminatedOn } = command.data;
  const { today, unknownRiskTypes } = command.facts;
  if (source !== 'household-sheet') problems.push(householdProblem('legacy-monitoring.source', 'source'));
  if (!MONITORING_CATEGORIES.includes(category))
    problems.push(householdProblem('legacy-monitoring.category', 'category'));
  if (!isRealDate(identifiedOn) || identifiedOn > today)
    problems.push(householdProblem('legacy-monitoring.identified-on', 'identifiedOn'));
  const eliminatedOk = riskEliminated
    ? isRealDate(eliminatedOn) && eliminatedOn <= today && !(isRealDate(identifiedOn) && eliminatedOn < identifiedOn)
    : eliminatedOn === null;
  if (typeof riskEliminated !== 'boolean' || !eliminatedOk)
    problems.push(householdProblem('legacy-monitoring.eliminated-on', 'eliminatedOn'));
  if (!Array.isArray(riskTypes)) {
    problems.push(householdProblem('legacy-monitoring.risk-type-format', 'riskTypes'));
    return;
  }
  riskTypes.forEach((code, i) => {
    if (!isRiskTypeCode(code) || riskTypes.indexOf(code) !== i)
      problems.push(householdProblem('legacy-monitoring.risk-type-format', `riskTypes.${i}`));
    else if (unknownRiskTypes.includes(code))
      problems.push(householdProblem('legacy-monitoring.risk-type-unknown', `riskTypes.${i}`));
  });
}

/**
 * NoteLegacyMonitoringRecord: a declared monitoring record kept as declared (copied field by
 * field), for the assistance context. The same record again produces nothing; it never touches
 * the base status.
 */
export function noteLegacyMonitoringRecord(
  command: NoteLegacyMonitoringRecord,
  state: RegisteredHousehold,
): readonly HouseholdEvent[] {
  requireToday(command.facts.today);
  const problems: DomainProblem[] = [];
  checkRecord(command, problems);
  throwIfAny(problems);
  const { source, category, identifiedOn, riskTypes, riskEliminated, eliminatedOn } = command.data;
  const record: LegacyMonitoringRecord = {
    source,
    category,
    identifiedOn,
    riskTypes: [...riskTypes],
    riskEliminated,
    eliminatedOn,
  };
  if (!fitsStatus(record, state)) throwIfAny([householdProblem('legacy-monitoring.category-status', 'category')]);
  if (state.legacyMonitoring.some((r) => isDeepStrictEqual(r, record))) return [];
  return [{ type: 'LegacyMonitoringRecordNoted', data: { householdId: state.householdId, record } }];
}
