import { divisionTier, type DivisionTier } from '@relapse-watch/domain-kernel';
import type { Counters } from '../counters';
import { INCOME_BAND_FEN, LAST_INCOME_BAND } from '../household-contribution';
import type { CampaignContext, ProvinceYearContext } from '../reporting-context';
import { campaignProgress, countsUnder, ratio, sumWhere, type CampaignProgress } from './tier-report.parts';

/** Counts of a unit keyed by a dimension (category, risk type, rule, area…), keys in code-point order. */
export type Breakdown = Readonly<Record<string, number>>;

/**
 * The nine reports of DOMAIN.md for one unit (village to province) and one year, as of a day:
 * every figure is read from the unit's summary, which sums what each household and village under
 * it contributes. Plain data with a fixed key order, so the same summary gives the same JSON.
 */
export interface TierReport {
  readonly unitCode: string;
  readonly tier: DivisionTier;
  readonly year: number;
  /** The day the report is as of (the officials' date). */
  readonly asOfDate: string;
  readonly households: {
    readonly total: number;
    readonly povertyAlleviated: number;
    readonly ordinary: number;
    readonly relocated: number;
    readonly urbanHukou: number;
  };
  /** 1: campaign progress; null when the province launched no campaign that year. */
  readonly campaign: CampaignProgress | null;
  /** 2: new monitoring subjects of the year, with last year's for comparison. */
  readonly newSubjects: {
    readonly total: number;
    readonly lastYearTotal: number;
    /** (this year − last year) ÷ last year; null without last year's. A marked fall flags a key region. */
    readonly change: number | null;
    readonly byCategory: Breakdown;
    readonly byRiskType: Breakdown;
    readonly byLeadSource: Breakdown;
  };
  /** Monitoring subjects now, and the leads not yet decided. */
  readonly monitoring: {
    readonly total: number;
    readonly byCategory: Breakdown;
    /** Monitored over one (two) years without elimination: case-by-case review (DOMAIN.md). */
    readonly overOneYear: number;
    readonly overTwoYears: number;
    readonly overdueCases: number;
    readonly openLeads: number;
    readonly overdueLeads: number;
  };
  /** 4: per-capita income of poverty-alleviated and monitored households in the year. */
  readonly income: {
    readonly recorded: number;
    /** Households per 1,000-yuan band, from 0 (the last band holds everything above). */
    readonly bands: readonly {
      readonly fromYuan: number;
      readonly toYuan: number | null;
      readonly households: number;
    }[];
    /** Households below each line the province published for the year. */
    readonly belowLine: Breakdown;
    readonly decliners: number;
  };
  /** 5: assistance coverage of the monitored. */
  readonly assistance: {
    readonly monitored: number;
    readonly withMeasure: number;
    readonly byMeasureCategory: Breakdown;
    readonly labourCapable: number;
    readonly labourCapableWithoutDevelopmentMeasure: number;
  };
  /** 6: eliminations in the year by how long the household was monitored, and relapses. */
  readonly elimination: { readonly total: number; readonly byDuration: Breakdown; readonly relapses: number };
  /** 7: data quality: open issues by rule, registry warnings by rule, resolved and days to fix. */
  readonly dataQuality: {
    readonly openIssues: Breakdown;
    readonly registryWarnings: Breakdown;
    readonly resolved: number;
    readonly averageDaysToFix: number | null;
  };
  /** 8: the two leaflets' coverage in the year's campaign. */
  readonly policyAwareness: {
    readonly inspected: number;
    readonly applicationGuide: number;
    readonly applicationGuideCoverage: number | null;
    readonly monitoredInspected: number;
    readonly assistancePolicyLeaflet: number;
    readonly assistancePolicyLeafletCoverage: number | null;
  } | null;
  /** 9: rectification items of the seven areas by state. */
  readonly rectification: Readonly<
    Record<string, { readonly open: number; readonly closed: number; readonly closedLate: number }>
  >;
}

/** What the report needs besides the unit's counts. */
export interface TierReportContext {
  readonly year: number;
  readonly asOfDate: string;
  /** The province's campaign of the year, if any. */
  readonly campaign: CampaignContext | null;
  readonly provinceYear: ProvinceYearContext | null;
}

