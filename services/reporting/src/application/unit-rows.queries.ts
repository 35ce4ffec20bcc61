import type { Caller } from '@relapse-watch/access';
import type { DivisionTier } from '@relapse-watch/domain-kernel';
import type { Breakdown, TierReport } from '../domain/tier-report/tier-report';
import { checkReportRequest } from './report-request.check';
import { UnitListing, type ListedUnit, type UnitListingDeps } from './unit-listing';

/** What a page of drill-down rows is asked for. */
export interface UnitRowsRequest {
  readonly unitCode: string;
  /** The tier of the rows; default the tier right below the unit. */
  readonly tier?: DivisionTier;
  readonly year?: number;
  readonly limit?: number;
  readonly offset?: number;
}

/** One drill-down row: a unit's key figures, as the dashboard's tables show them. */
export interface UnitRow {
  readonly unitCode: string;
  readonly name: string;
  readonly tier: DivisionTier;
  readonly households: number;
  /** Inspected in the year's campaign (0 without one), and the share of those in scope. */
  readonly inspected: number;
  readonly inspectedShare: number | null;
  readonly monitored: number;
  readonly newSubjects: number;
  /** Households below each line the province published for the year. */
  readonly belowLine: Breakdown;
  readonly eliminated: number;
  readonly labourCapableWithoutDevelopmentMeasure: number;
  readonly openDataQualityIssues: number;
  readonly openRectificationItems: number;
}

/** A page of rows under a unit. */
export interface UnitRowsPage {
  readonly unitCode: string;
  readonly name: string;
  /** The rows' tier. */
  readonly tier: DivisionTier;
  readonly year: number;
  readonly asOfDate: string;
  /** Units of the tier under the unit that have a summary (households or teams). */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly UnitRow[];
}

export const DEFAULT_ROWS_LIMIT = 100;

const sum = (breakdown: Readonly<Record<string, number>>) => Object.values(breakdown).reduce((a, b) => a + b, 0);

/** A unit's key figures from its reports. Pure. */
export function unitRowOf({ unitCode, name, report }: ListedUnit): UnitRow {
  const r: TierReport = report;
  return {
    unitCode,
    name,
    tier: r.tier,
    households: r.households.total,
    inspected: r.campaign?.inspected ?? 0,
    inspectedShare: r.campaign?.inspectedShare ?? null,
    monitored: r.monitoring.total,
    newSubjects: r.newSubjects.total,
    belowLine: r.income.belowLine,
    eliminated: r.elimination.total,
    labourCapableWithoutDevelopmentMeasure: r.assistance.labourCapableWithoutDevelopmentMeasure,
    openDataQualityIssues: sum(r.dataQuality.openIssues),
    openRectificationItems: Object.values(r.rectification).reduce((n, area) => n + area.open, 0),
  };
}

/** The drill-down rows: the units of one tier under a unit, a page at a time, inside the caller's area. */
export class UnitRowQueries {
  constructor(private readonly deps: UnitListingDeps) {}

  /** A page of rows. @throws DomainError `access.*`, `report.*` */
  async rows(caller: Caller, request: UnitRowsRequest): Promise<UnitRowsPage> {
    checkReportRequest(caller, request, this.deps.clock);
    const listing = await UnitListing.open(this.deps, request);
    const limit = request.limit ?? DEFAULT_ROWS_LIMIT;
    const offset = request.offset ?? 0;
    const [self, total, page] = [await listing.self(), await listing.count(), await listing.page(offset, limit)];
    return {
      unitCode: listing.unitCode,
      name: self.name,
      tier: listing.tier,
      year: listing.context.year,
      asOfDate: listing.context.asOfDate,
      total,
      limit,
      offset,
      items: page.map(unitRowOf),
    };
  }
}
