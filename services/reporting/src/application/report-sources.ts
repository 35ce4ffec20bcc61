import type { ReadStore } from '@relapse-watch/read-store-core';
import type { Counters } from '../domain/counters';
import { contextIds, type CampaignContext, type ProvinceYearContext } from '../domain/reporting-context';
import type { ReportingState } from '../domain/reporting-state';
import type { TierReportContext } from '../domain/tier-report/tier-report';
import { countsOf, type ReportingCollections, type UnitDocument } from '../read-model/reporting-collections';

/** Where a report's figures come from: the live read models, or the log folded up to an instant. */
export interface ReportSource {
  /** The summary counts of units (each a lookup). */
  unitCounts(unitCodes: readonly string[]): Promise<Map<string, Counters>>;
  provinceYear(provinceCode: string, year: number): Promise<ProvinceYearContext | null>;
  campaign(campaignId: string): Promise<CampaignContext | null>;
}

/** The live read models of a generation: each figure one document read. */
export function liveSource(store: ReadStore, collections: ReportingCollections): ReportSource {
  return {
    async unitCounts(unitCodes) {
      const docs = await store.getMany<UnitDocument>(collections.units, unitCodes);
      return new Map(unitCodes.map((code) => [code, countsOf(docs.get(code)?.data.counts ?? '')]));
    },
    async provinceYear(provinceCode, year) {
      const doc = await store.get<ProvinceYearContext>(
        collections.contexts,
        contextIds.provinceYear(provinceCode, year),
      );
      return doc?.data ?? null;
    },
    async campaign(campaignId) {
      return (await store.get<CampaignContext>(collections.contexts, contextIds.campaign(campaignId)))?.data ?? null;
    },
  };
}

/** The documents of an as-of fold, in memory. */
export function foldedSource(state: ReportingState): ReportSource {
  return {
    unitCounts: async (unitCodes) => new Map(unitCodes.map((code) => [code, state.unit(code)])),
    provinceYear: async (provinceCode, year) =>
      state.context<ProvinceYearContext>(contextIds.provinceYear(provinceCode, year)),
    campaign: async (campaignId) => state.context<CampaignContext>(contextIds.campaign(campaignId)),
  };
}

/** The year's campaign and lines of a province, as a report's context. */
export async function reportContext(
  source: ReportSource,
  provinceCode: string,
  year: number,
  asOfDate: string,
): Promise<TierReportContext> {
  const provinceYear = await source.provinceYear(provinceCode, year);
  const campaignId = provinceYear?.campaignIds?.at(-1);
  const campaign = campaignId === undefined ? null : await source.campaign(campaignId);
  return { year, asOfDate, campaign, provinceYear };
}
