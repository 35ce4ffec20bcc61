import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';

/** A real SQLite event store in its own temporary folder, and how to remove both. */
export function openTestStore(): { readonly store: SqliteEventStore; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rw-registry-handlers-'));
  const store = SqliteEventStore.open({ path: join(dir, 'events.db') });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every event of a stream, in order. */
export async function readAll(store: EventStore, streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

/** The types of a stream's events, in order. */
export async function typesOf(store: EventStore, streamId: string): Promise<string[]> {
  return (await readAll(store, streamId)).map((e) => e.type);
}

/** A command context as a handler gets it from the HTTP layer; `now` is a fixed instant. */
export function commandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    now: new Date('2024-08-20T02:00:00Z'),
    actor: { userId: 'official-0001', role: 'county-official' },
    divisionCode: '511923000000',
    correlationId: 'corr-0001',
    ...overrides,
  };
}
