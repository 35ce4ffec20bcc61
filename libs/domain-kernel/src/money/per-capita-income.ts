import { DomainError } from '../errors/domain-error';
import { addFen, divideFen, subtractFen, type Fen } from './money';

/** A household's income for a period, by component, in fen (DOMAIN.md "Households and people"). */
export interface IncomeComponents {
  /** Wages and salaries (工资性收入). */
  readonly wagesFen: Fen;
  /**
   * Gross income from household business, farming included (生产经营性收入), before its costs:
   * the sheets and the statistics bureau's survey record it gross, and the costs come off once,
   * as {@link productionCostsFen}.
   */
  readonly grossBusinessFen: Fen;
  /** Property income: rents, dividends, land transfer (财产性收入). */
  readonly propertyFen: Fen;
  /** Transfer income: pensions, subsidies, remittances (转移性收入). */
  readonly transferFen: Fen;
  /** Production and operating costs (生产经营费用支出), subtracted once from the sum. */
  readonly productionCostsFen: Fen;
}

/** Net income for the period: wages + gross business + property + transfer − production costs (DOMAIN.md). */
export function netIncomeFen(components: IncomeComponents): Fen {
  return subtractFen(
    addFen(components.wagesFen, components.grossBusinessFen, components.propertyFen, components.transferFen),
    components.productionCostsFen,
  );
}

/**
 * Per-capita net income (人均纯收入) = net income ÷ members (DOMAIN.md). Which members count (the
 * household's members, or only those living in it) is the province's survey convention, so the
 * caller decides and passes the count. Rounded once,
 * at the end, half up to the fen (四舍五入): the total is exact in fen, so the only rounding is
 * the division's, and the same inputs give the same figure in every service. The result is
 * compared with the monitoring line, so deciders store it in the event rather than have each
 * reader recompute it. It is negative when costs exceed income. Throws `income.no-members`
 * when `members` is not a positive integer.
 */
export function perCapitaNetIncomeFen(components: IncomeComponents, members: number): Fen {
  if (!Number.isSafeInteger(members) || members <= 0) {
    throw new DomainError({
      code: 'income.no-members',
      field: 'members',
      message: '人均纯收入须按至少一名家庭成员计算 / Per-capita net income needs at least one member to divide by',
    });
  }
  return divideFen(netIncomeFen(components), members, 'half-up');
}
