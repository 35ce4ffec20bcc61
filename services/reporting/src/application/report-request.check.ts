import { authorizeCaller, type Caller } from '@relapse-watch/access';
import { DomainError, isDivisionCode, type Clock } from '@relapse-watch/domain-kernel';
import type { ReadStore } from '@relapse-watch/read-store-core';
import type { TierReportContext } from '../domain/tier-report/tier-report';
import type { ReportingCollections } from '../read-model/reporting-collections';
import { liveSource, reportContext } from './report-sources';

const EARLIEST_YEAR = 2014;

/** What every report request names: the unit, and optionally the year and a past instant. */
export interface ReportScope {
  readonly unitCode: string;
  readonly year?: number;
  readonly asOf?: string;
}

/**
 * Refuses a report request before anything is read: a malformed unit code (`report.unit-code-invalid`),
 * a unit outside the caller's area or a caller without `report.read` (`access.*`), a year out of
 * range, an instant that is no date or lies in the future. Every refusal names its field.
 * @throws DomainError
 */
export function checkReportRequest(
  caller: Caller,
  request: ReportScope,
  clock: Clock,
  options: { readonly reachUnit: boolean } = { reachUnit: true },
): void {
  if (!isDivisionCode(request.unitCode))
    throw new DomainError({
      code: 'report.unit-code-invalid',
      field: 'unitCode',
      message: '须为12位统计用区划代码 / must be a 12-digit statistical division code',
    });
  // reachUnit false: the caller may ask without reaching the unit (key regions: the answer is cut to the area).
  authorizeCaller(caller, 'report.read', options.reachUnit ? request.unitCode : undefined, 'unitCode');
  const lastYear = clock.now().getUTCFullYear() + 1;
  if (request.year !== undefined && (request.year < EARLIEST_YEAR || request.year > lastYear))
    throw new DomainError({
      code: 'report.year-out-of-range',
      field: 'year',
      message: `年份须在 ${EARLIEST_YEAR} 到 ${lastYear} 之间 / year must be from ${EARLIEST_YEAR} to ${lastYear}`,
    });
  if (request.asOf !== undefined && Number.isNaN(Date.parse(request.asOf)))
    throw new DomainError({
      code: 'report.as-of-invalid',
      field: 'asOf',
      message: '截至时刻不是有效的日期时间 / asOf is not a valid date and time',
    });
  if (request.asOf !== undefined && Date.parse(request.asOf) > clock.now().getTime())
    throw new DomainError({
      code: 'report.as-of-in-future',
      field: 'asOf',
      message: '截至时间不能晚于现在 / asOf must not be later than now',
    });
}

/**
 * What a live report of a unit needs besides its counts: the province-year (lines, campaigns)
 * and the year's latest campaign, read from the live generation. Every unit of one province
 * shares it, so a listing reads it once.
 */
export function liveReportContext(
  store: ReadStore,
  collections: ReportingCollections,
  unitCode: string,
  year: number,
  asOfDate: string,
): Promise<TierReportContext> {
  return reportContext(liveSource(store, collections), unitCode.slice(0, 2).padEnd(12, '0'), year, asOfDate);
}
