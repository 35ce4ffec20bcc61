import {
  addFen,
  netIncomeFen,
  parseIsoDate,
  perCapitaNetIncomeFen,
  yuanToFen,
  type DomainProblem,
  type IncomeComponents,
} from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { RecordIncome, RecordRigidExpenditure, ReportRiskEvent } from './household.commands';
import { householdError, householdProblem, throwIfAny } from './household.errors';
import type { HouseholdEvent } from './household.events';
import type { IncomeRecord, RegisteredHousehold, RigidExpenditureRecord, RiskEventRecord } from './household.state';
import { canonicalPeriod, checkAmount, checkId, checkPeriod, requireToday } from './household.validation';

/**
 * RecordIncome: per-capita net income over the members living in the household (DOMAIN.md),
 * stored with the event. Components are not negative (DOMAIN.md "Data quality rules": business
 * losses go into production costs). A new record for a period replaces the old one; the same
 * record again (same figures, same resident members) produces nothing.
 */
export function recordIncome(command: RecordIncome, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const { period, components } = command.data;
  requireToday(command.facts.today);
  const problems: DomainProblem[] = [];
  checkPeriod(period, command.facts.today, problems);
  for (const field of [
    'wagesYuan',
    'netBusinessYuan',
    'netPropertyYuan',
    'netTransferYuan',
    'productionCostsYuan',
  ] as const) {
    checkAmount(components[field], 'income.component-negative', `components.${field}`, problems);
  }
  const residentMembers = state.members.filter((m) => m.profile.livesInHousehold).length;
  if (residentMembers === 0) problems.push(householdProblem('income.no-resident-members'));
  throwIfAny(problems);
  const inFen: IncomeComponents = {
    wagesFen: yuanToFen(components.wagesYuan),
    netBusinessFen: yuanToFen(components.netBusinessYuan),
    netPropertyFen: yuanToFen(components.netPropertyYuan),
    netTransferFen: yuanToFen(components.netTransferYuan),
    productionCostsFen: yuanToFen(components.productionCostsYuan),
  };
  const record: IncomeRecord = {
    period: canonicalPeriod(period),
    components: inFen,
    netIncomeFen: netIncomeFen(inFen),
    residentMembers,
    perCapitaNetIncomeFen: perCapitaNetIncomeFen(inFen, residentMembers),
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

/** ReportRiskEvent: the caller's report id makes a re-sent report a no-op; the same id with other details is refused. */
export function reportRiskEvent(command: ReportRiskEvent, state: RegisteredHousehold): readonly HouseholdEvent[] {
  const { riskEventId, kind, occurredOn, lossYuan } = command.data;
  const { today } = command.facts;
  requireToday(today);
  const problems: DomainProblem[] = [];
  checkId(riskEventId, 'risk-event.id-required', 'riskEventId', problems);
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
