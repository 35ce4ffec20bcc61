// Child process of the crash test (sqlite-event-store.crash.spec.ts): 8 concurrent writers append as fast as they
// can and report every acknowledged append on stdout, one JSON line each, only after its promise resolved. A
// subscriber stores its checkpoint after each event it handled. The parent kills this process with SIGKILL.
import { randomUUID } from 'node:crypto';
import { newEventId, type NewEvent } from '@relapse-watch/event-store-core';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

const path = process.argv[2];
const store = SqliteEventStore.open({ path });
const checkpoints = SqliteCheckpointStore.open(path);

function event(writer: number, n: number): NewEvent {
  return {
    id: newEventId(),
    type: 'CrashTestWritten',
    data: { writer, n, 说明: '断电测试' },
    metadata: {
      actor: { userId: 'crash-test', role: 'system' },
      divisionCode: '510000000000',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    },
  };
}

async function writer(w: number): Promise<void> {
  const revisions = new Map<string, number>();
  for (let n = 0; ; n++) {
    const streamId = `crash-w${w}-${n % 7}`;
    const size = 1 + (n % 4);
    const events = Array.from({ length: size }, (_, i) => event(w, n * 10 + i));
    const expected = revisions.get(streamId);
    const result = await store.appendToStream(streamId, events, { expectedRevision: expected ?? 'no_stream' });
    revisions.set(streamId, result.nextRevision);
    process.stdout.write(`${JSON.stringify({ streamId, ids: events.map((e) => e.id), ...result })}\n`);
  }
}

async function subscriber(): Promise<void> {
  const from = await checkpoints.loadCheckpoint('crash-test');
  for await (const e of store.subscribeToAll({ fromPosition: from })) {
    await checkpoints.saveCheckpoint('crash-test', e.position);
  }
}

void subscriber();
for (let w = 0; w < 8; w++) void writer(w);
