import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { evolveEpisodes } from './household-episodes.evolve';
import { HouseholdFactsQueries } from './household-facts.queries';
import { ensureHouseholdViewIndexes, householdViewCollections } from './household-view.collections';
import { registryFactsEffects } from './registry-facts.effects';
import { episodeEvent, HOUSEHOLD_ID, householdEvent, VILLAGE } from './testing/household-facts.fixtures';

// A household's monitoring episodes, from the assistance service's events: folded on their own,
// joined to the facts by the queries (what the key group "monitored over a year" reads).

describe('folding episodes', () => {
  const identified = episodeEvent('MonitoringSubjectIdentified', {
    caseId: 'c-1',
    householdId: 'h-1',
    on: '2024-09-24',
  });

  it('an identification opens an episode; the same case again changes nothing', () => {
    const doc = evolveEpisodes(null, identified);
    expect(doc).toEqual({
      householdId: 'h-1',
      episodes: [{ caseId: 'c-1', identifiedOn: '2024-09-24', eliminatedOn: null }],
      lastEventId: identified.id,
    });
    const again = episodeEvent('MonitoringSubjectIdentified', { caseId: 'c-1', householdId: 'h-1', on: '2024-09-25' });
    expect(evolveEpisodes(doc, again)).toBe(doc);
    expect(evolveEpisodes(doc, identified)).toBe(doc);
  });

  it('an elimination closes its own case’s episode, and one of a case never seen changes nothing', () => {
    const doc = evolveEpisodes(null, identified);
    const eliminated = episodeEvent('RiskEliminated', { caseId: 'c-1', householdId: 'h-1', on: '2025-11-14' });
    expect(evolveEpisodes(doc, eliminated)?.episodes).toEqual([
      { caseId: 'c-1', identifiedOn: '2024-09-24', eliminatedOn: '2025-11-14' },
    ]);
    const unknown = episodeEvent('RiskEliminated', { caseId: 'c-9', householdId: 'h-1', on: '2025-11-14' });
    expect(evolveEpisodes(doc, unknown)).toBe(doc);
    expect(evolveEpisodes(null, unknown)).toBeNull();
  });
});

describe('the queries join the episodes to the facts', () => {
  let dir: string;
  let store: ReadStore;
  const view = householdViewCollections('episodes-spec');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rw-household-episodes-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await ensureHouseholdViewIndexes(store, view);
    for (const event of [
      householdEvent('HouseholdRegistered', '2024-05-01'),
      householdEvent('HouseholdRegistered', '2024-05-01', { householdId: 'h-other', householdNumber: 'n-other' }),
      episodeEvent('MonitoringSubjectIdentified', { caseId: 'c-1', householdId: HOUSEHOLD_ID, on: '2024-09-24' }),
    ])
      await store.applyBatch(await registryFactsEffects(store, event, view));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one household’s facts carry its open episode; another household’s none', async () => {
    const queries = new HouseholdFactsQueries(store, view);
    expect((await queries.facts(HOUSEHOLD_ID))?.monitoringEpisodes).toEqual([
      { identifiedOn: '2024-09-24', eliminatedOn: null },
    ]);
    expect((await queries.facts('h-other'))?.monitoringEpisodes).toBeUndefined();
  });

  it('a unit’s page and a province’s scan carry them too', async () => {
    const queries = new HouseholdFactsQueries(store, view);
    const page = await queries.ofUnit(VILLAGE);
    const episodesOf = (items: readonly { householdId: string; monitoringEpisodes?: unknown }[]) =>
      Object.fromEntries(items.map((f) => [f.householdId, f.monitoringEpisodes ?? null]));
    const expected = { [HOUSEHOLD_ID]: [{ identifiedOn: '2024-09-24', eliminatedOn: null }], 'h-other': null };
    expect(episodesOf(page.items)).toEqual(expected);
    const scanned = [];
    for await (const facts of queries.ofProvince(VILLAGE.slice(0, 2))) scanned.push(facts);
    expect(episodesOf(scanned)).toEqual(expected);
  });
});
