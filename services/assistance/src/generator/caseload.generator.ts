import { addDays, DomainError, NATIONAL_RISK_TYPES, type IsoDate } from '@relapse-watch/domain-kernel';
import type { MeasureCategory } from '../domain/assistance-plan/assistance-plan.values';
import type { LeadSource, MonitoringCategory } from '../domain/monitoring-case/monitoring-case.values';
import type { HouseholdKey } from './household-sheet.keys';
import { SeededRandom } from './seeded-random';

/** A synthetic case of the caseload sheet. */
export interface GeneratedCase {
  readonly villageCode: string;
  readonly householdNumber: string;
  readonly category: MonitoringCategory;
  readonly identifiedOn: IsoDate;
  readonly leadSource: LeadSource;
  /** Risk type codes of the national list. */
  readonly riskTypes: readonly string[];
  readonly eliminatedOn: IsoDate | null;
  readonly measures: readonly GeneratedMeasure[];
}

/** A synthetic measure. */
export interface GeneratedMeasure {
  readonly category: MeasureCategory;
  readonly kind: string;
  readonly department: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly amountYuan: number;
}

/** What to generate. */
export interface CaseloadGeneratorOptions {
  /** Same seed, same sheet of households: the same caseload, byte for byte. */
  readonly seed: string;
  /** Share of the households that are monitoring subjects (0–1); 1 makes every household a case. */
  readonly share: number;
  /** The day the caseload is exported on: no date lies after it. */
  readonly asOf: IsoDate;
}

/** The earliest identification day: the monitoring mechanism began in 2021. */
const FIRST_DAY: IsoDate = '2021-01-01';

// Illustrative weights and amounts for synthetic data, not statistics.
const LEAD_SOURCES: readonly (readonly [LeadSource, number])[] = [
  ['self-application', 30],
  ['cadre-inspection', 35],
  ['department-warning', 15],
  ['concentrated-inspection', 20],
];
const RISK_TYPES: readonly (readonly [string, number])[] = [
  ['illness', 35],
  ['schooling-cost', 10],
  ['disability', 15],
  ['natural-disaster', 6],
  ['accident', 5],
  ['failed-industry-project', 3],
  ['unstable-work', 12],
  ['lack-of-labour', 8],
  ['housing-insecure', 2],
  ['drinking-water-insecure', 1],
  ['education-not-secured', 1],
  ['medical-not-secured', 1],
  ['other', 1],
];
const MEASURE_COUNTS: readonly (readonly [number, number])[] = [
  [0, 8],
  [1, 30],
  [2, 35],
  [3, 19],
  [4, 8],
];
interface MeasureProfile {
  readonly kinds: readonly string[];
  readonly department: string;
  readonly yuan: readonly [number, number];
  /** Runs without an end date (dibao, extreme-poverty support) in this share of cases. */
  readonly openEnded: number;
}
const MEASURES: Readonly<Record<MeasureCategory, MeasureProfile>> = {
  industry: {
    kinds: ['产业奖补', '小额信贷', '庭院经济'],
    department: '县农业农村局',
    yuan: [1_000, 10_000],
    openEnded: 0,
  },
  employment: {
    kinds: ['公益性岗位', '技能培训', '务工交通补助'],
    department: '县人社局',
    yuan: [0, 8_000],
    openEnded: 0,
  },
  health: { kinds: ['医疗救助', '参保资助'], department: '县医保局', yuan: [300, 8_000], openEnded: 0.2 },
  education: { kinds: ['雨露计划', '助学金'], department: '县教育局', yuan: [1_000, 5_000], openEnded: 0 },
  'social-assistance': {
    kinds: ['低保', '特困供养', '临时救助'],
    department: '县民政局',
    yuan: [1_000, 8_000],
    openEnded: 0.6,
  },
  housing: { kinds: ['危房改造'], department: '县住建局', yuan: [10_000, 40_000], openEnded: 0 },
  'drinking-water': { kinds: ['饮水安全工程'], department: '县水利局', yuan: [500, 3_000], openEnded: 0 },
  other: { kinds: ['防贫保险', '残疾人补贴'], department: '县残联', yuan: [200, 2_000], openEnded: 0.3 },
};
const MEASURE_CATEGORIES: readonly (readonly [MeasureCategory, number])[] = [
  ['industry', 25],
  ['employment', 25],
  ['health', 15],
  ['education', 8],
  ['social-assistance', 15],
  ['housing', 4],
  ['drinking-water', 3],
  ['other', 5],
];

