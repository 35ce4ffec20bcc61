// Spec-only support: the reports the reporting scenario expects of every unit, computed from the
// plan alone (reporting-county.plan.ts) with plain filters over the households — never through
// the reporting's code. `phase` 'A' is the county at the as-of instant, 'B' at the end.
import {
  CAMPAIGN,
  CAMPAIGN_ID,
  LINES_YUAN,
  type CountyPlan,
  type HouseholdPlan,
  type Phase,
} from './reporting-county.plan';

/** The scenario's day (the services' clock, TEST_CLOCK_START's date): every report is as of it. */
export const SCENARIO_DAY = '2026-12-07';
const METHODS = ['household-visit', 'online-communication', 'group-assessment'];
const ratio = (part: number, whole: number) => Math.round((part / whole) * 10_000) / 10_000;
const count = <T>(items: readonly T[], keep: (item: T) => boolean) => items.filter(keep).length;

/** How many of `items` fall under each key (keys with none left out, as a report leaves them out). */
function tally<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) for (const key of keysOf(item)) out[key] = (out[key] ?? 0) + 1;
  return out;
}

/** The campaign's days: households by the day their visit completed it, villages by the day their team came. */
function campaignDays(inspectedOn: readonly string[], coveredOn: readonly string[], villagesCovered: number) {
  const days = [...new Set([...inspectedOn, ...coveredOn])].sort();
  return days.map((date) => ({
    date,
    inspected: count(inspectedOn, (d) => d === date),
    villagesCovered: coveredOn.includes(date) ? villagesCovered : 0,
    inspectedToDate: count(inspectedOn, (d) => d <= date),
    villagesCoveredToDate: coveredOn.some((d) => d <= date) ? villagesCovered : 0,
  }));
}

/** The household as it stands at the end of `phase`. */
interface Standing {
  readonly plan: HouseholdPlan;
  readonly status: string;
  readonly inspected: boolean;
  readonly monitored: boolean;
  readonly openLead: boolean;
  /** Identification years (every case that reached it, eliminated or not). */
  readonly identifiedIn: number | null;
}

function standingOf(h: HouseholdPlan, phase: Phase): Standing {
  const inspected = h.inspection !== null && (phase === 'B' || h.inspection.phase === 'A');
  const outcome = h.monitoringCase?.outcome ?? null;
  const procedure = phase === 'B' && outcome !== null && outcome !== 'open-lead';
  return {
    plan: h,
    status: phase === 'B' ? (h.correctedTo ?? h.status) : h.status,
    inspected,
    monitored: procedure && outcome === 'identified',
    // A: every case's lead is open; B: the leads never taken up, the relapse's and the inspection's.
    openLead:
      (outcome !== null && (phase === 'A' || outcome === 'open-lead' || outcome === 'relapsed')) ||
      (phase === 'B' && h.inspection?.flag === true),
    identifiedIn: procedure && outcome !== 'rejected' ? h.monitoringCase!.year : null,
  };
}

function unitPrefix(unitCode: string): string {
  if (unitCode.endsWith('0000000000')) return unitCode.slice(0, 2);
  if (unitCode.endsWith('00000000')) return unitCode.slice(0, 4);
  if (unitCode.endsWith('000000')) return unitCode.slice(0, 6);
  if (unitCode.endsWith('000')) return unitCode.slice(0, 9);
  return unitCode;
}

const TIERS = ['province', 'city', 'county', 'township', 'village'];

