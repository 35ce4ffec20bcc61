import { registrationPrefixHistory } from '../divisions/registration-prefix.history';
import type { MemberSketch } from './member.generator';
import type { SeededRandom } from './seeded-random';

/** A county code retired since resident IDs were first issued, and the code that took over its territory. */
export interface RetiredRegistrationCode {
  readonly code: string;
  /** The first year numbers were no longer issued under it. */
  readonly retired: number;
  readonly successor: string;
}

/** Where the registration prefixes of generated members come from, besides the household's county. */
export interface RegistrationOrigins {
  /** County-level codes in use today, by two-digit province code, in code order. */
  readonly countiesByProvince: ReadonlyMap<string, readonly string[]>;
  /** Retired codes with their successors; a county may have a chain of them. */
  readonly retired: readonly RetiredRegistrationCode[];
}

let loaded: RegistrationOrigins | undefined;

/**
 * The one place that knows where the prefixes come from: the registry's table of every GB/T 2260
 * code since 1980 ({@link registrationPrefixHistory}): today's counties by province, and the
 * retired county codes whose successor today's names show (双流县 510122 → 双流区 510116, retired
 * 2016), as the API accepts them. Read once per process.
 */
export function registrationOrigins(): RegistrationOrigins {
  if (loaded !== undefined) return loaded;
  const history = registrationPrefixHistory();
  const countiesByProvince = new Map<string, string[]>();
  for (const prefix of history.current) {
    const province = prefix.slice(0, 2);
    countiesByProvince.set(province, [...(countiesByProvince.get(province) ?? []), prefix]);
  }
  const retired = history.retired.flatMap(({ code, retired: year, successor }) =>
    successor === null ? [] : [{ code, retired: year, successor }],
  );
  loaded = { countiesByProvince, retired };
  return loaded;
}

/**
 * A spouse or child-in-law married in from another county in 15 % of cases: 70 % of those from
 * the same prefecture, 20 % from another prefecture of the province, 10 % from another province,
 * mostly neighbours (plausible shares for synthetic data).
 */
const MARRIED_IN_FROM_ELSEWHERE = 0.15;
const MARRIED_IN_ORIGIN = [
  ['prefecture', 70],
  ['province', 20],
  ['other-province', 10],
] as const;
const NEIGHBOUR_PROVINCES = [
  ['50', 40],
  ['53', 15],
  ['52', 15],
  ['61', 10],
  ['62', 5],
  ['42', 5],
  ['43', 5],
  ['54', 3],
  ['63', 2],
] as const;
/** First-generation resident ID cards were issued from 1985: older people got their number then. */
const FIRST_ISSUE_YEAR = 1985;

/**
 * Picks the registration prefix of a member: the county where the number was first issued (a
 * married-in spouse's home county), under the code in force that year (GB 11643: it never changes).
 */
export class RegistrationPrefixPicker {
  private readonly provinceCounties: readonly string[];
  private readonly byPrefecture = new Map<string, string[]>();
  private readonly otherProvinces: readonly (readonly [string, number])[];
  private readonly predecessors = new Map<string, RetiredRegistrationCode[]>();

  constructor(
    private readonly origins: RegistrationOrigins,
    provinceCounties: readonly string[],
  ) {
    this.provinceCounties = provinceCounties;
    for (const county of provinceCounties)
      this.byPrefecture.set(county.slice(0, 4), [...(this.byPrefecture.get(county.slice(0, 4)) ?? []), county]);
    const own = provinceCounties[0]?.slice(0, 2);
    this.otherProvinces = NEIGHBOUR_PROVINCES.filter(([p]) => p !== own && origins.countiesByProvince.has(p));
    for (const code of origins.retired)
      this.predecessors.set(code.successor, [...(this.predecessors.get(code.successor) ?? []), code]);
  }

  /** The prefix of a member of a household in `county`, born in `birthYear`. */
  prefixFor(random: SeededRandom, county: string, sketch: MemberSketch, birthYear: number): string {
    const marriedIn = sketch.relationToHead === 'spouse' || sketch.relationToHead === 'child-in-law';
    const origin = marriedIn && random.chance(MARRIED_IN_FROM_ELSEWHERE) ? this.elsewhere(random, county) : county;
    return this.codeInForce(random, origin, Math.max(birthYear, FIRST_ISSUE_YEAR));
  }

  /**
   * The code a county's numbers were issued under in `year`: walks back through the retired codes
   * whose successor it is (the earliest retired after that year first, e.g. 511703 → 511721 达县).
   */
  codeInForce(random: SeededRandom, county: string, year: number): string {
    let code = county;
    for (let hops = 0; hops < 8; hops++) {
      const earlier = this.predecessors.get(code)?.filter((r) => r.retired > year);
      if (earlier === undefined || earlier.length === 0) break;
      const first = Math.min(...earlier.map((r) => r.retired));
      const candidates = earlier.filter((r) => r.retired === first);
      code = (candidates.length === 1 ? candidates[0] : random.pick(candidates)).code;
    }
    return code;
  }

  private elsewhere(random: SeededRandom, county: string): string {
    const origin = random.weighted(MARRIED_IN_ORIGIN);
    if (origin === 'other-province' && this.otherProvinces.length > 0) {
      const province = random.weighted(this.otherProvinces);
      return random.pick(this.origins.countiesByProvince.get(province) ?? [county]);
    }
    const pool = origin === 'prefecture' ? (this.byPrefecture.get(county.slice(0, 4)) ?? []) : this.provinceCounties;
    const others = (pool.length > 1 ? pool : this.provinceCounties).filter((c) => c !== county);
    return others.length === 0 ? county : random.pick(others);
  }
}
