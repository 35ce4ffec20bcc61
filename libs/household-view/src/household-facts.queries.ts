import { divisionTier, type IsoDate } from '@relapse-watch/domain-kernel';
import type { HouseholdFacts } from '@relapse-watch/inspection-rules';
import type { AnyOf, ReadDocument, ReadStore, WhereFilter } from '@relapse-watch/read-store-core';
import { episodeFacts, type HouseholdEpisodesDocument } from './household-episodes.evolve';
import { factsOf, type HouseholdFactsDocument } from './household-facts.document';
import type { HouseholdViewCollections } from './household-view.collections';
import { policyInForce, type PolicyInForce } from './policy-in-force';
import { policyDocumentId, type PolicyDocument } from './policy-view.evolve';
import type { ResidentHouseholdDocument } from './resident-households';

/** The facts with the household's monitoring episodes, when the assistance service published any. */
function withEpisodes(facts: HouseholdFacts, episodes: HouseholdEpisodesDocument | null): HouseholdFacts {
  return episodes === null ? facts : { ...facts, monitoringEpisodes: episodeFacts(episodes) };
}

/** Households a page holds at most, and what a scan reads per round trip. */
export const HOUSEHOLD_FACTS_PAGE_SIZE = 1_000;
/** Households whose episodes one lookup reads. */
const EPISODE_LOOKUP_SLICE = 250;

