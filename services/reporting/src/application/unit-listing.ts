import { DIVISION_TIERS, DomainError, divisionTier, type Clock, type DivisionTier } from '@relapse-watch/domain-kernel';
import type { ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import { localDateOf } from '../domain/report-event';
import { tierReportOf, type TierReport, type TierReportContext } from '../domain/tier-report/tier-report';
import type { DivisionNames } from '../divisions/division-names.port';
import {
  ancestorField,
  countsOf,
  type ReportingCollections,
  type UnitDocument,
} from '../read-model/reporting-collections';
import { liveReportContext } from './report-request.check';

/** What listing the units under a unit reads. */
export interface UnitListingDeps {
  readonly store: ReadStore;
  /** The live generation's collections (moves after a rebuild). */
  readonly collections: () => ReportingCollections;
  readonly names: DivisionNames;
  readonly clock: Clock;
  readonly utcOffsetMinutes: number;
}

/** One listed unit: its code, its name (its code when the name is unknown) and its reports. */
export interface ListedUnit {
  readonly unitCode: string;
  readonly name: string;
  readonly report: TierReport;
}

/**
 * The tier of the units to list under `unitCode`: `requested`, or the tier right below.
 * @throws DomainError `report.tier-not-below` (field `tier`) for a tier not below the unit.
 */
export function listedTier(unitCode: string, requested: DivisionTier | undefined): DivisionTier {
  const depth = DIVISION_TIERS.indexOf(divisionTier(unitCode));
  const tier = requested ?? DIVISION_TIERS[depth + 1];
  if (tier === undefined || DIVISION_TIERS.indexOf(tier) <= depth)
    throw new DomainError({
      code: 'report.tier-not-below',
      field: 'tier',
      message: '层级须低于所选单位 / tier must be below the unit',
    });
  return tier;
}

/**
 * A listing of the units of one tier under a unit, read from the live generation (its summaries
 * filtered on the indexed tier and ancestor code, in code order) with the context every unit of
 * the province shares read once. The generation is fixed when the listing starts, so a rebuild
 * switching generations mid-export cannot mix two.
 */
export class UnitListing {
  private constructor(
    private readonly deps: UnitListingDeps,
    private readonly collections: ReportingCollections,
    readonly unitCode: string,
    readonly tier: DivisionTier,
    readonly context: TierReportContext,
  ) {}

  /** Opens a listing (the caller checked the request). @throws as {@link listedTier}. */
  static async open(
    deps: UnitListingDeps,
    request: { readonly unitCode: string; readonly tier?: DivisionTier; readonly year?: number },
  ): Promise<UnitListing> {
    const tier = listedTier(request.unitCode, request.tier);
    const today = localDateOf(deps.clock.now().toISOString(), deps.utcOffsetMinutes);
    const year = request.year ?? Number(today.slice(0, 4));
    const collections = deps.collections();
    const context = await liveReportContext(deps.store, collections, request.unitCode, year, today);
    return new UnitListing(deps, collections, request.unitCode, tier, context);
  }

  private get where(): WhereFilter {
    return { tier: this.tier, [ancestorField(divisionTier(this.unitCode))!]: this.unitCode };
  }

  /** The unit itself (the total of everything listed under it). */
  async self(): Promise<ListedUnit> {
    const doc = await this.deps.store.get<UnitDocument>(this.collections.units, this.unitCode);
    const names = await this.deps.names.namesOf([this.unitCode]);
    return this.listed(this.unitCode, doc?.data ?? null, names);
  }

  /** How many units are listed. */
  count(): Promise<number> {
    return this.deps.store.count(this.collections.units, this.where);
  }

  /** One page of listed units, in code order. */
  async page(offset: number, limit: number): Promise<ListedUnit[]> {
    const docs = await this.deps.store.find<UnitDocument>(this.collections.units, { where: this.where, offset, limit });
    const names = await this.deps.names.namesOf(docs.map((doc) => doc.id));
    return docs.map((doc) => this.listed(doc.id, doc.data, names));
  }

  /** Every listed unit, read page by page as the consumer asks for them: never all at once. */
  async *all(pageSize: number, onPage?: (offset: number, units: number) => void): AsyncGenerator<ListedUnit> {
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.page(offset, pageSize);
      onPage?.(offset, page.length);
      yield* page;
      if (page.length < pageSize) return;
    }
  }

  private listed(unitCode: string, doc: UnitDocument | null, names: ReadonlyMap<string, string>): ListedUnit {
    const report = tierReportOf(unitCode, countsOf(doc?.counts ?? ''), this.context);
    return { unitCode, name: names.get(unitCode) ?? unitCode, report };
  }
}
