import {
  addFen,
  netIncomeFen,
  parseIsoDate,
  perCapitaNetIncomeFen,
  yuanToFen,
  type DomainProblem,
  type IncomeComponents,
} from '@relapse-watch/domain-kernel';
import { isRiskTypeCode } from '../risk-types/risk-types';
import { isDeepStrictEqual } from 'node:util';
import type { RecordIncome, RecordRigidExpenditure, ReportRiskEvent } from './household.commands';
import { householdError, householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent, IncomeRecorded } from './household.events';
import { divisorMembers } from './household-per-capita';
import type { RegisteredHousehold, RigidExpenditureRecord, RiskEventRecord } from './household.state';
import { canonicalPeriod, checkAmount, checkId, checkPeriod, requireToday } from './household.validation';

/**
 * RecordIncome: net income = wages + gross business + property + transfer − production costs,
 * costs subtracted once; per-capita net income over the members the province's divisor rule
 * counts (DOMAIN.md), stored with the event. Components are not negative (DOMAIN.md "Data
 * quality rules": business losses go into production costs). A new record for a period replaces
 * the old one; the same record again (same figures, rule and divisor) produces nothing.
 */
export function recordIncome(command: RecordIncome, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const { period, components } = command.data;
  const { today, perCapitaDivisorRule: rule } = command.facts;
  requireToday(today);
  const problems: DomainProblem[] = [];
  checkPeriod(period, today, problems);
  for (const field of [
    'wagesYuan',
    'grossBusinessYuan',
    'propertyYuan',
    'transferYuan',
    'productionCostsYuan',
  ] as const) {
    checkAmount(components[field], 'income.component-negative', `components.${field}`, problems);
  }
  const members = divisorMembers(state.members, rule);
  if (members === 0)
    problems.push(householdProblem(rule === 'resident-members' ? 'income.no-resident-members' : 'income.no-members'));
  throwIfAny(problems);
  const inFen: IncomeComponents = {
    wagesFen: yuanToFen(components.wagesYuan),
    grossBusinessFen: yuanToFen(components.grossBusinessYuan),
    propertyFen: yuanToFen(components.propertyYuan),
    transferFen: yuanToFen(components.transferYuan),
    productionCostsFen: yuanToFen(components.productionCostsYuan),
  };
  const record: Omit<IncomeRecorded['data'], 'householdId'> = {
    period: canonicalPeriod(period),
    components: inFen,
    netIncomeFen: netIncomeFen(inFen),
    divisorRule: rule,
    divisorMembers: members,
    perCapitaNetIncomeFen: perCapitaNetIncomeFen(inFen, members),
  };
  if (state.incomes.some((r) => isDeepStrictEqual(r, record))) return [];
  return [{ type: 'IncomeRecorded', data: { householdId: state.householdId, ...record } }];
}

/** RecordRigidExpenditure: amounts are not negative; a new record for a period replaces the old one, the same one again produces nothing. */
export function recordRigidExpenditure(
  command: RecordRigidExpenditure,
  state: RegisteredHousehold,
): readonly HouseholdEvent[] {
  const { period, medicalAfterReimbursementYuan, educationYuan, disasterLossYuan } = command.data;
  requireToday(command.facts.today);
  const problems: DomainProblem[] = [];
  checkPeriod(period, command.facts.today, problems);
  checkAmount(
    medicalAfterReimbursementYuan,
    'rigid-expenditure.amount-negative',
    'medicalAfterReimbursementYuan',
    problems,
  );
  checkAmount(educationYuan, 'rigid-expenditure.amount-negative', 'educationYuan', problems);
  checkAmount(disasterLossYuan, 'rigid-expenditure.amount-negative', 'disasterLossYuan', problems);
  throwIfAny(problems);
  const medical = yuanToFen(medicalAfterReimbursementYuan);
  const education = yuanToFen(educationYuan);
  const disaster = yuanToFen(disasterLossYuan);
  const record: RigidExpenditureRecord = {
    period: canonicalPeriod(period),
    medicalAfterReimbursementFen: medical,
    educationFen: education,
    disasterLossFen: disaster,
    totalFen: addFen(medical, education, disaster),
  };
  if (state.rigidExpenditures.some((r) => isDeepStrictEqual(r, record))) return [];
  return [{ type: 'RigidExpenditureRecorded', data: { householdId: state.householdId, ...record } }];
}

/**
 * ReportRiskEvent: the risk type is a code the national list or the household's province knows
 * (reference data, DOMAIN.md); the caller's report id makes a re-sent report a no-op; the same id
 * with other details is refused.
 */
export function reportRiskEvent(command: ReportRiskEvent, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const { riskEventId, kind, occurredOn, lossYuan } = command.data;
  const { today, riskTypeKnown } = command.facts;
  requireToday(today);
  const problems: DomainProblem[] = [];
  checkId(riskEventId, 'risk-event.id-required', 'riskEventId', problems);
  if (!isRiskTypeCode(kind)) problems.push(householdProblem('risk-event.type-format', 'kind'));
  else if (!riskTypeKnown) problems.push(householdProblem('risk-event.type-unknown', 'kind'));
  if (typeof occurredOn !== 'string' || parseIsoDate(occurredOn) === null)
    problems.push(householdProblem('risk-event.date-format', 'occurredOn'));
  else if (occurredOn > today) problems.push(householdProblem('risk-event.date-in-future', 'occurredOn'));
  checkAmount(lossYuan, 'risk-event.loss-negative', 'lossYuan', problems);
  throwIfAny(problems);
  const record: RiskEventRecord = { riskEventId, kind, occurredOn, lossFen: yuanToFen(lossYuan) };
  const existing = state.riskEvents.find((r) => r.riskEventId === riskEventId);
  if (existing !== undefined) {
    if (isDeepStrictEqual(existing, record)) return [];
    throw householdError('risk-event.already-reported', 'riskEventId');
  }
  return [{ type: 'RiskEventReported', data: { householdId: state.householdId, ...record } }];
}