function monthsBefore(asOfDate: string, months: number): string {
  const [year, month] = asOfDate.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function incomeBands(counts: Counters, year: number) {
  const bands = [];
  for (let band = 0; band <= LAST_INCOME_BAND; band++) {
    const households = counts[`income:${year}:band:${String(band).padStart(2, '0')}`] ?? 0;
    const fromYuan = (band * INCOME_BAND_FEN) / 100;
    bands.push({ fromYuan, toYuan: band === LAST_INCOME_BAND ? null : fromYuan + INCOME_BAND_FEN / 100, households });
  }
  return bands;
}

function rectificationLedger(counts: Counters) {
  const areas: Record<string, { open: number; closed: number; closedLate: number }> = {};
  for (const [key, value] of Object.entries(counts)) {
    const match = /^rectification:([^:]+):(open|closed|closed-late)$/.exec(key);
    if (match === null) continue;
    const area = (areas[match[1]] ??= { open: 0, closed: 0, closedLate: 0 });
    if (match[2] === 'open') area.open = value;
    else if (match[2] === 'closed') area.closed = value;
    else area.closedLate = value;
  }
  return Object.fromEntries(
    Object.keys(areas)
      .sort()
      .map((area) => [area, areas[area]]),
  );
}

/** The nine reports of a unit from its summary counts. Pure. */
export function tierReportOf(unitCode: string, counts: Counters, context: TierReportContext): TierReport {
  const { year, asOfDate, campaign } = context;
  const thisYear = counts[`new:${year}:total`] ?? 0;
  const lastYear = counts[`new:${year - 1}:total`] ?? 0;
  const since = countsUnder(counts, 'monitored:since:');
  const resolved = sumWhere(counts, /^quality:resolved:/);
  const prefix = campaign === null ? null : `inspection:${campaign.campaignId}`;
  const inspected = prefix === null ? 0 : (counts[`${prefix}:inspected`] ?? 0);
  const monitoredInspected = prefix === null ? 0 : (counts[`${prefix}:monitored`] ?? 0);
  const guide = prefix === null ? 0 : (counts[`${prefix}:application-guide`] ?? 0);
  const leaflet = prefix === null ? 0 : (counts[`${prefix}:assistance-policy-leaflet`] ?? 0);
  return {
    unitCode,
    tier: divisionTier(unitCode),
    year,
    asOfDate,
    households: {
      total: counts['households'] ?? 0,
      povertyAlleviated: counts['households:poverty-alleviated'] ?? 0,
      ordinary: counts['households:ordinary'] ?? 0,
      relocated: counts['households:relocated'] ?? 0,
      urbanHukou: counts['households:urban-hukou'] ?? 0,
    },
    campaign: campaign === null ? null : campaignProgress(counts, campaign, asOfDate),
    newSubjects: {
      total: thisYear,
      lastYearTotal: lastYear,
      change: lastYear === 0 ? null : ratio(thisYear - lastYear, lastYear),
      byCategory: countsUnder(counts, `new:${year}:category:`),
      byRiskType: countsUnder(counts, `new:${year}:risk:`),
      byLeadSource: countsUnder(counts, `new:${year}:source:`),
    },
    monitoring: {
      total: counts['monitored'] ?? 0,
      byCategory: countsUnder(counts, 'monitored:category:'),
      overOneYear: Object.entries(since).reduce((n, [m, c]) => (m <= monthsBefore(asOfDate, 12) ? n + c : n), 0),
      overTwoYears: Object.entries(since).reduce((n, [m, c]) => (m <= monthsBefore(asOfDate, 24) ? n + c : n), 0),
      overdueCases: counts['monitored:overdue'] ?? 0,
      openLeads: counts['leads:open'] ?? 0,
      overdueLeads: counts['leads:overdue'] ?? 0,
    },
    income: {
      recorded: counts[`income:${year}:recorded`] ?? 0,
      bands: incomeBands(counts, year),
      belowLine: countsUnder(counts, `income:${year}:below:`),
      decliners: counts[`income:${year}:decliner`] ?? 0,
    },
    assistance: {
      monitored: counts['monitored'] ?? 0,
      withMeasure: counts['assistance:with-measure'] ?? 0,
      byMeasureCategory: countsUnder(counts, 'assistance:category:'),
      labourCapable: counts['assistance:labour-capable'] ?? 0,
      labourCapableWithoutDevelopmentMeasure: counts['assistance:labour-capable-without-development'] ?? 0,
    },
    elimination: {
      total: counts[`eliminated:${year}:total`] ?? 0,
      byDuration: Object.fromEntries(
        ['up-to-1y', '1-2y', 'over-2y'].map((bucket) => [bucket, counts[`eliminated:${year}:${bucket}`] ?? 0]),
      ),
      relapses: counts[`relapses:${year}`] ?? 0,
    },
    dataQuality: {
      openIssues: countsUnder(counts, 'quality:open:'),
      registryWarnings: countsUnder(counts, 'quality:warning:'),
      resolved,
      averageDaysToFix: resolved === 0 ? null : ratio(sumWhere(counts, /^quality:fix-days:/), resolved),
    },
    policyAwareness:
      prefix === null
        ? null
        : {
            inspected,
            applicationGuide: guide,
            applicationGuideCoverage: inspected === 0 ? null : ratio(guide, inspected),
            monitoredInspected,
            assistancePolicyLeaflet: leaflet,
            assistancePolicyLeafletCoverage: monitoredInspected === 0 ? null : ratio(leaflet, monitoredInspected),
          },
    rectification: rectificationLedger(counts),
  };
}
