import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerOf, listScope, type Principal } from '@relapse-watch/access';
import { HOUSEHOLD_FACTS_INDEXES, HouseholdFactsQueries } from '@relapse-watch/household-view';
import { householdEvent } from '@relapse-watch/household-view/testing';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { INSPECTION_HOUSEHOLD_VIEW, inspectionFactsEffects } from '../household-facts/inspection-household-view';
import { householdFactsFor } from './household-facts.use-cases';

// The household view read for a caller, on a real read store (SQLite): the area comes from access.
const VILLAGES = ['510104001001', '510104001002', '510104002001'];
/** Households per village, in the order above. */
const PER_VILLAGE = [3, 2, 1];

let dir: string;
let store: ReadStore;
let queries: HouseholdFactsQueries;
const ids: Record<string, string[]> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inspection-facts-for-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  for (const fields of HOUSEHOLD_FACTS_INDEXES) await store.ensureIndex(INSPECTION_HOUSEHOLD_VIEW.facts, fields);
  queries = new HouseholdFactsQueries(store, INSPECTION_HOUSEHOLD_VIEW);
  for (const [i, villageCode] of VILLAGES.entries()) {
    ids[villageCode] = [];
    for (let n = 0; n < PER_VILLAGE[i]; n++) {
      const householdId = randomUUID();
      ids[villageCode].push(householdId);
      const registered = householdEvent('HouseholdRegistered', '2024-05-01', {
        householdId,
        villageCode,
        householdNumber: `${villageCode}-${n}`,
      });
      await store.applyBatch(await inspectionFactsEffects(store, registered));
    }
  }
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sorted = (values: readonly string[]) => [...values].sort();
const official = (unitCode: string): Principal => ({
  kind: 'user',
  id: `official-${unitCode}`,
  role: 'county-official',
  unitCode,
  villageCodes: [],
});

describe('households listed inside a caller’s area', () => {
  it('a village inspector listing their township sees their village of it, and is refused another county', async () => {
    const inspector: Principal = {
      kind: 'user',
      id: 'inspector',
      role: 'village-inspector',
      unitCode: '510104001000',
      villageCodes: ['510104001002'],
    };
    const scope = listScope(callerOf(inspector), 'inspection.read', '510104001000');
    const page = await queries.ofUnit('510104001000', {}, scope);
    expect(sorted(page.items.map((f) => f.householdId))).toEqual(sorted(ids['510104001002']));
    expect(page.total).toBe(2);
    expect(() => listScope(callerOf(inspector), 'inspection.read', '510105000000')).toThrow(
      expect.objectContaining({ code: 'access.outside-area' }),
    );
  });
});

describe('one household’s facts for a caller', () => {
  it('answers inside the caller’s area, refuses outside it, and says not known before the registration arrived', async () => {
    const householdId = ids['510104002001'][0];
    await expect(householdFactsFor(queries, householdId, callerOf(official('510104000000')))).resolves.toMatchObject({
      householdId,
    });
    await expect(householdFactsFor(queries, householdId, callerOf(official('510105000000')))).rejects.toMatchObject({
      code: 'access.outside-area',
      field: 'householdId',
    });
    await expect(householdFactsFor(queries, randomUUID(), callerOf(official('510104000000')))).rejects.toMatchObject({
      code: 'household.not-known',
      field: 'householdId',
    });
  });
});
