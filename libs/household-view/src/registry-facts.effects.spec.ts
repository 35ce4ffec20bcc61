import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { householdViewCollections } from './household-view.collections';
import { registryFactsEffects } from './registry-facts.effects';
import type { RegistryFactsEvent } from './registry-facts.events';
import { HOUSEHOLD_ID, householdEvent, thresholdPublished } from './testing/household-facts.fixtures';

// The writes of one event on a real read store (SQLite), in the collections a service names.
const VIEW = householdViewCollections('effects-spec');

let dir: string;
let store: ReadStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-household-view-effects-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Folds the event as a consumer would: its writes, applied. */
async function fold(event: RegistryFactsEvent) {
  const batch = await registryFactsEffects(store, event, VIEW);
  await store.applyBatch(batch);
  return batch;
}

describe('the writes one registry event makes', () => {
  it('a registration puts its household document in the facts collection at position 1, and nothing else', async () => {
    const registered = householdEvent('HouseholdRegistered', '2024-05-01');
    const batch = await fold(registered);
    expect(batch.operations).toEqual([
      {
        type: 'put',
        collection: 'effects-spec-household-facts',
        doc: { id: HOUSEHOLD_ID, position: 1, data: expect.objectContaining({ lastEventId: registered.id }) },
      },
    ]);
  });

  it('each later fold of a household counts one more write', async () => {
    await fold(householdEvent('HouseholdRegistered', '2024-05-01'));
    await fold(householdEvent('HouseholdIncomeRecorded', '2024-06-01'));
    const warning = householdEvent('HouseholdDataQualityWarningsChanged', '2024-06-02');
    expect((await fold(warning)).operations).toEqual([
      expect.objectContaining({ doc: expect.objectContaining({ id: HOUSEHOLD_ID, position: 3 }) }),
    ]);
    expect((await store.get(VIEW.facts, HOUSEHOLD_ID))?.position).toBe(3);
  });

  it('the last event again (a redelivery) writes nothing', async () => {
    const registered = householdEvent('HouseholdRegistered', '2024-05-01');
    await fold(registered);
    expect(await fold(registered)).toEqual({});
    const income = householdEvent('HouseholdIncomeRecorded', '2024-06-01');
    await fold(income);
    expect(await fold(income)).toEqual({});
    expect((await store.get(VIEW.facts, HOUSEHOLD_ID))?.position).toBe(2);
  });

  it('an event about a household not registered here writes nothing', async () => {
    expect(await fold(householdEvent('HouseholdMembersChanged', '2024-06-01'))).toEqual({});
    expect(await store.get(VIEW.facts, HOUSEHOLD_ID)).toBeNull();
  });

  it('a policy event puts the province-year document in the policy collection', async () => {
    const published = thresholdPublished({ revision: 1, supersedes: null });
    expect((await fold(published)).operations).toEqual([
      {
        type: 'put',
        collection: 'effects-spec-policy',
        doc: { id: '51-2024', position: 1, data: expect.objectContaining({ provinceCode: '51', year: 2024 }) },
      },
    ]);
    expect(await fold(published)).toEqual({});
  });
});