/** The report of `unitCode` for `year` at the end of `phase`, as the plan says it must read. */
export function expectedReport(county: CountyPlan, unitCode: string, year: number, phase: Phase) {
  const prefix = unitPrefix(unitCode);
  const all = county.households.filter((h) => h.villageCode.startsWith(prefix)).map((h) => standingOf(h, phase));
  const inspected = all.filter((s) => s.inspected);
  const monitored = all.filter((s) => s.monitored);
  const identified = (y: number) => all.filter((s) => s.identifiedIn === y);
  const thisYear = identified(year);
  const lastYear = identified(year - 1).length;
  const eliminating = (s: Standing) =>
    phase === 'B' && ['eliminated', 'relapsed'].includes(s.plan.monitoringCase?.outcome ?? '');
  // Report 4 covers poverty-alleviated and monitored households with a calendar-year income.
  const incomeOf = (s: Standing) => (s.plan.income as Record<number, number | undefined>)[year];
  const incomes = all.filter((s) => (s.status === 'poverty-alleviated' || s.monitored) && incomeOf(s) !== undefined);
  const line = LINES_YUAN[year];
  const inPlace = (s: Standing) =>
    s.plan.monitoringCase!.measures.filter((m) => m.status === 'planned' || m.status === 'started');
  const capable = monitored.filter((s) => s.plan.labourCapable);
  const issues = inspected.filter((s) => s.plan.inspection!.mismatch);
  const resolved = count(issues, (s) => phase === 'B' && s.plan.inspection!.resolveIssue);
  const villages = county.villages.filter((v) => v.startsWith(prefix));
  const covered = villages.filter((v) => phase === 'B' || v !== county.lateTeamVillage).length;
  const campaignYear = year === CAMPAIGN.year;
  const guide = count(inspected, (s) => s.plan.inspection!.applicationGuide);
  const monitoredInspected = inspected.filter((s) => s.monitored);
  const leaflet = count(monitoredInspected, (s) => s.plan.inspection!.assistancePolicy === true);
  const byDeadline = count(inspected, (s) => s.plan.inspection!.contactedOn <= CAMPAIGN.inspectBy);
  return {
    unitCode,
    tier: TIERS[[2, 4, 6, 9, 12].indexOf(prefix.length)],
    year,
    asOfDate: SCENARIO_DAY,
    households: {
      total: all.length,
      povertyAlleviated: count(all, (s) => s.status === 'poverty-alleviated'),
      ordinary: count(all, (s) => s.status === 'ordinary'),
      relocated: count(all, (s) => s.plan.relocated),
      urbanHukou: 0,
    },
    campaign: campaignYear
      ? {
          campaignId: CAMPAIGN_ID,
          teamsInPlaceBy: CAMPAIGN.teamsInPlaceBy,
          inspectBy: CAMPAIGN.inspectBy,
          villages: villages.length,
          villagesCovered: covered,
          // Every team was formed on the scenario's day (2026), long after 16 Aug 2024.
          villagesCoveredByDeadline: 0,
          inScope: all.length,
          inspected: inspected.length,
          inspectedByDeadline: byDeadline,
          inspectedShare: all.length === 0 ? null : ratio(inspected.length, all.length),
          visited: count(inspected, (s) => s.plan.inspection!.method === 'household-visit'),
          byMethod: Object.fromEntries(
            METHODS.map((m) => [m, count(inspected, (s) => s.plan.inspection!.method === m)]),
          ),
          deadlinePassed: true,
          daily: campaignDays(
            inspected.map((s) => s.plan.inspection!.contactedOn),
            // Every team was formed on the scenario's day.
            covered === 0 ? [] : [SCENARIO_DAY],
            covered,
          ),
        }
      : null,
    newSubjects: {
      total: thisYear.length,
      lastYearTotal: lastYear,
      change: lastYear === 0 ? null : ratio(thisYear.length - lastYear, lastYear),
      byCategory: tally(thisYear, (s) => [s.plan.monitoringCase!.category]),
      byRiskType: tally(thisYear, (s) => s.plan.monitoringCase!.riskTypes),
      byLeadSource: tally(thisYear, (s) => [s.plan.monitoringCase!.source]),
    },
    monitoring: {
      total: monitored.length,
      byCategory: tally(monitored, (s) => [s.plan.monitoringCase!.category]),
      // Identified in Sep 2024 or Sep 2025: over a year by Dec 2026; over two only 2024's.
      overOneYear: monitored.length,
      overTwoYears: count(monitored, (s) => s.identifiedIn === 2024),
      overdueCases: 0,
      openLeads: count(all, (s) => s.openLead),
      overdueLeads: 0,
    },
    income: {
      recorded: incomes.length,
      bands: Array.from({ length: 31 }, (_, band) => ({
        fromYuan: band * 1000,
        toYuan: band === 30 ? null : band * 1000 + 1000,
        households: count(incomes, (s) => Math.min(30, Math.floor(incomeOf(s)! / 1000)) === band),
      })),
      belowLine:
        line === undefined
          ? {}
          : tally(
              incomes.filter((s) => incomeOf(s)! < line),
              () => ['monitoring-threshold'],
            ),
      decliners: count(incomes, (s) => {
        const before = (s.plan.income as Record<number, number | undefined>)[year - 1];
        return before !== undefined && incomeOf(s)! < before;
      }),
    },
    assistance: {
      monitored: monitored.length,
      withMeasure: count(monitored, (s) => inPlace(s).length > 0),
      byMeasureCategory: tally(monitored, (s) => [...new Set(inPlace(s).map((m) => m.category))]),
      labourCapable: capable.length,
      labourCapableWithoutDevelopmentMeasure: count(
        capable,
        (s) => !inPlace(s).some((m) => m.category === 'industry' || m.category === 'employment'),
      ),
    },
    elimination: {
      // Both eliminations on 3 Dec 2026, after over two years (identified Sep 2024); one relapses that day.
      total: year === 2026 ? count(all, eliminating) : 0,
      byDuration: { 'up-to-1y': 0, '1-2y': 0, 'over-2y': year === 2026 ? count(all, eliminating) : 0 },
      relapses: year === 2026 ? count(all, (s) => eliminating(s) && s.plan.monitoringCase!.outcome === 'relapsed') : 0,
    },
    dataQuality: {
      openIssues: tally(
        issues.filter((s) => !(phase === 'B' && s.plan.inspection!.resolveIssue)),
        () => ['findings.record-mismatch'],
      ),
      registryWarnings: {},
      resolved,
      // Raised and resolved on the scenario's day.
      averageDaysToFix: resolved === 0 ? null : 0,
    },
    policyAwareness: campaignYear
      ? {
          inspected: inspected.length,
          applicationGuide: guide,
          applicationGuideCoverage: inspected.length === 0 ? null : ratio(guide, inspected.length),
          monitoredInspected: monitoredInspected.length,
          assistancePolicyLeaflet: leaflet,
          assistancePolicyLeafletCoverage:
            monitoredInspected.length === 0 ? null : ratio(leaflet, monitoredInspected.length),
        }
      : null,
    // Items are raised and closed on the scenario's same day, before the due date the inspection
    // sets when it raises one: closed in time.
    rectification:
      issues.length === 0
        ? {}
        : {
            'data-quality': {
              open: count(issues, (s) => !(phase === 'B' && s.plan.inspection!.closeItem)),
              closed: count(issues, (s) => phase === 'B' && s.plan.inspection!.closeItem),
              closedLate: 0,
            },
          },
  };
}