/**
 * A synthetic caseload over the households of a household sheet (so its households are the ones
 * the registry imported from that sheet): each household is a monitoring subject with probability
 * `share`, its case drawn from a source seeded by the seed and the household alone (the same
 * household gets the same case whatever else the sheet holds). Categories follow the base status
 * (poverty-alleviated: mostly unstable; ordinary: mostly marginal; a quarter sudden hardship),
 * identification days between 2021 and a month before `asOf`, a little over half of those
 * monitored for a year eliminated, 0–4 measures a case. Plausible, not statistics.
 * @throws DomainError `generator.options` for a share outside 0–1 or an `asOf` before 2021-02.
 */
export async function* generateCaseload(
  households: AsyncIterable<HouseholdKey>,
  options: CaseloadGeneratorOptions,
): AsyncGenerator<GeneratedCase> {
  if (!(options.share >= 0 && options.share <= 1)) throw generatorError('占比须在 0 到 1 之间', 'the share is 0 to 1');
  const span = daysBetween(FIRST_DAY, options.asOf) - 30;
  if (!(span > 0)) throw generatorError('导出日期须晚于 2021-01-31', 'the export day lies after 2021-01-31');
  for await (const household of households) {
    const random = new SeededRandom(`${options.seed}\n${household.villageCode}\n${household.householdNumber}`);
    if (!random.chance(options.share)) continue;
    yield caseOf(random, household, span, options.asOf);
  }
}

function caseOf(random: SeededRandom, household: HouseholdKey, span: number, asOf: IsoDate): GeneratedCase {
  const sudden = random.chance(0.25);
  const category: MonitoringCategory = sudden
    ? 'sudden-severe-hardship'
    : household.alleviated
      ? 'unstable-poverty-alleviated'
      : 'marginal-prone-to-poverty';
  const identifiedOn = addDays(FIRST_DAY, random.int(0, span));
  const riskTypes = [random.weighted(RISK_TYPES)];
  if (random.chance(0.3)) {
    const second = random.weighted(RISK_TYPES);
    if (second !== riskTypes[0]) riskTypes.push(second);
  }
  const monitoredDays = daysBetween(identifiedOn, asOf);
  const eliminatedOn =
    monitoredDays >= 365 && random.chance(0.55)
      ? addDays(identifiedOn, random.int(240, Math.min(900, monitoredDays)))
      : null;
  // A disaster case may get help before approval; each later measure starts after the one before,
  // so no two measures of a case are the same one.
  let start = addDays(identifiedOn, random.int(riskTypes.includes('natural-disaster') ? -10 : 0, 60));
  const measures: GeneratedMeasure[] = [];
  for (let i = random.weighted(MEASURE_COUNTS); i > 0; i--) {
    measures.push(measureOf(random, start));
    start = addDays(start, random.int(1, 60));
  }
  return {
    villageCode: household.villageCode,
    householdNumber: household.householdNumber,
    category,
    identifiedOn,
    leadSource: random.weighted(LEAD_SOURCES),
    riskTypes,
    eliminatedOn,
    measures,
  };
}

function measureOf(random: SeededRandom, start: IsoDate): GeneratedMeasure {
  const category = random.weighted(MEASURE_CATEGORIES);
  const profile = MEASURES[category];
  const [low, high] = profile.yuan;
  return {
    category,
    kind: profile.kinds[random.int(0, profile.kinds.length - 1)],
    department: profile.department,
    start,
    end: random.chance(profile.openEnded) ? null : addDays(start, random.int(90, 365)),
    amountYuan: random.int(low, high),
  };
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The national list's label of a risk type code (what the sheet writes). */
export function riskTypeLabel(code: string): string {
  return NATIONAL_RISK_TYPES.find((t) => t.code === code)?.label['zh-CN'] ?? code;
}

function generatorError(zh: string, en: string): DomainError {
  return new DomainError({ code: 'generator.options', message: `${zh} / ${en}` });
}
