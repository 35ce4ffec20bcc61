import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { HouseholdFactsQueries } from './household-facts.queries';
import { householdViewCollections } from './household-view.collections';
import { registryFactsEffects } from './registry-facts.effects';
import type { RegistryFactsEvent } from './registry-facts.events';
import { HOUSEHOLD_ID, householdEvent } from './testing/household-facts.fixtures';

// Finding a household by a person's salted resident-ID hash, on a real read store (SQLite): only a
// copy of the view that asks for the residents' collection keeps the hashes.
const VIEW = householdViewCollections('residents-spec', { residents: true });
const PLAIN = householdViewCollections('plain-spec');
const [HEAD, SPOUSE] = householdMembersChangedV1.fixture.members;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const OTHER_HOUSEHOLD = '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c99';

let dir: string;
let store: ReadStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-household-view-residents-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fold(event: RegistryFactsEvent, view = VIEW) {
  const batch = await registryFactsEffects(store, event, view);
  await store.applyBatch(batch);
  return batch;
}

function membersChanged(
  householdId: string,
  members: readonly { memberId: string; residentIdHash: string | null }[],
): RegistryFactsEvent {
  const profiles = members.map((m) => ({ ...HEAD, memberId: m.memberId }));
  return householdEvent('HouseholdMembersChanged', '2024-06-01', {
    householdId,
    members: profiles,
    residentMemberCount: profiles.length,
    personal: { ref: `/api/registry/households/${householdId}/personal-data`, members: [...members] },
  });
}

describe('the residents’ collection', () => {
  it('is named after the context only when asked for', () => {
    expect(VIEW).toEqual({
      facts: 'residents-spec-household-facts',
      policy: 'residents-spec-policy',
      episodes: 'residents-spec-household-episodes',
      residents: 'residents-spec-resident-households',
    });
    expect(PLAIN).toEqual({
      facts: 'plain-spec-household-facts',
      policy: 'plain-spec-policy',
      episodes: 'plain-spec-household-episodes',
    });
  });

  it('finds each member’s household by hash; a member who left is vacated; a redelivery writes nothing', async () => {
    await fold(householdEvent('HouseholdRegistered', '2024-05-01'));
    const queries = new HouseholdFactsQueries(store, VIEW);
    const both = membersChanged(HOUSEHOLD_ID, [
      { memberId: HEAD.memberId, residentIdHash: HASH_A },
      { memberId: SPOUSE.memberId, residentIdHash: HASH_B },
    ]);
    await fold(both);
    expect(await queries.householdIdByResidentHash(HASH_A)).toBe(HOUSEHOLD_ID);
    expect(await queries.householdIdByResidentHash(HASH_B)).toBe(HOUSEHOLD_ID);
    expect(await queries.householdIdByResidentHash('c'.repeat(64))).toBeNull();
    expect(JSON.stringify(await queries.facts(HOUSEHOLD_ID))).not.toContain(HASH_A);

    await fold(membersChanged(HOUSEHOLD_ID, [{ memberId: HEAD.memberId, residentIdHash: HASH_A }]));
    expect(await queries.householdIdByResidentHash(HASH_B)).toBeNull();
    expect(await queries.householdIdByResidentHash(HASH_A)).toBe(HOUSEHOLD_ID);
    const again = await registryFactsEffects(
      store,
      membersChanged(HOUSEHOLD_ID, [{ memberId: HEAD.memberId, residentIdHash: HASH_A }]),
      VIEW,
    );
    expect(again.operations?.filter((op) => op.collection === VIEW.residents)).toEqual([]);
  });

  it('follows a person into another household; an erased member (hash null) is vacated', async () => {
    await fold(householdEvent('HouseholdRegistered', '2024-05-01'));
    await fold(householdEvent('HouseholdRegistered', '2024-05-01', { householdId: OTHER_HOUSEHOLD }));
    const queries = new HouseholdFactsQueries(store, VIEW);
    await fold(membersChanged(HOUSEHOLD_ID, [{ memberId: HEAD.memberId, residentIdHash: HASH_A }]));
    await fold(membersChanged(HOUSEHOLD_ID, []));
    await fold(membersChanged(OTHER_HOUSEHOLD, [{ memberId: 'm-new', residentIdHash: HASH_A }]));
    expect(await queries.householdIdByResidentHash(HASH_A)).toBe(OTHER_HOUSEHOLD);
    await fold(membersChanged(OTHER_HOUSEHOLD, [{ memberId: 'm-new', residentIdHash: null }]));
    expect(await queries.householdIdByResidentHash(HASH_A)).toBeNull();
  });

  it('is not kept by a copy that did not ask for it', async () => {
    await fold(householdEvent('HouseholdRegistered', '2024-05-01'), PLAIN);
    const batch = await fold(
      membersChanged(HOUSEHOLD_ID, [{ memberId: HEAD.memberId, residentIdHash: HASH_A }]),
      PLAIN,
    );
    expect(batch.operations?.map((op) => op.collection)).toEqual(['plain-spec-household-facts']);
    expect(await new HouseholdFactsQueries(store, PLAIN).householdIdByResidentHash(HASH_A)).toBeNull();
  });
});
