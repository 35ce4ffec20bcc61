import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdRegisteredV1 } from '@relapse-watch/contracts';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { HOUSEHOLD_FACTS_INDEXES } from './household-facts.document';
import { evolveHouseholdFacts } from './household-facts.evolve';
import { HOUSEHOLD_FACTS_PAGE_SIZE, HouseholdFactsQueries } from './household-facts.queries';
import { householdViewCollections } from './household-view.collections';
import { registryFactsEffects } from './registry-facts.effects';
import { thresholdPublished } from './testing/household-facts.fixtures';

// The queries on a real read store (SQLite): households of a unit, of a province, per village.
const VILLAGES = ['510104001001', '510104001002', '510104002001', '510105001001', '520102001001'];
/** Households per village, in the order above: 3 + 2 + 1 + 1 in Sichuan (51), 2 in Guizhou (52). */
const PER_VILLAGE = [3, 2, 1, 1, 2];
/** A context of the spec's own: the queries read the collections they are given, whatever the service. */
const VIEW = householdViewCollections('spec');

let dir: string;
let store: ReadStore;
let queries: HouseholdFactsQueries;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-household-view-queries-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  for (const fields of HOUSEHOLD_FACTS_INDEXES) await store.ensureIndex(VIEW.facts, fields);
  queries = new HouseholdFactsQueries(store, VIEW);
  for (const [i, villageCode] of VILLAGES.entries()) {
    ids[villageCode] = [];
    for (let n = 0; n < PER_VILLAGE[i]; n++) {
      const householdId = randomUUID();
      ids[villageCode].push(householdId);
      const data = {
        ...householdRegisteredV1.fixture,
        householdId,
        villageCode,
        householdNumber: `${villageCode}-${n}`,
      };
      const doc = evolveHouseholdFacts(null, {
        type: 'HouseholdRegistered',
        id: randomUUID(),
        learntOn: '2024-05-01',
        data,
      });
      await store.put(VIEW.facts, { id: householdId, position: 1, data: doc });
    }
  }
  await store.applyBatch(
    await registryFactsEffects(store, thresholdPublished({ revision: 1, supersedes: null }), VIEW),
  );
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sorted = (values: readonly string[]) => [...values].sort();

describe('HouseholdFactsQueries', () => {
  it('one household’s facts, without the storage fields; null for a household not known', async () => {
    const householdId = ids['510104001002'][0];
    const facts = await queries.facts(householdId);
    expect(facts).toMatchObject({ householdId, villageCode: '510104001002', registeredOn: '2024-05-01' });
    expect(Object.keys(facts!)).not.toContain('countyCode');
    expect(Object.keys(facts!)).not.toContain('lastEventId');
    expect(await queries.facts(randomUUID())).toBeNull();
  });

  it('the households of a village, township, county, city and province (by 12 or 2 digits), paged', async () => {
    const ofVillage = await queries.ofUnit('510104001001');
    expect(sorted(ofVillage.items.map((f) => f.householdId))).toEqual(sorted(ids['510104001001']));
    expect((await queries.ofUnit('510104001000')).total).toBe(5);
    expect((await queries.ofUnit('510104000000')).total).toBe(6);
    expect((await queries.ofUnit('510100000000')).total).toBe(7);
    expect((await queries.ofUnit('510000000000')).total).toBe(7);
    expect((await queries.ofUnit('52')).total).toBe(2);

    const first = await queries.ofUnit('51', { limit: 4 });
    const second = await queries.ofUnit('51', { limit: 4, offset: 4 });
    expect(first).toMatchObject({ total: 7, limit: 4, offset: 0 });
    expect(second.items).toHaveLength(3);
    const all = [...first.items, ...second.items].map((f) => f.householdId);
    expect(new Set(all).size).toBe(7);
    expect((await queries.ofUnit('51', { limit: HOUSEHOLD_FACTS_PAGE_SIZE * 2 })).limit).toBe(
      HOUSEHOLD_FACTS_PAGE_SIZE,
    );
  });

  it('inside an area only: its villages of a township; nothing for another unit of its tier', async () => {
    // What an inspector of village 510104001002 brings to a list (the caller's area, on its tier's field).
    const area = { field: 'villageCode', codes: ['510104001002'] };
    const ofTownship = await queries.ofUnit('510104001000', {}, area);
    expect(sorted(ofTownship.items.map((f) => f.householdId))).toEqual(sorted(ids['510104001002']));
    expect(ofTownship.total).toBe(2);
    expect((await queries.ofUnit('510104001002', {}, area)).total).toBe(2);
    expect(await queries.ofUnit('510104001001', {}, area)).toMatchObject({ items: [], total: 0 });
    expect((await queries.ofUnit('510104001000', {}, null)).total).toBe(5);
  });

  it('a full page of a unit (1,000 households and more) comes with each household’s episodes', async () => {
    const village = '530102001001';
    const many: string[] = [];
    for (let n = 0; n < HOUSEHOLD_FACTS_PAGE_SIZE + 20; n++) {
      const householdId = randomUUID();
      many.push(householdId);
      const data = { ...householdRegisteredV1.fixture, householdId, villageCode: village, householdNumber: `n-${n}` };
      const doc = evolveHouseholdFacts(null, {
        type: 'HouseholdRegistered',
        id: randomUUID(),
        learntOn: '2024-05-01',
        data,
      });
      await store.put(VIEW.facts, { id: householdId, position: 1, data: doc });
    }
    const monitored = [...many].sort().at(-1)!;
    const episodes = {
      householdId: monitored,
      episodes: [{ caseId: 'c-1', identifiedOn: '2023-03-01', eliminatedOn: null }],
      lastEventId: 'e-1',
    };
    await store.put(VIEW.episodes, { id: monitored, position: 1, data: episodes });
    const seen = new Map<string, readonly unknown[] | undefined>();
    for await (const facts of queries.ofProvince('53')) seen.set(facts.householdId, facts.monitoringEpisodes);
    expect(seen.size).toBe(many.length);
    expect(seen.get(monitored)).toEqual([{ identifiedOn: '2023-03-01', eliminatedOn: null }]);
    expect([...seen.values()].filter((e) => e !== undefined && e.length > 0)).toHaveLength(1);
  });

  it('every household of a province, as an async iterator, and the count per village', async () => {
    const seen: string[] = [];
    for await (const facts of queries.ofProvince('510000000000')) seen.push(facts.householdId);
    expect(sorted(seen)).toEqual(sorted(VILLAGES.slice(0, 4).flatMap((v) => ids[v])));
    expect([...(await queries.countPerVillage('51'))]).toEqual([
      ['510104001001', 3],
      ['510104001002', 2],
      ['510104002001', 1],
      ['510105001001', 1],
    ]);
  });

  it('the policy in force on a day, from the stored policy view', async () => {
    const inForce = await queries.policyInForce('51', 2024, '2024-04-01');
    expect(inForce.lines['monitoring-threshold']).toMatchObject({ revision: 1, amountFen: 760_000 });
    expect((await queries.policyInForce('51', 2024, '2024-03-31')).lines['monitoring-threshold']).toBeNull();
  });
});