/** A page of households. */
export interface HouseholdFactsPage {
  readonly items: readonly HouseholdFacts[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Optional extra condition on a list: a field holding one of the codes (the caller's area). */
export interface FactsCondition {
  readonly field: string;
  readonly codes: readonly string[];
}

const TIER_FIELD = {
  province: 'provinceCode',
  city: 'cityCode',
  county: 'countyCode',
  township: 'townshipCode',
  village: 'villageCode',
} as const;

/**
 * A unit's condition: the field of its tier equal to its code. A province may be given by its
 * 2-digit code (`51`), as the policy events (and the inspection's campaign ids) name it.
 */
function unitWhere(unitCode: string, condition?: FactsCondition | null): WhereFilter {
  const code = /^[0-9]{2}$/.test(unitCode) ? unitCode.padEnd(12, '0') : unitCode;
  const where: Readonly<Record<string, string | AnyOf>> = { [TIER_FIELD[divisionTier(code)]]: code };
  if (!condition) return where;
  // The area on the unit's own tier: the unit is one of its units, or nothing matches.
  if (condition.field in where)
    return condition.codes.includes(code) ? where : { ...where, [condition.field]: { in: [] } };
  return { ...where, [condition.field]: { in: condition.codes } };
}

/**
 * What a service knows of households and of the province's policy, read from its own copy of the
 * view (`collections`), as its use cases ask (no access check here: each service's application
 * layer decides who may ask).
 */
export class HouseholdFactsQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly collections: HouseholdViewCollections,
  ) {}

  /** One household's facts, or null until the registry's registration has arrived. */
  async facts(householdId: string): Promise<HouseholdFacts | null> {
    const [doc, episodes] = await Promise.all([
      this.store.get<HouseholdFactsDocument>(this.collections.facts, householdId),
      this.store.get<HouseholdEpisodesDocument>(this.collections.episodes, householdId),
    ]);
    return doc === null ? null : withEpisodes(factsOf(doc.data), episodes?.data ?? null);
  }

  /** The facts of a page of documents, each with its episodes (one lookup for the page). */
  private async withEpisodesOf(docs: readonly ReadDocument<HouseholdFactsDocument>[]): Promise<HouseholdFacts[]> {
    if (docs.length === 0) return [];
    const episodes: ReadDocument<HouseholdEpisodesDocument>[] = [];
    // In slices: SQLite refuses an `in` list of a whole page (its expression depth is at most 1,000).
    for (let start = 0; start < docs.length; start += EPISODE_LOOKUP_SLICE) {
      const ids = docs.slice(start, start + EPISODE_LOOKUP_SLICE).map((d) => d.id);
      episodes.push(
        ...(await this.store.find<HouseholdEpisodesDocument>(this.collections.episodes, {
          where: { householdId: { in: ids } },
          limit: ids.length,
        })),
      );
    }
    const byHousehold = new Map(episodes.map((e) => [e.id, e.data]));
    return docs.map((doc) => withEpisodes(factsOf(doc.data), byHousehold.get(doc.id) ?? null));
  }

  /**
   * The household a person belongs to now, by the salted hash of their resident ID; null when the
   * view knows no such person (or this copy of the view keeps no residents' collection).
   */
  async householdIdByResidentHash(residentIdHash: string): Promise<string | null> {
    if (this.collections.residents === undefined) return null;
    const doc = await this.store.get<ResidentHouseholdDocument>(this.collections.residents, residentIdHash);
    return doc?.data.householdId ?? null;
  }

  /** A page of the households of a unit (village, township, county, city or province), by id. */
  async ofUnit(
    unitCode: string,
    page: { readonly limit?: number; readonly offset?: number } = {},
    condition?: FactsCondition | null,
  ): Promise<HouseholdFactsPage> {
    const where = unitWhere(unitCode, condition);
    const limit = Math.min(page.limit ?? HOUSEHOLD_FACTS_PAGE_SIZE, HOUSEHOLD_FACTS_PAGE_SIZE);
    const offset = page.offset ?? 0;
    const [docs, total] = await Promise.all([
      this.store.find<HouseholdFactsDocument>(this.collections.facts, { where, limit, offset }),
      this.store.count(this.collections.facts, where),
    ]);
    return { items: await this.withEpisodesOf(docs), total, limit, offset };
  }

  /**
   * Every household of a province, page after page in id order. Households registered while the
   * scan runs may be missed or (with an id sorting before the page) shift one household into the
   * next page twice; ids are checked, so nobody is yielded twice. A caller that must not miss one
   * (an inspection campaign) adds households registered after its start by their own events, not
   * by scanning again.
   */
  async *ofProvince(provinceCode: string): AsyncGenerator<HouseholdFacts> {
    const where = unitWhere(provinceCode);
    const seen = new Set<string>();
    for (let offset = 0; ; offset += HOUSEHOLD_FACTS_PAGE_SIZE) {
      const docs = await this.store.find<HouseholdFactsDocument>(this.collections.facts, {
        where,
        limit: HOUSEHOLD_FACTS_PAGE_SIZE,
        offset,
      });
      const fresh = docs.filter((doc) => !seen.has(doc.id));
      for (const doc of fresh) seen.add(doc.id);
      for (const facts of await this.withEpisodesOf(fresh)) yield facts;
      if (docs.length < HOUSEHOLD_FACTS_PAGE_SIZE) return;
    }
  }

  /** The household with this number on its village's register, or null (how officials' sheets name households). */
  async idByNumber(villageCode: string, householdNumber: string): Promise<string | null> {
    const [doc] = await this.store.find<HouseholdFactsDocument>(this.collections.facts, {
      where: { villageCode, householdNumber },
      limit: 1,
    });
    return doc === undefined ? null : doc.data.householdId;
  }

  /** Households per village of a province (villages without any are absent), by village code. */
  async countPerVillage(provinceCode: string): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>();
    for await (const facts of this.ofProvince(provinceCode))
      counts.set(facts.villageCode, (counts.get(facts.villageCode) ?? 0) + 1);
    return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** The province's policy of a year in force on `on` (what an inspection campaign's launch snapshots). */
  async policyInForce(provinceCode: string, year: number, on: IsoDate): Promise<PolicyInForce> {
    const doc = await this.store.get<PolicyDocument>(this.collections.policy, policyDocumentId(provinceCode, year));
    return policyInForce(doc?.data ?? null, provinceCode, year, on);
  }
}
