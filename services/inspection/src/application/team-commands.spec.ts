import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { foldStream } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import {
  villageReservationDecider,
  villageReservationStreamId,
  VillageHeldByAnotherTeam,
} from '../domain/village-reservation/village-reservation';
import { CampaignCommands } from './campaign-commands';
import { OPERATOR } from '@relapse-watch/access';
import { TeamCommands } from './team-commands';

// Teams against a real SQLite store: the village reservations under concurrency and retries.
const CAMPAIGN = '51-2024';
const TOWNSHIP = '511923002000';
const V1 = '511923002201';
const V2 = '511923002202';
const V3 = '511923002203';
const clock = fixedOffsetClock(480);

let dir: string;
let store: SqliteEventStore;
let teams: TeamCommands;

const ctx = (idempotencyKey?: string) => ({
  caller: OPERATOR,
  correlationId: 'spec',
  ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
});
const form = (villageCodes: string[], name: string, key?: string) =>
  teams.form(
    {
      campaignId: CAMPAIGN,
      name,
      townshipCode: TOWNSHIP,
      villageCodes,
      members: [{ userId: 'u-1', role: 'official' }],
    },
    ctx(key),
  );
const holder = async (village: string) => {
  const state = await foldStream(store, villageReservationStreamId(CAMPAIGN, village), villageReservationDecider);
  return state.kind === 'held' ? state.teamId : null;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-inspection-teams-'));
  store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  teams = new TeamCommands({ store, clock });
  const policy = { lines: { monitoringThresholdFen: 720000, inspectionFilterLineFen: null }, keyRegions: [] };
  await new CampaignCommands({ store, clock, policy: { inForce: () => Promise.resolve(policy) } }).launch(
    {
      provinceCode: '51',
      year: 2024,
      launchedOn: '2024-09-01',
      teamsInPlaceBy: '2024-09-15',
      inspectBy: '2024-12-15',
      checklistVersion: '2024.1',
      ruleSetVersion: '51-2024.1',
      keyGroupRuleIds: [],
    },
    ctx(),
  );
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one team per village per campaign', () => {
  it('of two teams racing for one village, exactly one wins; the loser keeps none of its villages', async () => {
    const results = await Promise.allSettled([form([V1, V2], '一组'), form([V2, V3], '二组')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(VillageHeldByAnotherTeam);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof form>>>).value.createdId;
    expect((lost[0]?.reason as VillageHeldByAnotherTeam).holderTeamId).toBe(winner);
    const held = [await holder(V1), await holder(V2), await holder(V3)];
    expect(held.filter((h) => h === winner)).toHaveLength(2);
    expect(held.filter((h) => h !== winner)).toEqual([null]);
  });

  it('a form re-sent with the same key is the same team and reserves nothing twice', async () => {
    const first = await form([V1], '一组', 'key-1');
    const again = await form([V1], '一组', 'key-1');
    expect(again.createdId).toBe(first.createdId);
    expect(again.replayed).toBe(true);
    expect(await holder(V1)).toBe(first.createdId);
  });

  it('a team refused after its reservations (already formed with other details) releases what it reserved', async () => {
    const first = await form([V1], '一组', 'key-2');
    // The same key names the same team id; the team refuses another name before reserving V3.
    await expect(form([V1, V3], '改名', 'key-2')).rejects.toMatchObject({ code: 'team.already-formed' });
    expect(await holder(V3)).toBeNull();
    expect(await holder(V1)).toBe(first.createdId);
  });

  it('a coverage change releases the villages given up once the change is written', async () => {
    const team = await form([V1, V2], '一组');
    await teams.changeCoverage(team.createdId, [V2, V3], ctx());
    expect([await holder(V1), await holder(V2), await holder(V3)]).toEqual([null, team.createdId, team.createdId]);
    await teams.disband(team.createdId, '合并', ctx());
    expect([await holder(V2), await holder(V3)]).toEqual([null, null]);
  });
});
