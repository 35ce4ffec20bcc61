import { residentIdCheckCharacter, DomainError } from '@relapse-watch/domain-kernel';
import type { DivisionDirectory } from '../divisions/division-directory';
import type { HousingGrade, ThreePlusOneStatus } from '../domain/household/household.values';
import type {
  SheetHousehold,
  SheetHouseholdStatus,
  SheetIncome,
  SheetMember,
  SheetRigidExpenditure,
} from '../import/household-sheet.types';
import { familyNameFor, fullName, namingTraditionOf } from './chinese-names';
import { profileFor, sketchHousehold, type MemberSketch } from './member.generator';
import { SeededRandom } from './seeded-random';

/**
 * What to generate. Everything that is policy (the monitoring line, the income year) is an
 * option here, never a constant: the generator serves any province and year (DOMAIN.md).
 */
export interface ProvinceGeneratorOptions {
  /** Two-digit province code; the directory must hold its tree. */
  readonly provinceCode: string;
  readonly households: number;
  /** Same seed and options, same households, in the same order. */
  readonly seed: number | string;
  /** A county or township (or the province, or one village) to keep the households inside. */
  readonly within?: string;
  /** Calendar year of the income columns; default 2024. */
  readonly incomeYear?: number;
  /** Per-capita net income line, yuan, the incomes spread around; default 7,000 (configuration, not a rule). */
  readonly monitoringLineYuan?: number;
  /** The date ages are reckoned on (`YYYY-MM-DD`); default 31 December of the income year. */
  readonly asOf?: string;
}

/** Defaults of {@link ProvinceGeneratorOptions}: a 2024 sheet around a 7,000 yuan line. */
export const GENERATOR_DEFAULTS = { incomeYear: 2024, monitoringLineYuan: 7_000 } as const;

// Plausible shares for Sichuan (rounded, from the province's 2020–2024 reports): about one rural
// household in seven left poverty in the 2014–2020 campaign, most of them in 2017–2019, and a fifth
// of those moved to resettlement sites (1.36 million of 6.25 million people), with some ordinary
// households moving along with them.
const SIZE_WEIGHTS = [
  [1, 14],
  [2, 24],
  [3, 21],
  [4, 19],
  [5, 13],
  [6, 9],
] as const;
const ALLEVIATED_SHARE = 0.14;
const YEAR_LEFT_WEIGHTS = [
  [2014, 5],
  [2015, 8],
  [2016, 15],
  [2017, 15],
  [2018, 20],
  [2019, 25],
  [2020, 12],
] as const;
const RELOCATED_SHARE = { alleviated: 0.2, ordinary: 0.015 } as const;
const URBAN_HUKOU_SHARE = 0.02;
const HOUSING_WEIGHTS: readonly (readonly [HousingGrade, number])[] = [
  ['A', 55],
  ['B', 43],
  ['C', 1.5],
  ['D', 0.5],
];
/** Median per-capita net income as a multiple of the line, and the spread (σ of its logarithm). */
const INCOME_SPREAD = { alleviated: { median: 1.9, sigma: 0.4 }, ordinary: { median: 2.4, sigma: 0.45 } } as const;

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);

/**
 * Synthetic households of one province, lazily: one household at a time, so 100,000 or more
 * never sit in memory together. Households are spread over the real villages of the division
 * tree (inside `within` when given) in village-code order, numbered per village from `0001`.
 * Members carry valid resident IDs registered in their village's county, unique for the run: the
 * only state kept across households is a set of the IDs issued (a number each, about 40 bytes)
 * and the village list.
 * @throws DomainError `division.unknown` / `division-code.format` for a bad `within`, and
 *   `generator.options` for bad counts, years or lines.
 */
export function* generateProvinceHouseholds(
  directory: DivisionDirectory,
  options: ProvinceGeneratorOptions,
): Generator<SheetHousehold> {
  const settings = checkedOptions(directory, options);
  const villages = villagesOf(directory, settings.scope);
  if (villages.length === 0) throw generatorError('范围内没有村', 'no village lies inside the given unit');
  const root = new SeededRandom(options.seed);
  const counts = spreadOverVillages(root.fork('villages'), villages.length, options.households);
  const ids = new ResidentIdRegistry(settings.asOf);
  let index = 0;
  for (let v = 0; v < villages.length; v++) {
    for (let n = 1; n <= counts[v]; n++) {
      yield household(root.fork(index++), villages[v], String(n).padStart(4, '0'), settings, ids);
    }
  }
}

interface Settings {
  readonly scope: string;
  readonly incomeYear: number;
  readonly lineYuan: number;
  readonly asOf: string;
}

