import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { foldStream, handleCommand, type StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import type { InspectionTeamV1 } from '@relapse-watch/contracts';
import { addInspector, HASH_A } from '../domain/testing/identity-samples.fixture';
import { userDecider, userStreamId } from '../domain/user/user.decider';
import { TeamCoverageSync } from './team-coverage.sync';

// The team → inspector villages translation over a real SQLite store: the users decider's own
// command, recorded with the team message as causation.
const PINGHE = '511923105000';
const V1 = '511923105201';
const V2 = '511923105202';
const V3 = '511923105203';
const ELSEWHERE = '511923106201';
const INSPECTOR = addInspector.data.userId;
const OFFICIAL = 'u-official-1';

let dir: string;
let store: SqliteEventStore;
let sync: TeamCoverageSync;
let message = 0;

const team = (over: Partial<InspectionTeamV1> = {}): InspectionTeamV1 => ({
  campaignId: '51-2024',
  teamId: 'team-1',
  name: '坪河镇排查组',
  townshipCode: PINGHE,
  villageCodes: [V1, V2],
  members: [
    { userId: INSPECTOR, role: 'grid-worker' },
    { userId: OFFICIAL, role: 'official' },
  ],
  disbanded: false,
  ...over,
});
const meta = (messageId = `msg-${++message}`) => ({
  messageId,
  correlationId: 'corr-1',
  now: new Date('2024-09-02T01:00:00Z'),
});

async function villagesOf(userId: string): Promise<readonly string[]> {
  const user = await foldStream(store, userStreamId(userId), userDecider);
  return user.kind === 'user' ? user.villageCodes : [];
}

async function userEvents(userId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of store.readStream(userStreamId(userId))) events.push(e);
  return events;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-team-coverage-'));
  store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  sync = new TeamCoverageSync(store);
  const ctx = {
    now: new Date(),
    actor: { userId: 'spec', role: 'system' },
    correlationId: 'spec',
    divisionCode: PINGHE,
  };
  await handleCommand(
    store,
    userStreamId(INSPECTOR),
    userDecider,
    { ...addInspector, data: { ...addInspector.data, villageCodes: [] } },
    ctx,
  );
  const official = {
    type: 'AddUser' as const,
    data: {
      ...addInspector.data,
      userId: OFFICIAL,
      signInName: 'official.pinghe',
      role: 'township-official' as const,
      villageCodes: [],
      passwordHash: HASH_A,
    },
  };
  await handleCommand(store, userStreamId(OFFICIAL), userDecider, official, ctx);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('team coverage → a village inspector’s villages', () => {
  it('a team formed with the inspector gives them its villages, recorded with the message as causation', async () => {
    await sync.record(team(), meta('msg-formed'));
    expect(await villagesOf(INSPECTOR)).toEqual([V1, V2]);
    const assigned = (await userEvents(INSPECTOR)).at(-1);
    expect(assigned).toMatchObject({
      type: 'UserVillagesAssigned',
      metadata: { causationId: 'msg-formed', actor: { userId: 'system:inspection-teams' } },
    });
  });

  it('a redelivered message writes nothing more', async () => {
    await sync.record(team(), meta('msg-a'));
    const before = (await userEvents(INSPECTOR)).length;
    await sync.record(team(), meta('msg-a'));
    expect((await userEvents(INSPECTOR)).length).toBe(before);
  });

  it('the villages are the union over the inspector’s teams; a coverage change of one team changes only its share', async () => {
    await sync.record(team(), meta());
    await sync.record(team({ teamId: 'team-2', villageCodes: [V3] }), meta());
    expect(await villagesOf(INSPECTOR)).toEqual([V1, V2, V3]);
    await sync.record(team({ villageCodes: [V2] }), meta());
    expect(await villagesOf(INSPECTOR)).toEqual([V2, V3]);
  });

  it('an inspector taken off a team loses its villages; a disbanded team gives none', async () => {
    await sync.record(team(), meta());
    await sync.record(team({ teamId: 'team-2', villageCodes: [V3] }), meta());
    await sync.record(team({ members: [{ userId: OFFICIAL, role: 'official' }] }), meta());
    expect(await villagesOf(INSPECTOR)).toEqual([V3]);
    await sync.record(team({ teamId: 'team-2', villageCodes: [V3], disbanded: true }), meta());
    expect(await villagesOf(INSPECTOR)).toEqual([]);
  });

  it('grants no village outside the inspector’s unit, and none to an official or an unknown user', async () => {
    await sync.record(
      team({
        villageCodes: [V1, ELSEWHERE],
        members: [...team().members, { userId: 'u-not-here', role: 'grid-worker' }],
      }),
      meta(),
    );
    expect(await villagesOf(INSPECTOR)).toEqual([V1]);
    expect(await villagesOf(OFFICIAL)).toEqual([]);
    expect((await userEvents(OFFICIAL)).map((e) => e.type)).toEqual(['UserAdded']);
    expect(await userEvents('u-not-here')).toEqual([]);
  });
});
