import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DuplicateEventId,
  EventStoreError,
  WrongExpectedRevision,
  type AppendResult,
  type PreparedAppend,
} from '@relapse-watch/event-store-core';
import { eventsOf, type AppendFailure, type WriteUnit } from './group-committer';
import type { QueuedUnit, WriterData, WriterReply, WriterRequest } from './append-writer.worker';

/** SQLite refused or failed a write (disk full, I/O error, a lock held too long). */
export class EventStorageFailure extends EventStoreError {
  readonly code = 'event-store.storage-failure';
  constructor(
    message: string,
    readonly errcode?: number,
  ) {
    super(message);
    this.name = 'EventStorageFailure';
  }
}

function toError(failure: AppendFailure): Error {
  switch (failure.kind) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevision(failure.streamId, failure.expected, failure.actual);
    case 'duplicate-event-id':
      return new DuplicateEventId(failure.streamId, failure.eventId);
    case 'storage':
      return new EventStorageFailure(failure.message, failure.errcode);
  }
}

/** Young generation of the writer thread's heap (semi-spaces), MB. */
const WRITER_YOUNG_GENERATION_MB = 8;

/** Events gathered on this thread before they go to the writer without waiting for the turn's end. */
const SEND_AT_EVENTS = 200;

interface Pending {
  readonly resolve: (result: AppendResult | readonly AppendResult[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The main thread's side of the writer thread: appends made in one turn of the event loop
 * go over in one message; each promise resolves when the writer reports the commit that
 * holds it — so, with synchronous=FULL, only after its fsync.
 */
export class AppendWriterClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private outbox: QueuedUnit[] = [];
  private outboxEvents = 0;
  private nextId = 1;
  private closing: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(
    settings: WriterData,
    private readonly onCommit: (lastPosition: number) => void,
  ) {
    // From TypeScript sources (tests, `node -r @swc-node/register`), the worker needs the same loader.
    const fromSource = extname(__filename) === '.ts';
    this.worker = new Worker(join(__dirname, `append-writer.worker${extname(__filename)}`), {
      workerData: settings,
      // The writer's objects live for one group commit; a small young generation keeps its heap
      // from growing to V8's default under a bulk load (measured: peak RSS of the registry import
      // 75-100 MB lower, no slower). The old generation stays unlimited: a group is never refused.
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
      // Built JavaScript inherits this process's flags (so --cpu-prof reaches the writer too).
      execArgv: fromSource ? ['-r', '@swc-node/register', '--conditions=@relapse-watch/source'] : undefined,
    });
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(new EventStorageFailure(`writer thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(new EventStorageFailure(`writer thread exited (${code})`));
    });
  }

  /** Queues an append; it goes to the writer at the end of this turn with the others. */
  append(append: PreparedAppend): Promise<AppendResult> {
    return this.enqueue(append) as Promise<AppendResult>;
  }

  /** Queues appends that commit all or nothing; the results are in their order. */
  appendAtomic(appends: readonly PreparedAppend[]): Promise<AppendResult[]> {
    return this.enqueue({ atomic: appends }) as Promise<AppendResult[]>;
  }

  private enqueue(unit: WriteUnit): Promise<AppendResult | readonly AppendResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const events = eventsOf(unit);
      this.pending.set(id, { resolve, reject });
      // A microtask, not the next turn: the writers resumed by one commit's reply all append
      // in this same batch of microtasks, and go over together without a turn's delay.
      if (this.outbox.length === 0) queueMicrotask(() => this.send());
      this.outbox.push({ id, unit, events });
      this.outboxEvents += events;
      // A big append goes at once, so the writer commits it while this thread prepares the next.
      if (this.outboxEvents >= SEND_AT_EVENTS) this.send();
      // Keep the process alive while appends wait for their commit, not longer.
      if (this.pending.size === 1) this.worker.ref();
    });
  }

  /** Lets queued appends commit, then stops the writer thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.send();
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private send(): void {
    if (this.outbox.length === 0) return;
    const appends = this.outbox;
    this.outbox = [];
    this.outboxEvents = 0;
    this.post({ type: 'append', appends });
  }

  private post(request: WriterRequest): void {
    this.worker.postMessage(request);
  }

  private onReply(reply: WriterReply): void {
    if (reply.type !== 'committed') return;
    let last = 0;
    reply.ids.forEach((id, i) => {
      const outcome = reply.outcomes[i];
      const pending = this.pending.get(id);
      this.pending.delete(id);
      if (!pending) return;
      if (outcome.ok) {
        const results = 'results' in outcome ? outcome.results : [outcome.result];
        for (const result of results) if (result.lastPosition > last) last = result.lastPosition;
        pending.resolve('results' in outcome ? outcome.results : outcome.result);
      } else {
        pending.reject(toError(outcome.failure));
      }
    });
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
    if (last > 0) this.onCommit(last);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
