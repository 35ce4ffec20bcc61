import { DomainError } from '../errors/domain-error';
import { addFen, divideFen, subtractFen, type Fen } from './money';

/** A household's income for a period, by component, in fen (DOMAIN.md "Households and people"). */
export interface IncomeComponents {
  /** Wages and salaries (工资性收入). */
  readonly wagesFen: Fen;
  /** Net income from household business, farming included (生产经营性收入). */
  readonly netBusinessFen: Fen;
  /** Net income from property: rents, dividends, land transfer (财产性收入). */
  readonly netPropertyFen: Fen;
  /** Net transfer income: pensions, subsidies, remittances (转移性收入). */
  readonly netTransferFen: Fen;
  /** Production and operating costs, subtracted (生产经营性支出). */
  readonly productionCostsFen: Fen;
}

/** Net income for the period: wages + net business + net property + net transfer − production costs. */
export function netIncomeFen(components: IncomeComponents): Fen {
  return subtractFen(
    addFen(components.wagesFen, components.netBusinessFen, components.netPropertyFen, components.netTransferFen),
    components.productionCostsFen,
  );
}

/**
 * Per-capita net income (人均纯收入) = net income ÷ resident members (DOMAIN.md). Rounded once,
 * at the end, half up to the fen (四舍五入): the total is exact in fen, so the only rounding is
 * the division's, and the same inputs give the same figure in every service. The result is
 * compared with the monitoring line, so deciders store it in the event rather than have each
 * reader recompute it. It is negative when costs exceed income. Throws
 * `income.no-resident-members` when `residentMembers` is not a positive integer.
 */
export function perCapitaNetIncomeFen(components: IncomeComponents, residentMembers: number): Fen {
  if (!Number.isSafeInteger(residentMembers) || residentMembers <= 0) {
    throw new DomainError({
      code: 'income.no-resident-members',
      field: 'residentMembers',
      message: '人均纯收入须按至少一名常住成员计算 / Per-capita net income needs at least one resident member',
    });
  }
  return divideFen(netIncomeFen(components), residentMembers, 'half-up');
}