function checkedOptions(directory: DivisionDirectory, options: ProvinceGeneratorOptions): Settings {
  const provinceUnit = `${options.provinceCode}0000000000`;
  directory.node(provinceUnit);
  const scope = options.within ?? provinceUnit;
  if (!directory.isWithin(scope, provinceUnit))
    throw generatorError('--within 不在该省内', '--within is not inside the province');
  if (!Number.isInteger(options.households) || options.households < 0)
    throw generatorError('户数须为非负整数', 'the number of households is a whole number, 0 or more');
  const incomeYear = options.incomeYear ?? GENERATOR_DEFAULTS.incomeYear;
  if (!Number.isInteger(incomeYear) || incomeYear < 2000 || incomeYear > 2100)
    throw generatorError('收入年度须为2000至2100年', 'the income year is between 2000 and 2100');
  const lineYuan = options.monitoringLineYuan ?? GENERATOR_DEFAULTS.monitoringLineYuan;
  if (!(lineYuan > 0 && lineYuan < 1_000_000))
    throw generatorError('监测线须为正数', 'the monitoring line is a positive amount');
  const asOf = options.asOf ?? `${incomeYear}-12-31`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
    throw generatorError('参考日期须为 YYYY-MM-DD', 'the reference date is YYYY-MM-DD');
  return { scope, incomeYear, lineYuan, asOf };
}

function villagesOf(directory: DivisionDirectory, scope: string): string[] {
  const villages: string[] = [];
  const visit = (code: string): void => {
    const unit = directory.node(code);
    if (unit.tier === 'village') villages.push(code);
    else for (const child of directory.children(code)) visit(child.code);
  };
  visit(scope);
  return villages;
}

/**
 * How many households each village gets: weights between 0.4 and 1.6 (villages differ in size),
 * cut by cumulative rounding so the counts add up to `total` exactly.
 */
function spreadOverVillages(random: SeededRandom, villages: number, total: number): Uint32Array {
  const weights = new Float64Array(villages);
  let sum = 0;
  for (let i = 0; i < villages; i++) sum += weights[i] = 0.4 + 1.2 * random.next();
  const counts = new Uint32Array(villages);
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < villages; i++) {
    cumulative += weights[i];
    const upTo = i === villages - 1 ? total : Math.round((cumulative / sum) * total);
    counts[i] = upTo - given;
    given = upTo;
  }
  return counts;
}

function household(
  random: SeededRandom,
  villageCode: string,
  householdNumber: string,
  settings: Settings,
  ids: ResidentIdRegistry,
): SheetHousehold {
  const alleviated = random.chance(ALLEVIATED_SHARE);
  const status: SheetHouseholdStatus = alleviated
    ? { kind: 'poverty-alleviated', yearLeftPoverty: random.weighted(YEAR_LEFT_WEIGHTS) }
    : { kind: 'ordinary' };
  const flags = {
    relocatedToResettlementSite: random.chance(alleviated ? RELOCATED_SHARE.alleviated : RELOCATED_SHARE.ordinary),
    urbanHukou: random.chance(URBAN_HUKOU_SHARE),
  };
  const tradition = namingTraditionOf(villageCode);
  const family = familyNameFor(random, tradition);
  const sketches = sketchHousehold(random, random.weighted(SIZE_WEIGHTS));
  const members: SheetMember[] = sketches.map((sketch) => ({
    // A spouse, child-in-law or sibling keeps their own surname; children and grandchildren take the head's line.
    name: fullName(random, tradition, sketch.sex, inheritsName(sketch) ? family : familyNameFor(random, tradition)),
    residentId: ids.issue(random, villageCode.slice(0, 6), sketch),
    profile: profileFor(random, sketch),
  }));
  const threePlusOne: ThreePlusOneStatus = {
    foodAndClothingSecured: random.chance(0.998),
    compulsoryEducationSecured: !members.some((m) => m.profile.schooling === 'dropped-out'),
    medicalInsuranceCovered: members.every((m) => m.profile.medicalInsuranceEnrolled),
    housingGrade: random.weighted(HOUSING_WEIGHTS),
    drinkingWaterSafe: random.chance(0.99),
  };
  return {
    villageCode,
    householdNumber,
    status,
    flags,
    income: income(random, members, alleviated, settings),
    rigidExpenditure: rigidExpenditure(random, members, settings),
    threePlusOne,
    members,
  };
}

/** School stages that cost a household real money (fees, board, travel); compulsory schooling costs little. */
const COSTLY_SCHOOLING: ReadonlySet<string> = new Set([
  'senior-secondary',
  'secondary-vocational',
  'higher-vocational',
  'undergraduate-or-above',
]);

/**
 * Rigid expenditure of the income year, in whole yuan, or null (empty columns) when the household
 * had none: self-paid medical cost where someone is seriously (5,000–40,000) or chronically ill
 * (500–5,000), education where someone is in senior secondary school or beyond (2,000–15,000 each),
 * a disaster loss for about 2 % of households (1,000–30,000). Illustrative ranges, not statistics.
 */
