import { authorizeCaller, type Caller } from '@relapse-watch/access';
import { DomainError, divisionTier, isDivisionCode, parentDivision, type Clock } from '@relapse-watch/domain-kernel';
import type { EventStore } from '@relapse-watch/event-store-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { localDateOf } from '../domain/report-event';
import { contextIds, type CampaignContext, type ProvinceYearContext } from '../domain/reporting-context';
import { tierReportOf, type TierReport } from '../domain/tier-report/tier-report';
import { countsOf, type ReportingCollections, type UnitDocument } from '../read-model/reporting-collections';
import { foldInboxUntil } from './as-of-fold';

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

const EARLIEST_YEAR = 2014;

/**
 * The tier reports: a unit's summary now (one document read: the unit's counts, plus its
 * province-year's campaign and lines) or as of a past instant (the inbox log folded up to that
 * instant, in memory). Only inside the caller's area.
 */
export class ReportQueries {
  constructor(private readonly deps: ReportQueriesDeps) {}

  /** The nine reports of a unit. @throws DomainError `access.*`, `report.*` */
  async unitReport(caller: Caller, request: ReportRequest): Promise<TierReport> {
    this.check(caller, request);
    if (request.asOf !== undefined) return this.asOfReport(request.unitCode, request.asOf, request.year);
    const today = localDateOf(this.deps.clock.now().toISOString(), this.deps.utcOffsetMinutes);
    const year = request.year ?? Number(today.slice(0, 4));
    const { store } = this.deps;
    const collections = this.deps.collections();
    const unit = await store.get<UnitDocument>(collections.units, request.unitCode);
    const provinceYear = await store.get<ProvinceYearContext>(
      collections.contexts,
      contextIds.provinceYear(provinceOf(request.unitCode), year),
    );
    const campaignId = provinceYear?.data.campaignIds?.at(-1);
    const campaign =
      campaignId === undefined
        ? null
        : await store.get<CampaignContext>(collections.contexts, contextIds.campaign(campaignId));
    return tierReportOf(request.unitCode, countsOf(unit?.data.counts ?? []), {
      year,
      asOfDate: today,
      campaign: campaign?.data ?? null,
      provinceYear: provinceYear?.data ?? null,
    });
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

  private check(caller: Caller, request: ReportRequest): void {
    if (!isDivisionCode(request.unitCode))
      throw new DomainError({
        code: 'report.unit-code-invalid',
        field: 'unitCode',
        message: '须为12位统计用区划代码 / must be a 12-digit statistical division code',
      });
    authorizeCaller(caller, 'report.read', request.unitCode, 'unitCode');
    const thisYear = this.deps.clock.now().getUTCFullYear() + 1;
    if (request.year !== undefined && (request.year < EARLIEST_YEAR || request.year > thisYear))
      throw new DomainError({
        code: 'report.year-out-of-range',
        field: 'year',
        message: `年份须在 ${EARLIEST_YEAR} 到 ${thisYear} 之间 / year must be from ${EARLIEST_YEAR} to ${thisYear}`,
      });
    if (request.asOf !== undefined && Number.isNaN(Date.parse(request.asOf)))
      throw new DomainError({
        code: 'report.as-of-invalid',
        field: 'asOf',
        message: '截至时刻不是有效的日期时间 / asOf is not a valid date and time',
      });
    if (request.asOf !== undefined && Date.parse(request.asOf) > this.deps.clock.now().getTime())
      throw new DomainError({
        code: 'report.as-of-in-future',
        field: 'asOf',
        message: '截至时间不能晚于现在 / asOf must not be later than now',
      });
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
