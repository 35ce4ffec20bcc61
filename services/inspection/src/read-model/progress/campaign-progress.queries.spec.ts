import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foldProjection, type ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import type { HouseholdInspectionEvent } from '../../domain/household-inspection/household-inspection.events';
import { inspectionFactsEffects } from '../../household-facts/inspection-household-view';
import { householdEvent } from '@relapse-watch/household-view/testing';
import { TEAMS_COLLECTION, teamView } from '../teams/team-list.projection';
import { TeamListQueries } from '../teams/team-list.queries';
import { CampaignProgressQueries, type ProgressTerms } from './campaign-progress.queries';
import { HOUSEHOLD_PROGRESS_COLLECTION, householdProgressProjection } from './household-progress.projection';
import { atRiskSuggested, completed, decided, inspectionHistory } from './testing/progress-events';

// A county of two townships on a real read store (SQLite): households registered through the
// facts consumer's effects (which also put their villages in scope), inspections folded by the
// progress projection, teams as the team list keeps them. Expected figures are counted by hand
// from the table below.
const T1 = '511923102000';
const T2 = '511923103000';
const V1 = '511923102201';
const V2 = '511923102202';
const V3 = '511923103201';
const COUNTY = '511923000000';

/** Each household: its village and its inspection's events after the opening (undefined: never inspected). */
const HOUSEHOLDS: readonly [id: string, village: string, events: HouseholdInspectionEvent[] | undefined][] = [
  ['h1', V1, [completed(['household-visit'])]],
  ['h2', V1, [completed(['online-communication'], { late: true, completedOn: '2024-09-02' })]],
  ['h3', V1, undefined],
  ['h4', V2, [completed(['group-assessment', 'household-visit'], { keyGroupRuleIds: ['key-group.income-drop'] })]],
  ['h5', V2, [atRiskSuggested('s-5'), decided('accepted', 's-5')]],
  ['h6', V3, [completed(['household-visit'])]],
  ['h7', V3, []],
];

const BEFORE_DEADLINES: ProgressTerms = {
  campaignId: '51-2024',
  teamsInPlaceBy: '2024-08-16',
  inspectBy: '2024-08-30',
  today: '2024-08-10',
};
const AFTER_DEADLINES: ProgressTerms = { ...BEFORE_DEADLINES, today: '2024-09-05' };

let dir: string;
let store: ReadStore;
let progress: CampaignProgressQueries;
const teams = {
  active: teamView(
    {
      teamId: 't-a',
      campaignId: '51-2024',
      name: '一组',
      townshipCode: T1,
      villageCodes: [V1],
      members: [],
      disbanded: null,
    },
    0,
  ),
  disbanded: teamView(
    {
      teamId: 't-b',
      campaignId: '51-2024',
      name: '二组',
      townshipCode: T2,
      villageCodes: [V3],
      members: [],
      disbanded: { reason: '调整 / reorganised' },
    },
    1,
  ),
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inspection-progress-'));
  store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  for (const [householdId, villageCode, events] of HOUSEHOLDS) {
    const registered = householdEvent('HouseholdRegistered', '2024-05-01', { householdId, villageCode });
    await store.applyBatch(await inspectionFactsEffects(store, registered));
    if (events === undefined) continue;
    const docs = foldProjection(
      householdProgressProjection,
      inspectionHistory('51-2024', householdId, villageCode, events),
    );
    for (const doc of docs.values()) await store.put(HOUSEHOLD_PROGRESS_COLLECTION, doc);
  }
  // Another campaign's inspection in the same village counts nowhere here.
  for (const doc of foldProjection(
    householdProgressProjection,
    inspectionHistory('51-2025', 'h1', V1, [completed(['household-visit'])]),
  ).values())
    await store.put(HOUSEHOLD_PROGRESS_COLLECTION, doc);
  for (const team of Object.values(teams))
    await store.put(TEAMS_COLLECTION, { id: team.teamId, position: 1, data: team });
  const teamList = new TeamListQueries(store);
  progress = new CampaignProgressQueries(store, (campaignId, unit) => teamList.teamsIn(campaignId, unit));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('campaign progress', () => {
  it('counts a county and each of its townships, after both deadlines', async () => {
    const county = await progress.ofUnit(AFTER_DEADLINES, COUNTY);
    expect(county).toMatchObject({
      divisionCode: COUNTY,
      tier: 'county',
      households: {
        inScope: 7,
        done: 4,
        late: 1,
        overdue: 3,
        byMethod: { 'household-visit': 3, 'online-communication': 1, 'group-assessment': 1 },
      },
      keyGroups: { completed: 1 },
      atRisk: { suggested: 1, flagged: 1 },
      villages: { inScope: 3, withTeam: 1, overdue: 2 },
    });
    expect(
      county.children.map((c) => [c.divisionCode, c.households.inScope, c.households.done, c.households.overdue]),
    ).toEqual([
      [T1, 5, 3, 2],
      [T2, 2, 1, 1],
    ]);
    expect(county.children.map((c) => c.villages)).toEqual([
      { inScope: 2, withTeam: 1, overdue: 1 },
      { inScope: 1, withTeam: 0, overdue: 1 },
    ]);
  });

  it('lists a township’s villages as its children', async () => {
    const township = await progress.ofUnit(AFTER_DEADLINES, T1);
    expect(township.children.map((c) => [c.divisionCode, c.tier, c.households.inScope, c.households.done])).toEqual([
      [V1, 'village', 3, 2],
      [V2, 'village', 2, 1],
    ]);
  });

  it('counts nothing overdue before the deadlines', async () => {
    const county = await progress.ofUnit(BEFORE_DEADLINES, COUNTY);
    expect(county.households.overdue).toBe(0);
    expect(county.villages.overdue).toBe(0);
    expect(county.households.done).toBe(4);
  });

  it('counts a team’s villages, and nothing as covered by a disbanded team', async () => {
    expect(await progress.ofTeam(AFTER_DEADLINES, teams.active)).toMatchObject({
      households: { inScope: 3, done: 2, late: 1, overdue: 1 },
      villages: { inScope: 1, withTeam: 1, overdue: 0 },
    });
    expect(await progress.ofTeam(AFTER_DEADLINES, teams.disbanded)).toMatchObject({
      households: { inScope: 2, done: 1 },
      villages: { inScope: 1, withTeam: 0, overdue: 1 },
    });
  });
});
