import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteCheckpointStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-checkpoints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts at 0, keeps the highest saved position, and survives reopening next to the event store', async () => {
    const path = join(dir, 'events.db');
    const events = SqliteEventStore.open({ path });
    const first = SqliteCheckpointStore.open(path);
    expect(await first.loadCheckpoint('relay')).toBe(0);
    await first.saveCheckpoint('relay', 42);
    await first.saveCheckpoint('relay', 17);
    await first.saveCheckpoint('other', 5);
    first.close();
    const second = SqliteCheckpointStore.open(path);
    expect(await second.loadCheckpoint('relay')).toBe(42);
    expect(await second.loadCheckpoint('other')).toBe(5);
    second.close();
    expect(await events.headPosition()).toBe(0);
    await events.close();
  });
});
