import type { Counters } from './counters';
import { isMonitored, type HouseholdReport } from './household-report';
import type { ProvinceYearContext } from './reporting-context';

/** Measure categories that count as development measures (产业、就业): DOMAIN.md "Assistance". */
export const DEVELOPMENT_MEASURES: ReadonlySet<string> = new Set(['industry', 'employment']);

/** Width of an income band in the distribution report: 1,000 yuan, in fen. */
export const INCOME_BAND_FEN = 100_000;
/** Bands above this index are counted in the last one ("30,000 yuan and more"). */
export const LAST_INCOME_BAND = 30;

/** The ISO day `years` years after `day` (29 Feb stays 29 Feb: compared as text, it sorts right). */
function yearsAfter(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/**
 * The duration bucket of an elimination: monitored over two years, over one, or up to one, by the
 * days identified and eliminated (the contract's `yearsMonitored` counts whole years only, so
 * 2 years and 3 months would read as 2, not "over 2").
 */
function durationBucket(identifiedOn: string, eliminatedOn: string): string {
  return eliminatedOn > yearsAfter(identifiedOn, 2)
    ? 'over-2y'
    : eliminatedOn > yearsAfter(identifiedOn, 1)
      ? '1-2y'
      : 'up-to-1y';
}

/**
 * Count names built once per campaign, year, band, line or status and then reused: a rebuild
 * settles hundreds of thousands of households, and a name made afresh each time is a new string
 * to allocate and hash for every property it becomes (measured: most of a settle's time).
 */
function cached<K, V>(cache: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

const statusKeys = new Map<string | null, string>();

const inspectionKeys = new Map<
  string,
  {
    readonly inspected: string;
    readonly byDeadline: string;
    readonly visited: string;
    readonly applicationGuide: string;
    readonly monitored: string;
    readonly leaflet: string;
    readonly methods: Map<string, string>;
    readonly days: Map<string, string>;
  }
>();

function inspectionKeysOf(campaignId: string) {
  return cached(inspectionKeys, campaignId, () => {
    const prefix = `inspection:${campaignId}`;
    return {
      inspected: `${prefix}:inspected`,
      byDeadline: `${prefix}:by-deadline`,
      visited: `${prefix}:visited`,
      applicationGuide: `${prefix}:application-guide`,
      monitored: `${prefix}:monitored`,
      leaflet: `${prefix}:assistance-policy-leaflet`,
      methods: new Map<string, string>(),
      days: new Map<string, string>(),
    };
  });
}

const incomeKeys = new Map<
  string,
  {
    readonly recorded: string;
    readonly decliner: string;
    readonly bands: readonly string[];
    readonly below: Map<string, string>;
  }
>();

function incomeKeysOf(yearText: string) {
  return cached(incomeKeys, yearText, () => {
    const year = Number(yearText);
    return {
      recorded: `income:${year}:recorded`,
      decliner: `income:${year}:decliner`,
      bands: Array.from(
        { length: LAST_INCOME_BAND + 1 },
        (_, band) => `income:${year}:band:${String(band).padStart(2, '0')}`,
      ),
      below: new Map<string, string>(),
    };
  });
}

function incomeCounts(
  household: HouseholdReport,
  counts: Record<string, number>,
  lines: (year: number) => ProvinceYearContext | null,
): void {
  // Income reports cover poverty-alleviated and monitored households (DOMAIN.md, report 4).
  if (household.baseStatus !== 'poverty-alleviated' && !isMonitored(household)) return;
  for (const [yearText, perCapita] of Object.entries(household.income)) {
    if (perCapita === null) continue;
    const year = Number(yearText);
    const keys = incomeKeysOf(yearText);
    counts[keys.recorded] = 1;
    const band = Math.min(LAST_INCOME_BAND, Math.max(0, Math.floor(perCapita / INCOME_BAND_FEN)));
    counts[keys.bands[band]] = 1;
    for (const [line, { amountFen }] of Object.entries(lines(year)?.lines ?? {}))
      if (perCapita < amountFen) counts[cached(keys.below, line, () => `income:${year}:below:${line}`)] = 1;
    const before = household.income[year - 1];
    if (before !== undefined && before !== null && perCapita < before) counts[keys.decliner] = 1;
  }
}

/**
 * What one household adds to each unit above it (village to province): every count of the nine
 * reports that a household can hold, each 0 or 1 (absent when 0) except sums of days. Pure: the
 * same household and lines give the same counts, so a replay rebuilds the same summaries.
 *
 * @param lines the province-year's published lines of the household's province, by year.
 */
export function householdContribution(
  household: HouseholdReport,
  lines: (year: number) => ProvinceYearContext | null,
): Counters {
  const counts: Record<string, number> = {};
  if (household.registered) {
    counts['households'] = 1;
    counts[cached(statusKeys, household.baseStatus, (status) => `households:${status}`)] = 1;
    if (household.relocated) counts['households:relocated'] = 1;
    if (household.urbanHukou) counts['households:urban-hukou'] = 1;
  }
  const monitored = isMonitored(household);

  // 1 campaign progress and 8 policy awareness, per campaign.
  for (const [campaignId, inspection] of Object.entries(household.inspections)) {
    const keys = inspectionKeysOf(campaignId);
    counts[keys.inspected] = 1;
    if (!inspection.late) counts[keys.byDeadline] = 1;
    // The day of the latest round: the daily series then sums to `inspected`, and to `by-deadline` at the deadline.
    counts[cached(keys.days, inspection.completedOn, () => `inspection:${campaignId}:on:${inspection.completedOn}`)] =
      1;
    if (inspection.visited) counts[keys.visited] = 1;
    for (const method of inspection.methods)
      counts[cached(keys.methods, method, () => `inspection:${campaignId}:method:${method}`)] = 1;
    if (inspection.applicationGuide === true) counts[keys.applicationGuide] = 1;
    if (monitored) {
      counts[keys.monitored] = 1;
      if (inspection.assistancePolicyLeaflet === true) counts[keys.leaflet] = 1;
    }
  }

  // 2 new monitoring subjects by year of identification, category, risk type and lead source.
  for (const identification of household.identifications) {
    const year = identification.identifiedOn.slice(0, 4);
    counts[`new:${year}:total`] = (counts[`new:${year}:total`] ?? 0) + 1;
    const keys = [
      `new:${year}:category:${identification.category}`,
      `new:${year}:source:${identification.leadSource ?? 'unknown'}`,
      ...identification.riskTypes.map((risk) => `new:${year}:risk:${risk}`),
    ];
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  }
  if (monitored) {
    const current = household.identifications.at(-1);
    counts['monitored'] = 1;
    if (current !== undefined) {
      counts[`monitored:category:${current.category}`] = 1;
      // By month identified: "monitored over 1 (2) years without elimination" is a sum of months at query time.
      counts[`monitored:since:${current.identifiedOn.slice(0, 7)}`] = 1;
    }
    if (household.monitoring?.overdue) counts['monitored:overdue'] = 1;
  } else if (household.monitoring?.state === 'lead') {
    counts['leads:open'] = 1;
    if (household.monitoring.overdue) counts['leads:overdue'] = 1;
  }

  // 4 income distribution, lines and decliners.
  incomeCounts(household, counts, lines);

  // 5 assistance coverage of the monitored.
  if (monitored) {
    const inPlace = Object.values(household.measures).filter((m) => m.status === 'planned' || m.status === 'started');
    if (inPlace.length > 0) counts['assistance:with-measure'] = 1;
    for (const category of new Set(inPlace.map((m) => m.category))) counts[`assistance:category:${category}`] = 1;
    if (household.labourCapable) {
      counts['assistance:labour-capable'] = 1;
      if (!inPlace.some((m) => DEVELOPMENT_MEASURES.has(m.category)))
        counts['assistance:labour-capable-without-development'] = 1;
    }
  }

  // 6 eliminations by year and duration, relapses by year.
  for (const elimination of household.eliminations) {
    const year = elimination.eliminatedOn.slice(0, 4);
    for (const key of [
      `eliminated:${year}:total`,
      `eliminated:${year}:${durationBucket(elimination.identifiedOn, elimination.eliminatedOn)}`,
    ])
      counts[key] = (counts[key] ?? 0) + 1;
  }
  for (const day of household.relapses)
    counts[`relapses:${day.slice(0, 4)}`] = (counts[`relapses:${day.slice(0, 4)}`] ?? 0) + 1;

  // 7 data quality: the registry's open warnings and the inspection's issues, with days to fix.
  for (const rule of household.registryWarnings)
    counts[`quality:warning:${rule}`] = (counts[`quality:warning:${rule}`] ?? 0) + 1;
  for (const issue of Object.values(household.issues)) {
    const key = issue.resolvedOn === null ? `quality:open:${issue.rule}` : `quality:resolved:${issue.rule}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (issue.resolvedOn !== null) {
      const days = Math.round((Date.parse(issue.resolvedOn) - Date.parse(issue.raisedOn)) / 86_400_000);
      counts[`quality:fix-days:${issue.rule}`] = (counts[`quality:fix-days:${issue.rule}`] ?? 0) + Math.max(0, days);
    }
  }

  // 9 rectification ledger per area.
  for (const item of Object.values(household.rectifications)) {
    const state = item.closedOn === null ? 'open' : item.closedOverdue ? 'closed-late' : 'closed';
    const key = `rectification:${item.area}:${state}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
