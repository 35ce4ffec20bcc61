import { areaOfCaller, inArea, type Caller } from '@relapse-watch/access';
import { DomainError, divisionTier, parentDivision, type Clock } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { localDateOf } from '../domain/report-event';
import { keyRegionReportsOf, outermostCodes, type KeyRegionReport } from '../domain/tier-report/key-region-report';
import { tierReportOf, type TierReport } from '../domain/tier-report/tier-report';
import type { ReportingCollections } from '../read-model/reporting-collections';
import { foldInboxUntil } from './as-of-fold';
import { foldedSource, liveSource, reportContext, type ReportSource } from './report-sources';
import { checkReportRequest } from './report-request.check';

/** What a report is asked for. */
export interface ReportRequest {
  readonly unitCode: string;
  /** The report year; default the year of the day the report is as of. */
  readonly year?: number;
  /** A past instant (RFC 3339 with a zone): the report from the log up to it. */
  readonly asOf?: string;
}

/** What {@link ReportQueries} reads. */
export interface ReportQueriesDeps {
  readonly store: ReadStore;
  readonly inbox: EventStore;
  /** The live generation's collections (moves after a rebuild). */
  readonly collections: () => ReportingCollections;
  readonly clock: Clock;
  readonly utcOffsetMinutes: number;
}

/**
 * The tier reports: a unit's summary now (one document read: the unit's counts, plus its
 * province-year's campaign and lines) or as of a past instant (the inbox log folded up to that
 * instant, in memory). Only inside the caller's area.
 */
export class ReportQueries {
  constructor(private readonly deps: ReportQueriesDeps) {}

  /** The nine reports of a unit. @throws DomainError `access.*`, `report.*` */
  async unitReport(caller: Caller, request: ReportRequest): Promise<TierReport> {
    checkReportRequest(caller, request, this.deps.clock);
    const { source, year, asOfDate } = await this.sourceFor(request);
    const counts = (await source.unitCounts([request.unitCode])).get(request.unitCode)!;
    return tierReportOf(
      request.unitCode,
      counts,
      await reportContext(source, provinceOf(request.unitCode), year, asOfDate),
    );
  }

  /**
   * The key regions of a province-year with each one's reports (its units' counts summed): those
   * whose every unit lies inside the caller's area. @throws DomainError `access.*`, `report.*`
   */
  async keyRegions(caller: Caller, request: ReportRequest): Promise<KeyRegionReport[]> {
    checkReportRequest(caller, request, this.deps.clock, { reachUnit: false });
    if (divisionTier(request.unitCode) !== 'province')
      throw new DomainError({
        code: 'report.not-a-province',
        field: 'provinceCode',
        message: '须为省级区划代码，如 510000000000 / must be a province code, e.g. 510000000000',
      });
    const { source, year, asOfDate } = await this.sourceFor(request);
    const context = await reportContext(source, request.unitCode, year, asOfDate);
    if (context.provinceYear === null) return [];
    const area = areaOfCaller(caller);
    const visible = {
      ...context.provinceYear,
      keyRegions: context.provinceYear.keyRegions.filter((region) =>
        region.divisionCodes.every((code) => inArea(area, code)),
      ),
    };
    const codes = [...new Set(visible.keyRegions.flatMap((region) => outermostCodes(region.divisionCodes)))];
    const counts = await source.unitCounts(codes);
    return keyRegionReportsOf(visible, (code) => counts.get(code) ?? {}, context);
  }

  /** The live read models, or the inbox folded up to `asOf`; with the report's year and day. */
  private async sourceFor(request: ReportRequest): Promise<{ source: ReportSource; year: number; asOfDate: string }> {
    if (request.asOf === undefined) {
      const asOfDate = localDateOf(this.deps.clock.now().toISOString(), this.deps.utcOffsetMinutes);
      const source = liveSource(this.deps.store, this.deps.collections());
      return { source, year: request.year ?? Number(asOfDate.slice(0, 4)), asOfDate };
    }
    const instant = Date.parse(request.asOf);
    const asOfDate = localDateOf(new Date(instant).toISOString(), this.deps.utcOffsetMinutes);
    const state = await foldInboxUntil(this.deps.inbox, {
      until: instant,
      provinceCode: provinceOf(request.unitCode),
      utcOffsetMinutes: this.deps.utcOffsetMinutes,
    });
    return { source: foldedSource(state), year: request.year ?? Number(asOfDate.slice(0, 4)), asOfDate };
  }
}

/** The province of a unit: its first two digits. */
export function provinceOf(unitCode: string): string {
  return unitCode.slice(0, 2).padEnd(12, '0');
}

/** The unit above, for breadcrumbs; null for a province. */
export function parentOf(unitCode: string): string | null {
  return divisionTier(unitCode) === 'province' ? null : parentDivision(unitCode);
}
