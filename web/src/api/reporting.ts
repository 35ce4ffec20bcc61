import { apiDownload, apiGet, type ApiDownload } from './client';
import type { DivisionUnit } from './registry';

/** A tier of the division tree, as the reports name them. */
export type Tier = DivisionUnit['tier'];

/** The tiers in order, province first. */
export const TIERS: readonly Tier[] = ['province', 'city', 'county', 'township', 'village'];

/** Counts keyed by a code of a closed or open list (category, risk type, rule…). */
export type Breakdown = Readonly<Record<string, number>>;

/** One day of a campaign in a unit (`campaign.daily`). */
export interface CampaignDay {
  readonly date: string;
  readonly inspected: number;
  readonly villagesCovered: number;
  readonly inspectedToDate: number;
  readonly villagesCoveredToDate: number;
}

/** Report 1: campaign progress against its two deadlines. */
export interface CampaignProgress {
  readonly campaignId: string;
  readonly teamsInPlaceBy: string;
  readonly inspectBy: string;
  readonly villages: number;
  readonly villagesCovered: number;
  readonly villagesCoveredByDeadline: number;
  readonly inScope: number;
  readonly inspected: number;
  readonly inspectedByDeadline: number;
  readonly inspectedShare: number | null;
  readonly visited: number;
  readonly byMethod: Breakdown;
  readonly deadlinePassed: boolean;
  readonly daily: readonly CampaignDay[];
}

/** The nine reports of a unit, as `GET /api/reporting/units/{code}` answers (the fields the dashboard reads). */
export interface TierReport {
  readonly unitCode: string;
  readonly tier: Tier;
  readonly year: number;
  readonly asOfDate: string;
  readonly households: {
    readonly total: number;
    readonly povertyAlleviated: number;
    readonly ordinary: number;
    readonly relocated: number;
    readonly urbanHukou: number;
  };
  readonly campaign: CampaignProgress | null;
  readonly newSubjects: {
    readonly total: number;
    readonly lastYearTotal: number;
    readonly change: number | null;
    readonly byCategory: Breakdown;
    readonly byRiskType: Breakdown;
    readonly byLeadSource: Breakdown;
  };
  readonly monitoring: {
    readonly total: number;
    readonly byCategory: Breakdown;
    readonly overOneYear: number;
    readonly overTwoYears: number;
    readonly overdueCases: number;
    readonly openLeads: number;
    readonly overdueLeads: number;
  };
  readonly income: {
    readonly recorded: number;
    readonly bands: readonly {
      readonly fromYuan: number;
      readonly toYuan: number | null;
      readonly households: number;
    }[];
    readonly belowLine: Breakdown;
    readonly decliners: number;
  };
  readonly assistance: {
    readonly monitored: number;
    readonly withMeasure: number;
    readonly byMeasureCategory: Breakdown;
    readonly labourCapable: number;
    readonly labourCapableWithoutDevelopmentMeasure: number;
  };
  readonly elimination: { readonly total: number; readonly byDuration: Breakdown; readonly relapses: number };
  readonly dataQuality: {
    readonly openIssues: Breakdown;
    readonly registryWarnings: Breakdown;
    readonly resolved: number;
    readonly averageDaysToFix: number | null;
  };
  readonly policyAwareness: {
    readonly inspected: number;
    readonly applicationGuide: number;
    readonly applicationGuideCoverage: number | null;
    readonly monitoredInspected: number;
    readonly assistancePolicyLeaflet: number;
    readonly assistancePolicyLeafletCoverage: number | null;
  } | null;
  readonly rectification: Readonly<
    Record<string, { readonly open: number; readonly closed: number; readonly closedLate: number }>
  >;
}

/** A key region's reports: the region and its units' figures summed. */
export type KeyRegionReport = {
  readonly regionId: string;
  readonly kind: string;
  readonly divisionCodes: readonly string[];
} & Omit<TierReport, 'unitCode' | 'tier'>;

/** One drill-down row: a unit below and its key figures. */
export interface UnitRow {
  readonly unitCode: string;
  readonly name: string;
  readonly tier: Tier;
  readonly households: number;
  readonly inspected: number;
  readonly inspectedShare: number | null;
  readonly monitored: number;
  readonly newSubjects: number;
  readonly belowLine: Breakdown;
  readonly eliminated: number;
  readonly labourCapableWithoutDevelopmentMeasure: number;
  readonly openDataQualityIssues: number;
  readonly openRectificationItems: number;
}

/** A page of drill-down rows. */
export interface UnitRowsPage {
  readonly unitCode: string;
  readonly name: string;
  readonly tier: Tier;
  readonly year: number;
  readonly asOfDate: string;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly UnitRow[];
}

/** The reports an export may hold, as the API names them. */
export const REPORT_NAMES = [
  'campaign',
  'new-subjects',
  'monitoring',
  'income',
  'assistance',
  'elimination',
  'data-quality',
  'policy-awareness',
  'rectification',
] as const;

/** What an export asks for. */
export interface ExportRequest {
  readonly format: 'csv' | 'xlsx';
  readonly report?: (typeof REPORT_NAMES)[number] | 'all';
  readonly tier?: Tier;
  readonly year?: number;
}

/** The tier right below `tier` (none below a village). */
export function tierBelow(tier: Tier): Tier | null {
  return TIERS[TIERS.indexOf(tier) + 1] ?? null;
}

function query(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

const unitPath = (code: string) => `/api/reporting/units/${encodeURIComponent(code)}`;

/** The path of a unit's reports for a year (the server's default year without one). */
export const unitReportPath = (code: string, year: number | undefined) => `${unitPath(code)}${query({ year })}`;

/** The reporting's reads the dashboard uses: one document read each (never a request per unit below). */
export const reportingApi = {
  unit: (code: string, year: number | undefined, signal?: AbortSignal) =>
    apiGet<TierReport>(unitReportPath(code, year), signal),
  rows: (code: string, page: { year?: number; limit: number; offset: number }, signal?: AbortSignal) =>
    apiGet<UnitRowsPage>(`${unitPath(code)}/rows${query(page)}`, signal),
  keyRegions: (provinceCode: string, year: number | undefined, signal?: AbortSignal) =>
    apiGet<readonly KeyRegionReport[]>(
      `/api/reporting/key-regions/${encodeURIComponent(provinceCode)}${query({ year })}`,
      signal,
    ),
  export: (code: string, request: ExportRequest): Promise<ApiDownload> =>
    apiDownload(
      `${unitPath(code)}/export${query({ format: request.format, report: request.report, tier: request.tier, year: request.year })}`,
    ),
};
