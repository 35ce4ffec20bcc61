import type { SheetHousehold } from '../../import/household-sheet.types';

/**
 * Per-capita net income of a generated household as DOMAIN.md defines it, worked out here from
 * the sheet's columns (not by the generator): wages + gross business + property + transfers −
 * production costs, divided by all household members.
 */
export function perCapitaNetIncome({ income: i, members }: SheetHousehold): number {
  const net =
    Number(i.wagesYuan) +
    Number(i.grossBusinessYuan) +
    Number(i.propertyYuan) +
    Number(i.transferYuan) -
    Number(i.productionCostsYuan);
  return net / members.length;
}

/** The share of `households` that pass `test`. */
export function shareOf(households: readonly SheetHousehold[], test: (household: SheetHousehold) => boolean): number {
  return households.filter(test).length / households.length;
}

/** Mean household size (members). */
export function meanSize(households: readonly SheetHousehold[]): number {
  return households.reduce((n, h) => n + h.members.length, 0) / households.length;
}
