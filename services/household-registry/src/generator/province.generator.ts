import { DomainError } from '@relapse-watch/domain-kernel';
import type { DivisionDirectory } from '../divisions/division-directory';
import type { HousingGrade, ThreePlusOneStatus } from '../domain/household/household.values';
import type {
  SheetHousehold,
  SheetHouseholdStatus,
  SheetMember,
  SheetRigidExpenditure,
} from '../import/household-sheet.types';
import { familyNameFor, fullName, namingTraditionOf } from './chinese-names';
import { countyProfileOf, type CountyProfile } from './county-profile';
import { householdIncome } from './household-income';
import { profileFor, sketchHousehold, type MemberSketch } from './member.generator';
import { RegistrationPrefixPicker, registrationOrigins, type RegistrationOrigins } from './registration-origins';
import { ResidentIdRegistry } from './resident-id.registry';
import { SeededRandom } from './seeded-random';
import { villageCommitteesOf } from './village-committees';

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
  /**
   * Per-capita net income line, yuan; default 7,000 (configuration, not a rule). Incomes centre on
   * the year's reference averages; a few percent of households fall under this line.
   */
  readonly monitoringLineYuan?: number;
  /** The date ages are reckoned on (`YYYY-MM-DD`); default 31 December of the income year. */
  readonly asOf?: string;
  /** Where members' other registration prefixes come from; default {@link registrationOrigins}. */
  readonly registrationOrigins?: RegistrationOrigins;
}

/** Defaults of {@link ProvinceGeneratorOptions}: a 2024 sheet around a 7,000 yuan line. */
export const GENERATOR_DEFAULTS = { incomeYear: 2024, monitoringLineYuan: 7_000 } as const;

// About a fifth of poverty-alleviated households moved to resettlement sites (1.36 million of
// 6.25 million people in Sichuan), with some ordinary households moving along with them.
const RELOCATED_SHARE = { alleviated: 0.2, ordinary: 0.015 } as const;
const URBAN_HUKOU_SHARE = 0.02;
const HOUSING_WEIGHTS: readonly (readonly [HousingGrade, number])[] = [
  ['A', 55],
  ['B', 43],
  ['C', 1.5],
  ['D', 0.5],
];

/**
 * Synthetic households of one province, lazily: one household at a time, so 100,000 or more
 * never sit in memory together. Households are spread over the village committees (村民委员会,
 * never residents' committees) of the division tree, inside `within` when given, in village-code
 * order, numbered per village from `0001`; a unit with none (a city district) holds no rural
 * household. Shares of poverty-alleviated households and household sizes follow the county
 * ({@link countyProfileOf}). Members carry valid resident IDs, unique for the run, mostly
 * registered in the village's county (a few under its retired codes or from another county:
 * {@link RegistrationPrefixPicker}); the only state kept across households is a set of the IDs
 * issued (a number each, about 40 bytes), the village list and one profile per county.
 * @throws DomainError `division.unknown` / `division-code.format` for a bad `within`, and
 *   `generator.options` for bad counts, years or lines, or a unit without village committees.
 */
export function* generateProvinceHouseholds(
  directory: DivisionDirectory,
  options: ProvinceGeneratorOptions,
): Generator<SheetHousehold> {
  const settings = checkedOptions(directory, options);
  const villages = villageCommitteesOf(directory, settings.scope);
  if (villages.length === 0)
    throw generatorError(
      '范围内没有村民委员会（城区的居民委员会没有农户）',
      'no village committee lies inside the given unit (residents’ committees hold no rural households)',
    );
  const root = new SeededRandom(options.seed);
  const counts = spreadOverVillages(root.fork('villages'), villages.length, options.households);
  const counties = directory
    .children(`${options.provinceCode}0000000000`)
    .flatMap((city) =>
      city.tier === 'county' ? [city.code.slice(0, 6)] : directory.children(city.code).map((c) => c.code.slice(0, 6)),
    );
  const context: HouseholdContext = {
    settings,
    ids: new ResidentIdRegistry(settings.asOf),
    prefixes: new RegistrationPrefixPicker(options.registrationOrigins ?? registrationOrigins(), counties),
    profiles: new Map(),
  };
  let index = 0;
  for (let v = 0; v < villages.length; v++) {
    for (let n = 1; n <= counts[v]; n++) {
      yield household(root.fork(index++), villages[v], String(n).padStart(4, '0'), context);
    }
  }
}

interface Settings {
  readonly scope: string;
  readonly incomeYear: number;
  readonly lineYuan: number;
  readonly asOf: string;
}

interface HouseholdContext {
  readonly settings: Settings;
  readonly ids: ResidentIdRegistry;
  readonly prefixes: RegistrationPrefixPicker;
  readonly profiles: Map<string, CountyProfile>;
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
  context: HouseholdContext,
): SheetHousehold {
  const { settings, ids, prefixes } = context;
  const county = villageCode.slice(0, 6);
  let profile = context.profiles.get(county);
  if (profile === undefined) context.profiles.set(county, (profile = countyProfileOf(county)));
  const alleviated = random.chance(profile.alleviatedShare);
  const status: SheetHouseholdStatus = alleviated
    ? { kind: 'poverty-alleviated', yearLeftPoverty: random.weighted(profile.yearLeftWeights) }
    : { kind: 'ordinary' };
  const flags = {
    relocatedToResettlementSite: random.chance(alleviated ? RELOCATED_SHARE.alleviated : RELOCATED_SHARE.ordinary),
    urbanHukou: random.chance(URBAN_HUKOU_SHARE),
  };
  const tradition = namingTraditionOf(villageCode);
  const family = familyNameFor(random, tradition);
  const sketches = sketchHousehold(random, random.weighted(profile.sizeWeights), profile.maxChildren);
  const members: SheetMember[] = sketches.map((sketch) => ({
    // A spouse, child-in-law or sibling keeps their own surname; children and grandchildren take the head's line.
    name: fullName(random, tradition, sketch.sex, inheritsName(sketch) ? family : familyNameFor(random, tradition)),
    residentId: ids.issue(random, sketch, (birthYear) => prefixes.prefixFor(random, county, sketch, birthYear)),
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
    income: householdIncome(random, members, alleviated, settings.incomeYear, settings.lineYuan),
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

function generatorError(zh: string, en: string): DomainError {
  return new DomainError({ code: 'generator.options', message: `${zh} / ${en}` });
}
