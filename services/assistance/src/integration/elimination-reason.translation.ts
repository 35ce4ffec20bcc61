import type { EvidenceScalarV1, GuardEvidenceV1, GuardReasonV1 } from '@relapse-watch/contracts';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { IncomePeriod } from '../domain/risk-elimination/risk-elimination.input';
import type { EliminationReason } from '../domain/risk-elimination/risk-elimination.reasons';

function fact(name: string, value: EvidenceScalarV1, threshold: EvidenceScalarV1 = null): GuardEvidenceV1 {
  return { fact: name, value, threshold };
}

function periodFacts(prefix: string, period: IncomePeriod): GuardEvidenceV1[] {
  return period.kind === 'calendar-year'
    ? [fact(`${prefix}.kind`, period.kind), fact(`${prefix}.year`, period.year)]
    : [fact(`${prefix}.kind`, period.kind), fact(`${prefix}.endingOn`, period.endingOn)];
}

/**
 * The guard's evidence as `{ fact, value, threshold }` scalars, chosen per reason code: a new code
 * fails to compile here until someone decides what of its evidence may leave the service. What
 * does leave is about the household (its per-capita income against the line, rigid spending,
 * members' labour capacities by position, never a member id), as the registry publishes it.
 */
function evidenceOf(reason: EliminationReason): GuardEvidenceV1[] {
  switch (reason.code) {
    case 'elimination.no-labour-capacity':
      return reason.evidence.labourCapacities.map((capacity, i) => fact(`members.${i}.labourCapacity`, capacity));
    case 'elimination.no-income-record':
      return [fact('today', reason.evidence.today)];
    case 'elimination.income-below-line': {
      const { period, year, perCapitaNetIncomeFen, lineFen } = reason.evidence;
      return [
        fact('incomes.latest.perCapitaNetIncomeFen', perCapitaNetIncomeFen, lineFen),
        fact('incomes.latest.year', year),
        ...periodFacts('incomes.latest.period', period),
      ];
    }
    case 'elimination.line-not-configured':
      return [fact('incomes.latest.year', reason.evidence.year)];
    case 'elimination.income-not-stable': {
      const { monthsRequired, monthsStable, window, brokenAt } = reason.evidence;
      return [
        fact('incomes.monthsStable', monthsStable, monthsRequired),
        fact('incomes.window.from', window.from),
        fact('incomes.window.to', window.to),
        ...(brokenAt === null
          ? []
          : [fact('incomes.brokenAt.month', brokenAt.month), fact('incomes.brokenAt.cause', brokenAt.cause)]),
      ];
    }
    case 'elimination.rigid-spending-unresolved': {
      const { itemId, kind, amountFen } = reason.evidence;
      return [
        fact('rigidExpenditures.itemId', itemId),
        fact('rigidExpenditures.kind', kind),
        fact('rigidExpenditures.amountFen', amountFen),
      ];
    }
    case 'elimination.three-plus-one-not-assessed':
      return [];
    case 'elimination.three-plus-one-not-secured': {
      const { item, housingGrade } = reason.evidence;
      const grade = housingGrade === undefined ? [] : [fact('threePlusOne.housingGrade', housingGrade)];
      return [fact('threePlusOne.item', item), ...grade];
    }
    case 'elimination.risk-not-gone':
      return [fact('riskTypes.code', reason.evidence.riskType)];
    default:
      return assertNever(reason, 'elimination reason');
  }
}

/** One of the guard's reasons as `EliminationRefused.v1` publishes it. */
export function guardReasonV1(reason: EliminationReason): GuardReasonV1 {
  return { code: reason.code, field: reason.field, message: reason.message, evidence: evidenceOf(reason) };
}
