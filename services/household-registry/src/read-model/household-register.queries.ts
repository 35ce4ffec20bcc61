import { divisionTier } from '@relapse-watch/domain-kernel';
import type { ReadDocument, ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import { HOUSEHOLD_WARNING_RULES, type HouseholdWarningRule } from '../domain/household/household-warning.catalogue';
import { HOUSEHOLDS_COLLECTION, type HouseholdView } from './household-register.projection';

/** A page of the household list. */
export interface HouseholdPage {
  readonly total: number;
  readonly items: readonly HouseholdView[];
}

/** Filters of the household list. */
export interface HouseholdListFilter {
  /** Any tier: the households of that unit. */
  readonly divisionCode?: string;
  readonly status?: HouseholdView['statusKind'];
  /** Only households with this warning open, or with any (`any`). */
  readonly warning?: HouseholdWarningRule | 'any';
  /** Only households whose `field` (a tier's code) is one of `codes`: the caller's area. */
  readonly within?: { readonly field: string; readonly codes: readonly string[] };
  readonly limit: number;
  readonly offset: number;
}

/** Reads of the household register, over any read store. */
export class HouseholdRegisterQueries {
  constructor(private readonly store: ReadStore) {}

  async get(householdId: string): Promise<ReadDocument<HouseholdView> | null> {
    return this.store.get<HouseholdView>(HOUSEHOLDS_COLLECTION, householdId);
  }

  /** Households of a unit, by village then household number. */
  async list(filter: HouseholdListFilter): Promise<HouseholdPage> {
    const where: Record<string, WhereFilter[string]> = {};
    if (filter.within !== undefined) where[filter.within.field] = { in: filter.within.codes };
    if (filter.divisionCode !== undefined) where[`${divisionTier(filter.divisionCode)}Code`] = filter.divisionCode;
    if (filter.status !== undefined) where['statusKind'] = filter.status;
    if (filter.warning === 'any') where['hasOpenWarnings'] = true;
    else if (filter.warning !== undefined) where[`warningRules.${HOUSEHOLD_WARNING_RULES[filter.warning].key}`] = true;
    const query: WhereFilter = where;
    const [total, docs] = await Promise.all([
      this.store.count(HOUSEHOLDS_COLLECTION, query),
      this.store.find<HouseholdView>(HOUSEHOLDS_COLLECTION, {
        where: query,
        sort: [
          { field: 'villageCode', direction: 'asc' },
          { field: 'householdNumber', direction: 'asc' },
        ],
        limit: filter.limit,
        offset: filter.offset,
      }),
    ]);
    return { total, items: docs.map((d) => d.data) };
  }
}
