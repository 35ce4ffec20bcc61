import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { logSealsOf, type LogSealKey, type LogSealKeyring } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect, testEvent } from '@relapse-watch/event-store-testing';
import { verifyLog } from '../verify/verify-log';
import { LogSealer, type LogSealerOptions } from './log-sealer';

const KEY: LogSealKey = { keyId: 'sealer-test', secret: Buffer.alloc(32, 21) };
const KEYRING: LogSealKeyring = { current: KEY, byId: new Map([[KEY.keyId, KEY]]) };
const dir = mkdtempSync(join(tmpdir(), 'rw-log-sealer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const stores: SqliteEventStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function fresh(path = join(dir, `events-${++files}.db`)) {
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  stores.push(store);
  return { store, path, seals: logSealsOf(store) };
}

function sealerOf(store: SqliteEventStore, options: Partial<LogSealerOptions> = {}) {
  return new LogSealer(logSealsOf(store), {
    keyring: KEYRING,
    intervalEvents: 10,
    intervalMs: 0,
    now: () => new Date('2026-12-07T08:00:00.000Z'),
    ...options,
  });
}

async function append(store: SqliteEventStore, n: number, stream = 'sealer-s') {
  for (let i = 0; i < n; i++) await store.appendToStream(stream, [testEvent('Recorded', { i })]);
}

describe('LogSealer', () => {
  it('cuts a seal every intervalEvents events, and seals the rest only when asked to seal everything', async () => {
    const { store, seals } = fresh();
    await append(store, 25);
    const sealer = sealerOf(store);
    expect(await sealer.sealFullIntervals()).toEqual({ sealsAdded: 2, eventsSealed: 20, lastSealedPosition: 20 });
    expect(await sealer.sealFullIntervals()).toEqual({ sealsAdded: 0, eventsSealed: 0, lastSealedPosition: 20 });
    expect(await sealer.sealCommitted()).toEqual({ sealsAdded: 1, eventsSealed: 5, lastSealedPosition: 25 });
    expect(await sealer.sealCommitted()).toEqual({ sealsAdded: 0, eventsSealed: 0, lastSealedPosition: 25 });
    const all = await collect(seals.readSeals());
    expect(all.map((s) => [s.fromPosition, s.toPosition, s.eventCount])).toEqual([
      [0, 10, 10],
      [10, 20, 10],
      [20, 25, 5],
    ]);
    expect(all.every((s) => s.keyId === 'sealer-test' && s.sealedAt === '2026-12-07T08:00:00.000Z')).toBe(true);
    expect(await verifyLog(seals, { keyring: KEYRING })).toMatchObject({ intact: true, sealsChecked: 3 });
  });

  it('a sealer that lost a race continues from the winner’s seal', async () => {
    const { store, path } = fresh();
    const other = fresh(path).store;
    await append(store, 15);
    const [slow, fast] = [sealerOf(store), sealerOf(other, { intervalEvents: 4 })];
    expect((await slow.sealFullIntervals()).sealsAdded).toBe(1); // (0, 10]; its progress holds 11–15
    await append(store, 5);
    expect((await fast.sealCommitted()).lastSealedPosition).toBe(20); // (10, 14] … (18, 20]
    expect(await slow.sealCommitted()).toEqual({ sealsAdded: 0, eventsSealed: 0, lastSealedPosition: 20 });
    await append(store, 3);
    expect(await slow.sealCommitted()).toEqual({ sealsAdded: 1, eventsSealed: 3, lastSealedPosition: 23 });
    expect(await verifyLog(logSealsOf(store), { keyring: KEYRING })).toMatchObject({ intact: true, unsealedEvents: 0 });
  });

  it('started, it seals by count and by time until stopped', async () => {
    const { store, seals } = fresh();
    await store.appendToStream(
      'sealer-s',
      Array.from({ length: 7 }, (_, i) => testEvent('Recorded', { i })),
    );
    const sealer = sealerOf(store, { intervalEvents: 5, intervalMs: 30, pollMs: 10 });
    sealer.start();
    // Waits for the condition, not for a time: the sealer runs on its own timers.
    for (let i = 0; i < 500 && (await seals.lastSeal())?.toPosition !== 7; i++) await delay(10);
    await sealer.stop();
    expect((await collect(seals.readSeals())).map((s) => s.eventCount)).toEqual([5, 2]);
    await append(store, 6);
    await delay(100);
    expect((await seals.lastSeal())?.toPosition).toBe(7);
  });

  it('refuses an interval that is not a positive whole number', () => {
    const { store } = fresh();
    expect(() => sealerOf(store, { intervalEvents: 0 })).toThrow(/intervalEvents must be a positive integer/);
  });
});
