import type { SheetIncome, SheetMember } from '../import/household-sheet.types';
import type { SeededRandom } from './seeded-random';

/**
 * Mean per-capita income of rural residents in the counties that left poverty (脱贫县农村居民人均
 * 可支配收入), yuan, National Bureau of Statistics: 2020 and 2023 from its report of 20 Sep 2024
 * (12,588 → 16,396), 2021 from its report of 11 Oct 2022 (14,051), 2022 and 2024 from the yearly
 * statistical bulletins (15,111 and 17,522). The generator centres poverty-alleviated households
 * on it (source list and caveats: src/import/README.md, "Generator").
 */
export const ALLEVIATED_MEAN_INCOME_BY_YEAR: Readonly<Record<number, number>> = {
  2020: 12_588,
  2021: 14_051,
  2022: 15_111,
  2023: 16_396,
  2024: 17_522,
};
/** Years outside the table: 11.6 % a year before (poverty areas 2013–2020, NBS), 6.9 % after (2024). */
const GROWTH = { before: 1.116, after: 1.069 } as const;
/**
 * Ordinary rural households: the national rural mean over the poverty counties' (2023: 21,691 ÷
 * 16,396, the same NBS report).
 */
export const ORDINARY_TO_ALLEVIATED_INCOME = 1.32;

/** σ of the logarithm of per-capita income. */
const SPREAD = { alleviated: 0.4, ordinary: 0.45 } as const;
/**
 * Households whose per-capita income is drawn between half the monitoring line and just under it,
 * besides the log-normal's own tail: the households the monitoring exists to find, at any line.
 */
const BELOW_LINE_TAIL = { alleviated: 0.03, ordinary: 0.01 } as const;
/** A household without labour earns less; those with labour a little more, so the mean stays on the reference. */
const LABOUR_FACTOR = { none: 0.75, some: 1.04 } as const;

/** The reference mean per-capita income of a year, yuan. */
export function meanPerCapitaIncome(year: number, alleviated: boolean): number {
  const years = Object.keys(ALLEVIATED_MEAN_INCOME_BY_YEAR).map(Number);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const base =
    year < first
      ? ALLEVIATED_MEAN_INCOME_BY_YEAR[first] / GROWTH.before ** (first - year)
      : year > last
        ? ALLEVIATED_MEAN_INCOME_BY_YEAR[last] * GROWTH.after ** (year - last)
        : ALLEVIATED_MEAN_INCOME_BY_YEAR[year];
  return alleviated ? base : base * ORDINARY_TO_ALLEVIATED_INCOME;
}

/**
 * Income components, in whole yuan, of a household whose per-capita net income — (wages + gross
 * business + property + transfers − production costs) ÷ household members, DOMAIN.md — is a
 * log-normal draw around the year's reference mean, or (a few) just under the monitoring line.
 * Transfers weigh more where nobody works and for poverty-alleviated households; property income is
 * small; business income is gross, with production costs of a quarter to two fifths of it.
 */
export function householdIncome(
  random: SeededRandom,
  members: readonly SheetMember[],
  alleviated: boolean,
  year: number,
  lineYuan: number,
): SheetIncome {
  let working = 0;
  let labour = 0;
  for (const { profile } of members) {
    if (profile.employment.status === 'employed') working++;
    if (profile.labourCapacity === 'skilled' || profile.labourCapacity === 'ordinary') labour++;
  }
  const sigma = alleviated ? SPREAD.alleviated : SPREAD.ordinary;
  const median =
    meanPerCapitaIncome(year, alleviated) *
    Math.exp((-sigma * sigma) / 2) *
    (labour === 0 ? LABOUR_FACTOR.none : LABOUR_FACTOR.some);
  const perCapita = random.chance(alleviated ? BELOW_LINE_TAIL.alleviated : BELOW_LINE_TAIL.ordinary)
    ? lineYuan * (0.5 + 0.49 * random.next())
    : random.logNormal(median, sigma);
  const net = Math.max(0, Math.floor(perCapita * members.length));
  const transferShare = (alleviated ? 0.22 : 0.12) + (labour === 0 ? 0.3 : 0) + 0.05 * random.next();
  const property = Math.round(net * 0.02 * random.next());
  const transfer = Math.round(net * transferShare);
  const rest = Math.max(0, net - property - transfer);
  const wages = Math.round(rest * (working > 0 ? 0.55 + 0.3 * random.next() : 0.1 * random.next()));
  const businessNet = net - property - transfer - wages;
  const business = Math.max(businessNet, Math.round(businessNet / (0.6 + 0.15 * random.next())));
  return {
    year,
    wagesYuan: String(wages),
    grossBusinessYuan: String(business),
    propertyYuan: String(property),
    transferYuan: String(transfer),
    productionCostsYuan: String(business - businessNet),
  };
}
