import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUSEHOLD_ID, householdEvent, VILLAGE } from '@relapse-watch/household-view/testing';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { INSPECTION_HOUSEHOLD_VIEW, inspectionFactsEffects } from './inspection-household-view';

// The inspection's copy of the household view on a real read store (SQLite): the collections it
// has always used, and the village scope written with a registration.

let dir: string;
let store: ReadStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inspection-household-view-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const SCOPE_PUT = {
  type: 'put',
  collection: 'inspection-scope-villages',
  doc: {
    id: VILLAGE,
    position: 1,
    data: {
      villageCode: '510104001001',
      provinceCode: '510000000000',
      cityCode: '510100000000',
      countyCode: '510104000000',
      townshipCode: '510104001000',
    },
  },
};

describe('the inspection’s household view', () => {
  it('keeps the collections it had before the view was shared', () => {
    expect(INSPECTION_HOUSEHOLD_VIEW).toEqual({
      facts: 'inspection-household-facts',
      policy: 'inspection-policy',
      episodes: 'inspection-household-episodes',
    });
  });

  it('a registration writes the household and puts its village in scope, in one batch', async () => {
    const batch = await inspectionFactsEffects(store, householdEvent('HouseholdRegistered', '2024-05-01'));
    expect(batch.operations).toEqual([
      expect.objectContaining({
        collection: 'inspection-household-facts',
        doc: expect.objectContaining({ id: HOUSEHOLD_ID }),
      }),
      SCOPE_PUT,
    ]);
  });

  it('a registration that changes nothing (redelivered, or known already) writes no scope either', async () => {
    const registered = householdEvent('HouseholdRegistered', '2024-05-01');
    await store.applyBatch(await inspectionFactsEffects(store, registered));
    expect(await inspectionFactsEffects(store, registered)).toEqual({});
    expect(await inspectionFactsEffects(store, householdEvent('HouseholdRegistered', '2024-09-09'))).toEqual({});
  });

  it('any other event writes the household alone', async () => {
    await store.applyBatch(await inspectionFactsEffects(store, householdEvent('HouseholdRegistered', '2024-05-01')));
    const batch = await inspectionFactsEffects(store, householdEvent('HouseholdIncomeRecorded', '2024-06-01'));
    expect(batch.operations).toEqual([
      expect.objectContaining({
        collection: 'inspection-household-facts',
        doc: expect.objectContaining({ position: 2 }),
      }),
    ]);
  });
});
