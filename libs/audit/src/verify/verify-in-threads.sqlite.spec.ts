import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { logSealsOf, type LogSeal, type LogSealKey, type LogSealKeyring } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect, testEvent } from '@relapse-watch/event-store-testing';
import { LogSealer } from '../seal/log-sealer';
import { verifyInThreads } from './verify-in-threads';
import { verifyLog } from './verify-log';

const KEY: LogSealKey = { keyId: 'threads', secret: Buffer.alloc(32, 21) };
const KEYRING: LogSealKeyring = { current: KEY, byId: new Map([[KEY.keyId, KEY]]) };
const dir = mkdtempSync(join(tmpdir(), 'rw-audit-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opened: SqliteEventStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
let files = 0;

/**
 * Given: 12 streams written a few events at a time, so most streams cross range boundaries;
 * sealed every 13 events up to `sealedUpTo`, the rest unsealed (ranges of 10 positions there).
 */
async function givenLog(sealedUpTo = 150) {
  const path = join(dir, `events-${++files}.db`);
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  opened.push(store);
  for (let round = 0; round < 20; round++)
    await store.appendToStreams(
      Array.from({ length: 4 }, (_, i) => ({
        streamId: `threads-${(round * 5 + i) % 12}`,
        events: [testEvent('Recorded', { round, i, 说明: '走访 visit' })],
      })),
    );
  const sealer = new LogSealer(logSealsOf(store), {
    keyring: KEYRING,
    intervalEvents: 13,
    intervalMs: 0,
    now: () => new Date(),
  });
  await sealer.sealCommitted();
  const seals = logSealsOf(store);
  const all = await collect(seals.readSeals());
  const kept = all.filter((s) => s.toPosition <= sealedUpTo);
  if (kept.length < all.length) {
    const db = new DatabaseSync(path);
    db.prepare('DELETE FROM log_seals WHERE to_position > ?').run(sealedUpTo);
    db.close();
  }
  return { store, path, seals, sealList: kept };
}

function inThreads(seals: ReturnType<typeof logSealsOf>, sealList: LogSeal[], fromPosition = 0) {
  return verifyInThreads(seals.rangeReaderSource!()!, {
    fromPosition,
    seals: sealList.filter((s) => s.fromPosition >= fromPosition),
    keyring: KEYRING,
    densePositions: true,
    lastSealedPosition: sealList.at(-1)?.toPosition ?? 0,
    threads: 3,
    threadsFromEvents: 0,
    unsealedRange: 10,
  });
}

function behind(path: string, sql: string, ...params: (string | number)[]) {
  const db = new DatabaseSync(path);
  db.prepare(sql).run(...params);
  db.close();
}

describe('verifyInThreads over a real SQLite file', () => {
  it('an intact log gives the one-thread report, sealed and unsealed ranges, from 0 and from a position', async () => {
    const { seals, sealList } = await givenLog(52);
    for (const from of [0, 30, 70]) {
      const oneThread = await verifyLog(seals, { keyring: KEYRING, fromPosition: from, threads: 1 });
      expect(oneThread.intact).toBe(true);
      expect(await inThreads(seals, sealList, from)).toEqual(oneThread);
    }
  });

  it('verifyLog says it used the threads on an intact log, and reports its progress up to the end', async () => {
    const { seals } = await givenLog();
    const strategies: string[] = [];
    const progress: number[] = [];
    const report = await verifyLog(seals, {
      keyring: KEYRING,
      threads: 2,
      threadsFromEvents: 0,
      onStrategy: (s) => strategies.push(s),
      onProgress: (checked) => progress.push(checked),
    });
    expect(report).toMatchObject({ intact: true, eventsChecked: 80, unsealedEvents: 0 });
    expect(strategies).toEqual(['threads']);
    expect(progress.at(-1)).toBe(80);
  });

  const tampers: [string, (path: string) => void][] = [
    ['an edited event', (p) => behind(p, 'UPDATE events SET data = ? WHERE position = 40', '{"n":"changed"}')],
    ['an edited unsealed event', (p) => behind(p, 'UPDATE events SET data = ? WHERE position = 77', '{"n":"x"}')],
    ['a deleted event', (p) => behind(p, 'DELETE FROM events WHERE position = 27')],
    ['a deleted unsealed event at a range boundary', (p) => behind(p, 'DELETE FROM events WHERE position = 62')],
    ['an edited prev_hash', (p) => behind(p, "UPDATE events SET prev_hash = 'x' WHERE position = 66")],
    [
      'a stream renamed across a range boundary',
      (p) => behind(p, "UPDATE events SET stream_id = 'threads-x' WHERE position > 60 AND stream_id = 'threads-1'"),
    ],
    ['a removed seal', (p) => behind(p, 'DELETE FROM log_seals WHERE from_position = 13')],
  ];
  it.each(tampers)('%s is seen by the threads (the exact report is left to one thread)', async (_, tamper) => {
    const { path, seals, sealList } = await givenLog(52);
    expect(await inThreads(seals, sealList)).not.toBeNull();
    tamper(path);
    expect(await inThreads(seals, await collect(seals.readSeals()))).toBeNull();
  });
});
