import { describe, expect, it, jest } from '@jest/globals';
import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  EventStoreClosed,
  InvalidAppend,
  LogSealsNotSupported,
  logSealsOf,
  MultiStreamAppendNotSupported,
} from '@relapse-watch/event-store-core';
import { testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { InvalidKurrentDbConfig } from './errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/** A client whose log is empty and which must never be asked to write. */
function emptyClient() {
  const appendToStream = jest.fn(async () => {
    throw new Error('appendToStream must not be called');
  });
  const client = {
    readAll: () => (async function* () {})(),
    readStream: () => (async function* () {})(),
    appendToStream,
    dispose: jest.fn(async () => undefined),
  };
  // Only the members the store touches in these tests exist on the fake.
  return { client: client as unknown as KurrentDBClient, appendToStream, dispose: client.dispose };
}

describe('KurrentDbEventStore without a server', () => {
  it('open() refuses a malformed connection string before connecting', async () => {
    await expect(KurrentDbEventStore.open({ connectionString: 'http://localhost:2113' })).rejects.toBeInstanceOf(
      InvalidKurrentDbConfig,
    );
    await expect(KurrentDbEventStore.open({ connectionString: '' })).rejects.toMatchObject({
      code: 'event-store.kurrentdb.invalid-config',
    });
  });

  it('bad input is the core InvalidAppend, with nothing sent to the server', async () => {
    const { client, appendToStream } = emptyClient();
    const store = await KurrentDbEventStore.open({ client });
    const cases: [unknown, unknown, string, string][] = [
      ['', [testEvent('E', 1)], 'stream-id.empty', 'streamId'],
      [uniqueStreamId(), [testEvent('E', { n: BigInt(1) })], 'event.not-json', 'events[0].data.n'],
      ['$et-Created', [testEvent('E', 1)], 'stream-id.reserved', 'streamId'],
      [uniqueStreamId(), [testEvent('E', 1), testEvent('$>', 2)], 'event.type.reserved', 'events[1].type'],
    ];
    for (const [streamId, events, code, field] of cases) {
      const error = await (store.appendToStream as (...a: unknown[]) => Promise<unknown>)(streamId, events).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidAppend);
      expect(error).toMatchObject({ code, field });
    }
    expect(appendToStream).not.toHaveBeenCalled();
    await store.close();
  });

  it('appendToStreams is refused as not supported, with nothing sent to the server', async () => {
    const { client, appendToStream } = emptyClient();
    const store = await KurrentDbEventStore.open({ client });
    const error = await store
      .appendToStreams([{ streamId: uniqueStreamId(), events: [testEvent('E', 1)] }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MultiStreamAppendNotSupported);
    expect(error).toMatchObject({ code: 'event-store.multi-stream-append.not-supported' });
    expect(appendToStream).not.toHaveBeenCalled();
    await store.close();
  });

  it('log seals are refused as not supported, with a code and a message in both languages', async () => {
    const { client } = emptyClient();
    const store = await KurrentDbEventStore.open({ client });
    expect(() => logSealsOf(store)).toThrow(LogSealsNotSupported);
    expect(() => store.logSeals()).toThrow(
      expect.objectContaining({
        code: 'event-store.log-seals.not-supported',
        message: expect.stringMatching(/^KurrentDB 事件库不支持.* \/ the KurrentDB event store does not support/),
      }),
    );
    await store.close();
  });

  it('close() leaves a borrowed client alone and refuses later use', async () => {
    const { client, dispose } = emptyClient();
    const store = await KurrentDbEventStore.open({ client });
    expect(await store.headPosition()).toBe(0);
    await store.close();
    expect(dispose).not.toHaveBeenCalled();
    await expect(store.appendToStream(uniqueStreamId(), [testEvent('E', 1)])).rejects.toBeInstanceOf(EventStoreClosed);
    expect(() => store.subscribeToAll()).toThrow(EventStoreClosed);
  });
});
