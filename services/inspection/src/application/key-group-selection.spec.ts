import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Principal } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { HouseholdFactsQueries, unitCodesOf } from '@relapse-watch/household-view';
import { callerOf } from '@relapse-watch/access';
import { INSPECTION_HOUSEHOLD_VIEW } from '../household-facts/inspection-household-view';
import { inspectionRules } from './inspection-rules.adapter';
import { KeyGroupSelectionQueries } from './key-group-selection';
import { CampaignsInMemory, householdFacts, sichuanCampaign } from './testing/household-inspection.test-support';

// Key-group selection over the inspection's view of households on a real read store (SQLite),
// with the rules of libs/inspection-rules: a member newly severely disabled selects a household.
const VILLAGE = '511902001001';
const TOWNSHIP = '511902001000';
const disabled = (id: string) =>
  householdFacts(id, {
    members: [{ ...householdFacts(id).members[0], health: { kind: 'disabled', grade: 1 }, healthSince: '2024-06-01' }],
  });
const county: Principal = {
  kind: 'user',
  id: 'u-1',
  role: 'county-official',
  unitCode: '511902000000',
  villageCodes: [],
};
const province: Principal = {
  kind: 'user',
  id: 'u-3',
  role: 'province-official',
  unitCode: '510000000000',
  villageCodes: [],
};
const elsewhere: Principal = {
  kind: 'user',
  id: 'u-2',
  role: 'county-official',
  unitCode: '511923000000',
  villageCodes: [],
};

let dir: string;
let store: ReadStore;
let queries: KeyGroupSelectionQueries;
const campaigns = new CampaignsInMemory();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-key-groups-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  for (const facts of [disabled('h-1'), householdFacts('h-2'), disabled('h-3'), householdFacts('h-4')])
    await store.put(INSPECTION_HOUSEHOLD_VIEW.facts, {
      id: facts.householdId,
      position: 1,
      data: { ...facts, ...unitCodesOf(VILLAGE), lastEventId: 'e' },
    });
  campaigns.put(sichuanCampaign());
  campaigns.put(sichuanCampaign({ campaignId: '51-2025', year: 2024, keyGroupRuleIds: ['key-group.income-drop'] }));
  queries = new KeyGroupSelectionQueries({
    campaigns,
    households: new HouseholdFactsQueries(store, INSPECTION_HOUSEHOLD_VIEW),
    rules: inspectionRules,
    clock: fixedOffsetClock(480, () => new Date('2024-09-10T02:00:00Z')),
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('key-group selection', () => {
  it('lists the households the campaign’s rules select in a township, each with its rule and evidence, paged', async () => {
    const page = await queries.ofUnit('51-2024', TOWNSHIP, { limit: 1, offset: 0 }, callerOf(county));
    expect(page).toMatchObject({ householdsRead: 4, total: 2, limit: 1, offset: 0 });
    expect(page.items).toHaveLength(1);
    const [first] = page.items;
    expect(['h-1', 'h-3']).toContain(first.householdId);
    expect(first.selections.map((s) => s.ruleId)).toEqual(['key-group.new-severe-disability']);
    expect(first.selections[0].evidence.length).toBeGreaterThan(0);
    const second = await queries.ofUnit('51-2024', TOWNSHIP, { limit: 1, offset: 1 }, callerOf(county));
    expect(second.items.map((h) => h.householdId)).not.toContain(first.householdId);
  });

  it('selects only by the key-group rules the campaign was launched with', async () => {
    const page = await queries.ofUnit('51-2025', TOWNSHIP, { limit: 10, offset: 0 }, callerOf(county));
    expect(page).toMatchObject({ householdsRead: 4, total: 0, items: [] });
  });

  it('refuses a city, a unit outside the caller’s area and an unknown campaign', async () => {
    await expect(
      queries.ofUnit('51-2024', '511900000000', { limit: 10, offset: 0 }, callerOf(province)),
    ).rejects.toMatchObject({
      code: 'key-groups.unit-too-wide',
      field: 'divisionCode',
    });
    await expect(
      queries.ofUnit('51-2024', TOWNSHIP, { limit: 10, offset: 0 }, callerOf(elsewhere)),
    ).rejects.toMatchObject({
      code: 'access.outside-area',
    });
    await expect(queries.ofUnit('51-2031', TOWNSHIP, { limit: 10, offset: 0 }, callerOf(county))).rejects.toMatchObject(
      {
        code: 'campaign.not-found',
      },
    );
  });
});
