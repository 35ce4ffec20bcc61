import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HouseholdFactsQueries } from '@relapse-watch/household-view';
import { HOUSEHOLD_ID, householdEvent, thresholdPublished, VILLAGE } from '@relapse-watch/household-view/testing';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { ASSISTANCE_HOUSEHOLD_VIEW, assistanceFactsEffects, householdsFromView } from './assistance-household-view';

// The assistance service's own copy of the household view, on a real SQLite read store.

let dir: string;
let store: ReadStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-assistance-view-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps its own collections, apart from the inspection’s', () => {
  expect(ASSISTANCE_HOUSEHOLD_VIEW).toEqual({
    facts: 'assistance-household-facts',
    policy: 'assistance-policy',
    episodes: 'assistance-household-episodes',
    residents: 'assistance-resident-households',
  });
});

it('folds a registered household and gives each asked year the line in force on 31 December', async () => {
  await store.applyBatch(await assistanceFactsEffects(store, householdEvent('HouseholdRegistered', '2024-05-01')));
  // 2024: revision 1 (7,500) from March, revision 2 (7,600) from April; 2025: 7,800 from January. 2023: none.
  for (const event of [
    thresholdPublished({ year: 2024, revision: 1, amountFen: 750_000, effectiveFrom: '2024-03-01', supersedes: null }),
    thresholdPublished({ year: 2024, revision: 2, amountFen: 760_000, effectiveFrom: '2024-04-01' }),
    thresholdPublished({ year: 2025, revision: 1, amountFen: 780_000, effectiveFrom: '2025-01-01', supersedes: null }),
  ])
    await store.applyBatch(await assistanceFactsEffects(store, event));
  const households = householdsFromView(new HouseholdFactsQueries(store, ASSISTANCE_HOUSEHOLD_VIEW));
  expect(await households.facts(HOUSEHOLD_ID)).toMatchObject({ householdId: HOUSEHOLD_ID, villageCode: VILLAGE });
  expect(await households.monitoringLinesFen('51', [2023, 2024, 2025])).toEqual({ 2024: 760_000, 2025: 780_000 });
});
