import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { AnyOf, ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import { tierField, type AreaCondition } from '@relapse-watch/access';
import { FOLLOW_UPS_COLLECTION, type FollowUp, type FollowUpKind, type FollowUpStatus } from './follow-up.projection';

/** Which follow-ups a list reads: a campaign's issues or items in a unit, narrowed by status and rule. */
export interface FollowUpFilter {
  readonly campaignId: string;
  readonly kind: FollowUpKind;
  readonly unitCode: string;
  readonly status?: FollowUpStatus;
  readonly ruleId?: string;
  /** The caller's area where it lies partly inside the unit (an inspector's villages of their township). */
  readonly area: AreaCondition | null;
}

/** A follow-up as the lists show it, with its age and whether it is past its due day on `today`. */
export interface FollowUpRow extends FollowUp {
  /** Days from opening to closing, or to today while open. */
  readonly daysOpen: number;
  /** An item open after its due day, or closed after it; false for an issue. */
  readonly overdue: boolean;
}

/** One page of a list. */
export interface FollowUpPage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly FollowUpRow[];
}

/** Rows read per store page while a whole list streams out (an export). */
export const FOLLOW_UP_EXPORT_PAGE = 500;

const DAY_MS = 86_400_000;
const dayNumber = (date: IsoDate) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;

/** The row of a follow-up on `today`. */
export function followUpRow(doc: FollowUp, today: IsoDate): FollowUpRow {
  const until = doc.closedOn ?? today;
  const overdue =
    doc.kind === 'rectification' &&
    (doc.status === 'closed' ? doc.closedLate === true : doc.dueOn !== null && today > doc.dueOn);
  return { ...doc, daysOpen: Math.max(0, dayNumber(until) - dayNumber(doc.openedOn)), overdue };
}

/** Newest first; ties by document id (the store's own tie-break), so offsets page stably. */
const SORT = [{ field: 'openedOn', direction: 'desc' }] as const;

/**
 * Reads of the follow-up list over any read store: equality filters on flat fields (the unit's
 * tier code, the caller's area as one `in` lookup), counted and paged by the store.
 */
export class FollowUpQueries {
  constructor(private readonly store: ReadStore) {}

  /** One page of the list, and how many match. */
  async page(filter: FollowUpFilter, today: IsoDate, limit: number, offset: number): Promise<FollowUpPage> {
    const where = whereOf(filter);
    const [total, docs] = await Promise.all([
      this.store.count(FOLLOW_UPS_COLLECTION, where),
      this.store.find<FollowUp>(FOLLOW_UPS_COLLECTION, { where, sort: SORT, limit, offset }),
    ]);
    return { total, limit, offset, items: docs.map((d) => followUpRow(d.data, today)) };
  }

  /** Every row of the list, a store page at a time (for exports: never the whole list in memory). */
  async *all(filter: FollowUpFilter, today: IsoDate): AsyncIterable<FollowUpRow> {
    const where = whereOf(filter);
    for (let offset = 0; ; offset += FOLLOW_UP_EXPORT_PAGE) {
      const docs = await this.store.find<FollowUp>(FOLLOW_UPS_COLLECTION, {
        where,
        sort: SORT,
        limit: FOLLOW_UP_EXPORT_PAGE,
        offset,
      });
      for (const doc of docs) yield followUpRow(doc.data, today);
      if (docs.length < FOLLOW_UP_EXPORT_PAGE) return;
    }
  }
}

function whereOf(filter: FollowUpFilter): WhereFilter {
  const where: Record<string, string | AnyOf> = {
    campaignId: filter.campaignId,
    kind: filter.kind,
    [tierField(filter.unitCode)]: filter.unitCode,
  };
  if (filter.status !== undefined) where['status'] = filter.status;
  if (filter.ruleId !== undefined) where['ruleId'] = filter.ruleId;
  if (filter.area !== null) where[filter.area.field] = { in: filter.area.codes };
  return where;
}
