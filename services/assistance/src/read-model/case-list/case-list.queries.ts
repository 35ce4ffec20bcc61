import { tierField, type AreaCondition } from '@relapse-watch/access';
import { ageOn, type IsoDate } from '@relapse-watch/domain-kernel';
import type { FindQuery, ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import type { CasePhase } from '../../domain/monitoring-case/monitoring-case.steps';
import type { MonitoringCategory } from '../../domain/monitoring-case/monitoring-case.values';
import { CASE_LIST_COLLECTION, type CaseListDocument } from './case-list.document';

/** Cases a page holds at most. */
export const CASE_LIST_PAGE_SIZE = 500;

/** Which page: `limit` (at most {@link CASE_LIST_PAGE_SIZE}, the default) from `offset` (default 0). */
export interface CaseListPageRequest {
  readonly limit?: number;
  readonly offset?: number;
}

/** A page of cases and how many match in all. */
export interface CaseListPage {
  readonly items: readonly CaseListDocument[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Optional conditions of a unit's list, all of which must hold. */
export interface CaseListFilter {
  /** One phase, or any of several. */
  readonly phase?: CasePhase | readonly CasePhase[];
  /** Only cases behind a marked deadline (true), or only those that are not (false). */
  readonly overdue?: boolean;
  readonly category?: MonitoringCategory;
}

/**
 * The unit's condition (its tier's field equal to its code) within the caller's area: the area's
 * codes on their own field, or nothing at all when the area sits on the unit's own tier and does
 * not name the unit (`listScope` returns such a condition only when the unit is not inside it).
 */
function unitWhere(unitCode: string, area: AreaCondition | null | undefined): WhereFilter {
  const field = tierField(unitCode);
  const where: WhereFilter = { [field]: unitCode };
  if (!area) return where;
  if (area.field === field) return area.codes.includes(unitCode) ? where : { [field]: { in: [] } };
  return { ...where, [area.field]: { in: area.codes } };
}

function pageOf(page: CaseListPageRequest): { readonly limit: number; readonly offset: number } {
  const limit = Math.min(Math.max(1, Math.trunc(page.limit ?? CASE_LIST_PAGE_SIZE)), CASE_LIST_PAGE_SIZE);
  return { limit, offset: Math.max(0, Math.trunc(page.offset ?? 0)) };
}

/**
 * Reads of the case list over any read store (no access check here: the application layer
 * decides who may ask and passes the caller's area as `listScope` computed it).
 */
export class CaseListQueries {
  constructor(private readonly store: ReadStore) {}

  /** One case's document, or null while its opening has not reached the list. */
  async byId(caseId: string): Promise<CaseListDocument | null> {
    return (await this.store.get<CaseListDocument>(CASE_LIST_COLLECTION, caseId))?.data ?? null;
  }

  /** A page of the unit's cases, oldest opening first. */
  async inUnit(
    unitCode: string,
    filter: CaseListFilter = {},
    page: CaseListPageRequest = {},
    area?: AreaCondition | null,
  ): Promise<CaseListPage> {
    const where: Record<string, WhereFilter[string]> = { ...unitWhere(unitCode, area) };
    if (filter.phase !== undefined)
      where['phase'] = typeof filter.phase === 'string' ? filter.phase : { in: filter.phase };
    if (filter.overdue !== undefined) where['overdue'] = filter.overdue;
    if (filter.category !== undefined) where['category'] = filter.category;
    const { limit, offset } = pageOf(page);
    const query: FindQuery = { where, sort: [{ field: 'openedOn', direction: 'asc' }], limit, offset };
    const [docs, total] = await Promise.all([
      this.store.find<CaseListDocument>(CASE_LIST_COLLECTION, query),
      this.store.count(CASE_LIST_COLLECTION, where),
    ]);
    return { items: docs.map((d) => d.data), total, limit, offset };
  }

  /** The overdue list: the unit's running cases behind a marked deadline. */
  overdueIn(unitCode: string, page: CaseListPageRequest = {}, area?: AreaCondition | null): Promise<CaseListPage> {
    return this.inUnit(unitCode, { overdue: true }, page, area);
  }

  /**
   * A review list (DOMAIN.md: households monitored over 1 year, especially over 2, without
   * elimination get case-by-case review): the unit's cases identified at least `years` full years
   * before `asOf` (`ageOn`, as `yearsUnderMonitoring` counts them) and not eliminated by then,
   * longest monitored first. The stores compare by equality only, so it reads the unit's
   * identified cases in order of identification and stops at the first too recent one.
   */
  async monitoredLongerThan(
    unitCode: string,
    years: number,
    asOf: IsoDate,
    page: CaseListPageRequest = {},
    area?: AreaCondition | null,
  ): Promise<CaseListPage> {
    if (!Number.isSafeInteger(years) || years < 1) throw new RangeError('years: a whole number of at least 1');
    const { limit, offset } = pageOf(page);
    const where = { ...unitWhere(unitCode, area), identified: true };
    const items: CaseListDocument[] = [];
    let total = 0;
    for await (const doc of this.scan(where, 'identifiedOn')) {
      const since = doc.identifiedOn as IsoDate;
      if (since > asOf || ageOn(since, asOf) < years) break;
      if (doc.eliminatedOn !== null && doc.eliminatedOn <= asOf) continue;
      if (total >= offset && items.length < limit) items.push(doc);
      total += 1;
    }
    return { items, total, limit, offset };
  }

  /**
   * The running cases with a step past its deadline on `today` and neither done nor marked,
   * earliest deadline first: the deadline watcher's scan. Paged by offset, so the caller should
   * read it to the end before it writes anything that moves a case's next deadline.
   */
  async *pastDeadline(today: IsoDate): AsyncGenerator<CaseListDocument> {
    for await (const doc of this.scan({ awaitingDeadline: true }, 'nextDueOn')) {
      if ((doc.nextDueOn as IsoDate) >= today) return;
      yield doc;
    }
  }

  /** The matching documents in ascending order of `field`, page after page. */
  private async *scan(where: WhereFilter, field: string): AsyncGenerator<CaseListDocument> {
    const sort = [{ field, direction: 'asc' as const }];
    for (let offset = 0; ; offset += CASE_LIST_PAGE_SIZE) {
      const docs = await this.store.find<CaseListDocument>(CASE_LIST_COLLECTION, {
        where,
        sort,
        limit: CASE_LIST_PAGE_SIZE,
        offset,
      });
      for (const doc of docs) yield doc.data;
      if (docs.length < CASE_LIST_PAGE_SIZE) return;
    }
  }
}
