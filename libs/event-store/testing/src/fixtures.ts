import { randomUUID } from 'node:crypto';
import { newEventId, type EventMetadata, type NewEvent } from '@relapse-watch/event-store-core';

/** Metadata as a real command handler would write it. */
export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: { userId: 'inspector-0001', role: 'village-inspector' },
    divisionCode: '510101001001',
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: '2024-08-20T09:30:00.000Z',
    ...overrides,
  };
}

/** A new event with a fresh UUIDv7 id. */
export function testEvent<Data = unknown>(
  type: string,
  data: Data,
  overrides: Partial<NewEvent<string, Data>> = {},
): NewEvent<string, Data> {
  return { id: newEventId(), type, data, metadata: testMetadata(), ...overrides };
}

/** A stream id no other test uses: `<prefix>-<uuid>`. */
export function uniqueStreamId(prefix = 'test-stream'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Reads an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
