import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type KurrentDBClient,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import type { ReadStreamOptions, StoredEvent } from '@relapse-watch/event-store-core';
import type { StreamHead } from './append-plan';
import { storedEventFrom } from './event-envelope';
import { ForeignKurrentDbEvent } from './errors';
import { revisionFromKurrent } from './positions';

/**
 * One stream's events as StoredEvents; a missing stream yields nothing. Paging is left to
 * the gRPC stream, which is flow-controlled, so nothing here buffers a whole stream.
 * @throws {@link ForeignKurrentDbEvent} on an event this store did not write: skipping it
 * would leave a hole in the revisions.
 */
export async function* readStreamEvents(
  client: KurrentDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<StoredEvent> {
  const backwards = options.direction === 'backwards';
  if (options.maxCount !== undefined && options.maxCount <= 0) return;
  let fromRevision: ReadRevision = backwards ? END : START;
  if (options.fromRevision !== undefined) {
    if (options.fromRevision < 0) return;
    fromRevision = BigInt(options.fromRevision);
  }
  try {
    const events = client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision,
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    for await (const resolved of events) {
      const stored = storedEventFrom(resolved.event);
      if (!stored)
        throw new ForeignKurrentDbEvent(streamId, resolved.event ? revisionFromKurrent(resolved.event.revision) : -1);
      yield stored;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return;
    throw error;
  }
}

/** The stream's last event (its revision and hash), or null when the stream does not exist. */
export async function readStreamHead(client: KurrentDBClient, streamId: string): Promise<StreamHead | null> {
  for await (const event of readStreamEvents(client, streamId, { direction: 'backwards', maxCount: 1 })) {
    return { revision: event.revision, hash: event.hash };
  }
  return null;
}

/** Up to `count` events of the stream from `fromRevision` on, forwards. */
export async function readStreamRange(
  client: KurrentDBClient,
  streamId: string,
  fromRevision: number,
  count: number,
): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const event of readStreamEvents(client, streamId, { fromRevision, maxCount: count })) out.push(event);
  return out;
}

/**
 * The revision of the first event of the stream whose id is in `ids`, or null. KurrentDB
 * has no index by event id, so when no id is there this reads the whole stream: the price
 * of an idempotent 'any' / 'stream_exists' append. Appends with an exact expected revision
 * (what handleCommand sends) never pay it.
 */
export async function findFirstOf(
  client: KurrentDBClient,
  streamId: string,
  ids: ReadonlySet<string>,
): Promise<number | null> {
  for await (const event of readStreamEvents(client, streamId)) {
    if (ids.has(event.id)) return event.revision;
  }
  return null;
}