function rigidExpenditure(
  random: SeededRandom,
  members: readonly SheetMember[],
  settings: Settings,
): SheetRigidExpenditure | null {
  let medical = 0;
  let education = 0;
  for (const { profile } of members) {
    if (profile.health.kind === 'serious-illness') medical += random.int(5_000, 40_000);
    else if (profile.health.kind === 'chronic-illness') medical += random.int(500, 5_000);
    if (COSTLY_SCHOOLING.has(profile.schooling)) education += random.int(2_000, 15_000);
  }
  const disaster = random.chance(0.02) ? random.int(1_000, 30_000) : 0;
  if (medical + education + disaster === 0) return null;
  return {
    year: settings.incomeYear,
    medicalAfterReimbursementYuan: String(medical),
    educationYuan: String(education),
    disasterLossYuan: String(disaster),
  };
}

function inheritsName(sketch: MemberSketch): boolean {
  return (
    sketch.relationToHead === 'head' ||
    sketch.relationToHead === 'child' ||
    sketch.relationToHead === 'grandchild' ||
    sketch.relationToHead === 'parent'
  );
}

/**
 * Income components, in whole yuan, whose per-capita net income over the resident members is a
 * log-normal draw around the line: poverty-alleviated households lower and a little more of them
 * under it. Transfers weigh more where nobody works; property income is small; production costs
 * are about a third of business income.
 */
function income(
  random: SeededRandom,
  members: readonly SheetMember[],
  alleviated: boolean,
  settings: Settings,
): SheetIncome {
  const residents = members.filter((m) => m.profile.livesInHousehold).length;
  const working = members.filter((m) => m.profile.employment.status === 'employed').length;
  const labour = members.filter(
    (m) => m.profile.labourCapacity === 'skilled' || m.profile.labourCapacity === 'ordinary',
  ).length;
  const spread = alleviated ? INCOME_SPREAD.alleviated : INCOME_SPREAD.ordinary;
  const labourFactor = labour === 0 ? 0.75 : 1;
  const perCapita = random.logNormal(spread.median * settings.lineYuan * labourFactor, spread.sigma);
  const net = Math.max(0, Math.round(perCapita * residents));
  const transferShare = (alleviated ? 0.22 : 0.12) + (labour === 0 ? 0.3 : 0) + 0.05 * random.next();
  const property = Math.round(net * 0.02 * random.next());
  const transfer = Math.round(net * transferShare);
  const rest = Math.max(0, net - property - transfer);
  const wages = Math.round(rest * (working > 0 ? 0.55 + 0.3 * random.next() : 0.1 * random.next()));
  const businessNet = net - property - transfer - wages;
  const business = Math.max(businessNet, Math.round(businessNet / (0.6 + 0.15 * random.next())));
  return {
    year: settings.incomeYear,
    wagesYuan: String(wages),
    netBusinessYuan: String(business),
    netPropertyYuan: String(property),
    netTransferYuan: String(transfer),
    productionCostsYuan: String(business - businessNet),
  };
}

/**
 * Issues resident IDs (GB 11643: registration county, birth date, sequence with the sex in its
 * parity, MOD 11-2 check character) never issued before in this run. Remembers each as one number
 * (county, day, sequence), so uniqueness costs a few tens of bytes per person.
 */
class ResidentIdRegistry {
  private readonly issued = new Set<number>();
  private readonly counties = new Map<string, number>();
  private readonly asOfMs: number;

  constructor(asOf: string) {
    this.asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  }

  issue(random: SeededRandom, county: string, sketch: MemberSketch): string {
    let countyIndex = this.counties.get(county);
    if (countyIndex === undefined) this.counties.set(county, (countyIndex = this.counties.size));
    // Born `age` years and up to a year before the reference date: old enough, never after it.
    const birthMs =
      Date.UTC(
        new Date(this.asOfMs).getUTCFullYear() - sketch.age,
        new Date(this.asOfMs).getUTCMonth(),
        new Date(this.asOfMs).getUTCDate(),
      ) -
      random.int(0, 364) * DAY_MS;
    const day = Math.round((birthMs - EPOCH_1900) / DAY_MS);
    const parity = sketch.sex === 'male' ? 1 : 0;
    let sequence = random.int(0, 499) * 2 + parity;
    for (let tries = 0; this.issued.has((countyIndex * 80_000 + day) * 1_000 + sequence); tries++) {
      if (tries >= 500)
        throw generatorError(
          '某县某日出生的人数超过身份证顺序码容量',
          'more people born on one day in one county than ID sequence numbers',
        );
      sequence = (sequence + 2) % 1_000;
    }
    this.issued.add((countyIndex * 80_000 + day) * 1_000 + sequence);
    const birth = new Date(EPOCH_1900 + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${county}${birth}${String(sequence).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  }
}

function generatorError(zh: string, en: string): DomainError {
  return new DomainError({ code: 'generator.options', message: `${zh} / ${en}` });
}
