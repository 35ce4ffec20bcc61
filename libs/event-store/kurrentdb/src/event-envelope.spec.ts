import { describe, expect, it } from '@jest/globals';
import type { EventData, RecordedEvent } from '@kurrent/kurrentdb-client';
import { eventHash, prepareAppend } from '@relapse-watch/event-store-core';
import { testEvent, testMetadata } from '@relapse-watch/event-store-testing';
import { chainEvents } from './append-plan';
import { ENVELOPE_KEY, readEnvelope, storedEventFrom, toEventData } from './event-envelope';

/** What the client would hand back for an event it wrote: bytes through JSON both ways. */
function asRecorded(data: EventData, streamId: string, revision: number, offset: number): RecordedEvent {
  return {
    streamId,
    id: data.id,
    isJson: true,
    revision: BigInt(revision),
    type: data.type,
    created: new Date(),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: BigInt(offset), prepare: BigInt(offset) },
  } as RecordedEvent;
}

describe('metadata envelope', () => {
  const streamId = 'registry-household-42';
  const events = [
    testEvent(
      'HouseholdRegistered',
      { 户主: '张三', amount: 12345.67 },
      { metadata: testMetadata({ causationId: 'cmd-1', idempotencyKey: 'k-1' }) },
    ),
    testEvent('Counted', 7, { schemaVersion: 3 }),
    testEvent('Cleared', null),
  ];
  const prepared = prepareAppend(streamId, events);
  const chained = chainEvents(prepared, { revision: 4, hash: 'a'.repeat(64) }, '2024-08-20T10:00:00.000Z');
  const stored = chained.map((c, i) => storedEventFrom(asRecorded(toEventData(c), streamId, 5 + i, 1000 + 100 * i)));

  it('round-trips every StoredEvent field, bare JSON values as data included', () => {
    expect(stored.map((e) => e?.revision)).toEqual([5, 6, 7]);
    expect(stored.map((e) => e?.position)).toEqual([1000, 1100, 1200]);
    expect(stored.map((e) => e?.data)).toEqual(events.map((e) => e.data));
    expect(stored.map((e) => e?.metadata)).toEqual(events.map((e) => e.metadata));
    expect(stored.map((e) => e?.schemaVersion)).toEqual([1, 3, 1]);
    expect(stored[0]).toMatchObject({
      id: events[0].id,
      streamId,
      type: 'HouseholdRegistered',
      recordedAt: '2024-08-20T10:00:00.000Z',
    });
  });

  it('keeps the hash chain, and the hashes verify from the read-back fields alone', () => {
    expect(stored[0]?.prevHash).toBe('a'.repeat(64));
    expect(stored[1]?.prevHash).toBe(stored[0]?.hash);
    expect(stored[2]?.prevHash).toBe(stored[1]?.hash);
    for (const e of stored) {
      if (!e) throw new Error('missing event');
      const fields = {
        streamId: e.streamId,
        revision: e.revision,
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: JSON.stringify(e.data),
        metadataJson: JSON.stringify(e.metadata),
        recordedAt: e.recordedAt,
      };
      expect(eventHash(fields, e.prevHash)).toBe(e.hash);
    }
  });

  it("carries KurrentDB's own correlation and causation ids", () => {
    const metadata = toEventData(chained[0]).metadata as Record<string, unknown>;
    expect(metadata['$correlationId']).toBe(events[0].metadata.correlationId);
    expect(metadata['$causationId']).toBe('cmd-1');
    expect('$causationId' in (toEventData(chained[1]).metadata as Record<string, unknown>)).toBe(false);
  });

  it('treats events without the envelope as not ours, and a broken envelope as an error', () => {
    const foreign = {
      ...asRecorded(toEventData(chained[0]), streamId, 0, 10),
      metadata: { $correlationId: 'x' },
    } as RecordedEvent;
    expect(storedEventFrom(foreign)).toBeNull();
    expect(storedEventFrom(undefined)).toBeNull();
    expect(storedEventFrom({ ...foreign, isJson: false } as RecordedEvent)).toBeNull();
    expect(readEnvelope('not an object')).toBeNull();
    expect(() => readEnvelope({ [ENVELOPE_KEY]: { format: 2 } })).toThrow(/Unreadable/);
  });

  it('refuses an event read without its position (servers before 22.6)', () => {
    const recorded = asRecorded(toEventData(chained[0]), streamId, 0, 10);
    expect(() => storedEventFrom({ ...recorded, position: undefined } as RecordedEvent)).toThrow(/position/);
  });
});
