import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, logSealsOf, type EventStore } from '@relapse-watch/event-store-core';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { testEvent } from '@relapse-watch/event-store-testing';
import { run } from './cli';

// The log is sealed where it is written: a service process (here the runtime alone, in embedded
// mode) seals its event store as it grows, and `relapse-watch audit verify` on its files then
// passes; an edit made behind its back afterwards is named.

const dataDir = mkdtempSync(join(tmpdir(), 'rw-audit-sealing-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const ENV = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUDIT_SEAL_INTERVAL_EVENTS: '7', AUDIT_SEAL_INTERVAL_MS: '100' };

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dataDir, env: ENV });
  return { code, out, err };
}

/** Waits (bounded) until the process's sealer has covered the head of its log. */
async function sealedUpToHead(store: EventStore): Promise<number> {
  const seals = logSealsOf(store);
  const head = await store.headPosition();
  for (let i = 0; i < 200; i++) {
    const last = (await seals.lastSeal())?.toPosition ?? 0;
    if (last >= head) return last;
    await delay(50);
  }
  throw new Error(`the running sealer did not reach position ${head}`);
}

describe('sealing in the running service', () => {
  it('a process running long enough seals its log; audit verify passes, then names an edit behind its back', async () => {
    const app = await createServiceApp(
      { module: class SealingSpecModule {} },
      { config: loadRuntimeConfig(ENV, dataDir), identity: { name: '@relapse-watch/sealing-spec', version: '0.0.0' } },
    );
    await app.init();
    let sealedTo: number;
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      for (let i = 0; i < 30; i++) await store.appendToStream(`sealing-${i % 4}`, [testEvent('Recorded', { i })]);
      sealedTo = await sealedUpToHead(store);
    } finally {
      await app.close();
    }

    const verified = await cli(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.out[0]).toMatch(
      new RegExp(`^日志完整 / log intact: ${sealedTo} 个事件 events, \\d+ 个封签 seals, 0 个未封签 unsealed`),
    );

    const db = new DatabaseSync(join(dataDir, 'events.db'));
    db.prepare('UPDATE events SET data = ? WHERE position = 12').run('{"i":"changed"}');
    db.close();
    const tampered = await cli(['audit', 'verify']);
    expect(tampered.code).toBe(2);
    expect(tampered.err.at(-1)).toMatch(/^篡改 \/ tampered: event\.hash-mismatch: .* position 12, stream sealing-\d/);
  });
});
