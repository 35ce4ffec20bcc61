import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from '@jest/globals';
import { SqliteCheckpointStore, SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { Received, RecordingBus } from '@relapse-watch/messaging-testing';
import { InProcessBus } from './in-process-bus';

/**
 * The real parts a relay spec runs on — an event store and its checkpoints in one SQLite
 * file, an in-process bus behind a recorder, and a consumer group recording what arrives —
 * made per test and closed after it (bus first, then the stores). Call at describe level.
 * A spec pushes its own cleanups (stopping relays) onto `cleanups` after `setup()`: they run
 * in reverse order, so before the bus and the stores close.
 */
export function relayHarness(folderPrefix: string, topic: string, group: string) {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function setup() {
    const path = join(dir, `${randomUUID()}.db`);
    const eventStore = SqliteEventStore.open({ path });
    const checkpoints = SqliteCheckpointStore.open(path);
    const bus = new RecordingBus(new InProcessBus());
    const received = new Received();
    await bus.subscribe({ topic, group, handler: received.handler });
    cleanups.push(async () => {
      await bus.close();
      checkpoints.close();
      await eventStore.close();
    });
    return { path, eventStore, checkpoints, bus, received };
  }
  return { setup, cleanups };
}
