import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DuplicateEventId,
  EventStoreError,
  WrongExpectedRevision,
  type AppendResult,
  type PreparedAppend,
} from '@relapse-watch/event-store-core';
import type { AppendFailure } from './group-committer';
import type { WriterData, WriterReply, WriterRequest } from './append-writer.worker';

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

/** Events gathered on this thread before they go to the writer without waiting for the turn's end. */
const SEND_AT_EVENTS = 200;

interface Pending {
  readonly resolve: (result: AppendResult) => void;
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
  private outbox: { id: number; append: PreparedAppend }[] = [];
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
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      // A microtask, not the next turn: the writers resumed by one commit's reply all append
      // in this same batch of microtasks, and go over together without a turn's delay.
      if (this.outbox.length === 0) queueMicrotask(() => this.send());
      this.outbox.push({ id, append });
      this.outboxEvents += append.events.length;
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
        if (outcome.result.lastPosition > last) last = outcome.result.lastPosition;
        pending.resolve(outcome.result);
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
