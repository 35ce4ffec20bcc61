import {
  MaxAppendSizeExceededError,
  NO_STREAM,
  WrongExpectedVersionError,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreClosed,
  InvalidAppend,
  LogSealsNotSupported,
  MultiStreamAppendNotSupported,
  OpenSubscriptions,
  prepareAppend,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventSubscription,
  type LogSeals,
  type SealableEventStore,
  type NewEvent,
  type PreparedAppend,
  type StreamAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import { lastOwnPosition, readAllEvents } from './all-log-reader';
import { subscribeToAllEvents } from './all-subscription';
import { chainEvents, checkKurrentDbNames, planAppend, replayOutcome } from './append-plan';
import { createKurrentDbClient } from './connection';
import { toEventData } from './event-envelope';
import { KeyedSerializer } from './keyed-serializer';
import { findFirstOf, readStreamEvents, readStreamHead, readStreamRange } from './stream-reader';

/** Options of {@link KurrentDbEventStore.open}: a connection string (the store owns its client) or a client it borrows. */
export type KurrentDbEventStoreOptions = (
  | { /** e.g. `kurrentdb://localhost:2113?tls=false` */ readonly connectionString: string }
  | { readonly client: KurrentDBClient }
) & {
  /** Times an append re-reads the head and retries after another process wrote to the stream first; default 5. */
  readonly raceRetries?: number;
};

/**
 * The event store on KurrentDB (EventStoreDB). Stream revisions are KurrentDB's; global
 * positions are KurrentDB commit positions (see positions.ts: increasing, not contiguous);
 * everything else the port stores (schema version, recordedAt, the hash chain, our
 * metadata) travels in each event's metadata envelope (see event-envelope.ts).
 *
 * An append reads the stream's head (the hash chain needs the last hash), decides locally
 * (conflict, re-send or write, see append-plan.ts) and writes with the head's revision as
 * KurrentDB's expected revision, so a writer in another process that got there first is
 * caught by the server and the append re-plans. Appends to one stream from this process are
 * serialised, so they never race each other.
 */
export class KurrentDbEventStore implements SealableEventStore {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new OpenSubscriptions();
  private readonly perStream = new KeyedSerializer();
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly ownsClient: boolean,
    private readonly raceRetries: number,
  ) {}

  /**
   * Creates the store and makes one read, so that a wrong address or credentials fail here
   * rather than on the first append.
   * @throws {@link InvalidKurrentDbConfig} for a malformed connection string.
   */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const owned = 'connectionString' in options;
    const client = owned ? createKurrentDbClient(options.connectionString) : options.client;
    try {
      await lastOwnPosition(client);
    } catch (error) {
      if (owned) await client.dispose();
      throw error;
    }
    return new KurrentDbEventStore(client, owned, options.raceRetries ?? 5);
  }

  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosed());
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppend(streamId, events, options);
      checkKurrentDbNames(prepared);
    } catch (error) {
      return Promise.reject(error);
    }
    const append = this.perStream.run(prepared.streamId, () => this.append(prepared));
    this.inFlight.add(append);
    void append.finally(() => this.inFlight.delete(append)).catch(() => undefined);
    return append;
  }

  /**
   * Not supported (see README, "Multi-stream appends"): client 1.3.1's `multiStreamAppend`
   * (KurrentDB 25.1+) takes only string-valued metadata, which our envelope is not, answers
   * one position for the whole request, and cannot be tried without a server here.
   * @throws {@link MultiStreamAppendNotSupported} always; nothing is written.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new EventStoreClosed());
    void appends;
    return Promise.reject(
      new MultiStreamAppendNotSupported('the KurrentDB adapter writes one stream per append (see its README)'),
    );
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    this.assertOpen();
    yield* readStreamEvents(this.client, streamId, options);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    yield* readAllEvents(this.client, options.fromPosition, options.maxCount);
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    this.assertOpen();
    return this.subscriptions.track(subscribeToAllEvents(this.client, options));
  }

  /** Not supported: see README ("Log seals"). @throws {@link LogSealsNotSupported} always. */
  logSeals(): LogSeals {
    throw new LogSealsNotSupported('KurrentDB');
  }

  /** Position of the last event this store wrote, read backwards from the end of $all. */
  async headPosition(): Promise<number> {
    this.assertOpen();
    return lastOwnPosition(this.client);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.subscriptions.stopAll();
    if (this.ownsClient) await this.client.dispose();
  }

  private async append(prepared: PreparedAppend): Promise<AppendResult> {
    const { streamId, expectedRevision, events } = prepared;
    for (let attempt = 0; ; attempt++) {
      const head = await readStreamHead(this.client, streamId);
      const actual = head ? head.revision : null;
      const plan = planAppend(expectedRevision, actual);
      if (plan.kind === 'conflict') throw new WrongExpectedRevision(streamId, expectedRevision, actual);
      if (plan.kind === 'replay') {
        return replayOutcome(
          prepared,
          await readStreamRange(this.client, streamId, plan.fromRevision, events.length),
          actual,
        );
      }
      if (plan.kind === 'find') {
        const at = await findFirstOf(this.client, streamId, new Set(events.map((e) => e.id)));
        if (at !== null)
          return replayOutcome(prepared, await readStreamRange(this.client, streamId, at, events.length), actual);
      }
      const chained = chainEvents(prepared, head, new Date().toISOString());
      try {
        await this.client.appendToStream(streamId, chained.map(toEventData), {
          streamState: head ? BigInt(head.revision) : NO_STREAM,
        });
      } catch (error) {
        if (error instanceof MaxAppendSizeExceededError) {
          throw new InvalidAppend(
            'events.too-large-for-server',
            'events',
            `Append larger than the server's max append size (${error.message})`,
          );
        }
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Another process wrote first: the next round sees its events (conflict or re-send).
        if (attempt < this.raceRetries) continue;
        const now = await readStreamHead(this.client, streamId);
        throw new WrongExpectedRevision(streamId, expectedRevision, now ? now.revision : null);
      }
      // The append's own position answer is not documented to be the last event's record
      // position, so it is read back: exact, at the cost of one read per append.
      const nextRevision = (actual ?? -1) + events.length;
      const [last] = await readStreamRange(this.client, streamId, nextRevision, 1);
      if (!last || last.id !== events[events.length - 1].id) {
        throw new Error(`Appended to ${streamId} but could not read revision ${nextRevision} back`);
      }
      return { nextRevision, lastPosition: last.position };
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosed();
  }
}
