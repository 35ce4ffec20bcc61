import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerOf } from '@relapse-watch/access';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { foldStream } from '@relapse-watch/event-store-core';
import type { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { ProjectionRunner } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import type { RequestContext } from '@relapse-watch/service-runtime';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import type { CaseListDocument } from '../read-model/case-list/case-list.document';
import { caseListProjection } from '../read-model/case-list/case-list.projection';
import { CaseListQueries } from '../read-model/case-list/case-list.queries';
import { CaseCommands } from './case-commands';
import { caseIdOf } from './case-ids';
import { CaseSchedule, NATIONAL_CASE_POLICY } from './case-policy';
import { DeadlineWatcher } from './deadline-watcher';
import { CaseHouseholdsInMemory, householdFacts, openTestStore, TOWNSHIP_OFFICIAL } from './testing/case.test-support';

// The watcher on a real SQLite event store and read store, the case list kept by its projection
// runner, and the shipped 2024 calendar (National Day: 1–7 October off; Sunday 29 September and
// Saturday 12 October worked). Worked out by hand:
// - a lead received Monday 30 September has 2 calendar days: 2 October, a holiday, so the period
//   runs on to the first working day after the holiday, Tuesday 8 October (民法典 art. 203); the
//   acceptance is overdue from Wednesday 9 October;
// - a lead accepted on Sunday 29 September (a working day) has 5 working days for the home
//   verification: 30 September, 8, 9, 10 and 11 October; overdue from Saturday 12 October.

let events: ReturnType<typeof openTestStore>;
let store: SqliteEventStore;
let dir: string;
let readStore: SqliteReadStore;
let runner: ProjectionRunner<CaseListDocument>;
let now: Date;
const households = new CaseHouseholdsInMemory();
let commands: CaseCommands;
let queries: CaseListQueries;
let watcher: DeadlineWatcher;
let sequence = 0;

/** 10:00 in China on the day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const township = (): RequestContext => ({ caller: callerOf(TOWNSHIP_OFFICIAL), correlationId: `corr-${++sequence}` });
const caughtUp = async () => runner.waitUntilCaughtUp(await store.headPosition());
const lead = (referenceId: string) => ({
  source: 'self-application' as const,
  referenceId,
  department: null,
  summary: null,
});

beforeAll(async () => {
  events = openTestStore();
  store = events.store;
  dir = mkdtempSync(join(tmpdir(), 'rw-assistance-watch-'));
  readStore = SqliteReadStore.open({ path: join(dir, 'read.db') });
  runner = new ProjectionRunner(caseListProjection, store, readStore);
  await runner.start();
  const clock = { ...fixedOffsetClock(480), now: () => now };
  commands = new CaseCommands({ store, clock, households, schedule: new CaseSchedule(NATIONAL_CASE_POLICY) });
  queries = new CaseListQueries(readStore);
  watcher = new DeadlineWatcher({ queries, commands, clock });
});
afterAll(async () => {
  await runner.stop();
  await readStore.close();
  await events.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function openCase(householdId: string, on: string): Promise<string> {
  now = at(on);
  households.put(householdFacts(householdId));
  return (await commands.submitLead({ householdId, lead: lead(`a-${householdId}`), on }, township())).caseId;
}

describe('the deadline watcher across the 2024 National Day holiday', () => {
  it('marks an acceptance due on 8 October on the 9th, not on the 8th, and a timely one never', async () => {
    const late = await openCase('h-late', '2024-09-30');
    const timely = await openCase('h-timely', '2024-09-30');
    await caughtUp();
    expect(await queries.byId(late)).toMatchObject({ acceptBy: '2024-10-08', nextDueOn: '2024-10-08' });

    now = at('2024-10-08');
    await commands.step(timely, 'AcceptLead', { on: '2024-10-08', reason: '受理' }, township());
    await caughtUp();
    expect(await watcher.runOnce()).toEqual({ today: '2024-10-08', casesDue: 0, marked: [], refused: [] });

    now = at('2024-10-09');
    const report = await watcher.runOnce();
    expect(report).toEqual({
      today: '2024-10-09',
      casesDue: 1,
      marked: [{ caseId: late, mark: { on: '2024-10-09', step: 'accept', dueOn: '2024-10-08' } }],
      refused: [],
    });
    const state = await foldStream(store, monitoringCaseStreamId(late), monitoringCaseDecider);
    expect(state.kind === 'opened' && state.overdue).toEqual([
      {
        actor: { userId: 'operator', role: 'cli' },
        on: '2024-10-09',
        reason: null,
        step: 'accept',
        dueOn: '2024-10-08',
      },
    ]);
    await caughtUp();
    expect(await queries.byId(late)).toMatchObject({ overdue: true, awaitingDeadline: false });
    // Accepted on the 8th: 9, 10, 11, 12 (worked) and 14 October.
    expect(await queries.byId(timely)).toMatchObject({ overdueSteps: [], nextDueOn: '2024-10-14' });
    expect((await queries.overdueIn('511902000000')).items.map((c) => c.caseId)).toEqual([late]);
  });

  it('marks a home verification due on Friday 11 October on Saturday the 12th (a worked day), once', async () => {
    const caseId = await openCase('h-home', '2024-09-27');
    now = at('2024-09-29');
    await commands.step(caseId, 'AcceptLead', { on: '2024-09-29', reason: '受理' }, township());
    await caughtUp();
    expect(await queries.byId(caseId)).toMatchObject({ homeVerificationBy: '2024-10-11' });

    now = at('2024-10-11');
    expect((await watcher.runOnce()).marked.filter((m) => m.caseId === caseId)).toEqual([]);

    // The list is not updated between the two runs: the second sends the mark again, which the
    // decider answers with no event.
    await runner.stop();
    now = at('2024-10-12');
    const first = await watcher.runOnce();
    const second = await watcher.runOnce();
    await runner.start();
    const mark = { caseId, mark: { on: '2024-10-12', step: 'home-verification', dueOn: '2024-10-11' } };
    expect(first.marked).toContainEqual(mark);
    expect(second).toMatchObject({ casesDue: first.casesDue, marked: [], refused: [] });
    const state = await foldStream(store, monitoringCaseStreamId(caseId), monitoringCaseDecider);
    expect(state.kind === 'opened' && state.overdue.map((o) => o.step)).toEqual(['home-verification']);
  });

  it('reports a case that moved on since the list was read as refused, and goes on with the others', async () => {
    const caseId = await openCase('h-moved', '2024-10-14');
    await caughtUp();
    await runner.stop();
    now = at('2024-10-17');
    // Dismissed on the 17th, after its deadline (the 16th), but the list has not seen it yet.
    await commands.step(caseId, 'DismissLead', { on: '2024-10-17', reason: '无风险' }, township());
    const report = await watcher.runOnce();
    await runner.start();
    expect(report.refused).toEqual([
      { caseId, mark: { on: '2024-10-17', step: 'accept', dueOn: '2024-10-16' }, code: 'case.closed' },
    ]);
    // The case accepted on 8 October, due for its home verification on the 14th.
    expect(report.marked).toEqual([
      {
        caseId: caseIdOf('h-timely', 0),
        mark: { on: '2024-10-17', step: 'home-verification', dueOn: '2024-10-14' },
      },
    ]);
  });
});
