import type { Caller } from '@relapse-watch/access';
import { divisionTier, parentDivision, type Clock } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { localDateOf } from '../domain/report-event';
import { contextIds, type CampaignContext, type ProvinceYearContext } from '../domain/reporting-context';
import { tierReportOf, type TierReport } from '../domain/tier-report/tier-report';
import { countsOf, type ReportingCollections, type UnitDocument } from '../read-model/reporting-collections';
import { foldInboxUntil } from './as-of-fold';
import { checkReportRequest, liveReportContext } from './report-request.check';

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
    if (request.asOf !== undefined) return this.asOfReport(request.unitCode, request.asOf, request.year);
    const today = localDateOf(this.deps.clock.now().toISOString(), this.deps.utcOffsetMinutes);
    const year = request.year ?? Number(today.slice(0, 4));
    const collections = this.deps.collections();
    const context = await liveReportContext(this.deps.store, collections, request.unitCode, year, today);
    const unit = await this.deps.store.get<UnitDocument>(collections.units, request.unitCode);
    return tierReportOf(request.unitCode, countsOf(unit?.data.counts ?? []), context);
  }

  private async asOfReport(unitCode: string, asOf: string, requestedYear: number | undefined): Promise<TierReport> {
    const instant = Date.parse(asOf);
    const asOfDate = localDateOf(new Date(instant).toISOString(), this.deps.utcOffsetMinutes);
    const year = requestedYear ?? Number(asOfDate.slice(0, 4));
    const state = await foldInboxUntil(this.deps.inbox, {
      until: instant,
      provinceCode: provinceOf(unitCode),
      utcOffsetMinutes: this.deps.utcOffsetMinutes,
    });
    const provinceYear = state.context<ProvinceYearContext>(contextIds.provinceYear(provinceOf(unitCode), year));
    const campaignId = provinceYear?.campaignIds?.at(-1);
    const campaign = campaignId === undefined ? null : state.context<CampaignContext>(contextIds.campaign(campaignId));
    return tierReportOf(unitCode, state.unit(unitCode), { year, asOfDate, campaign, provinceYear });
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
