import type { ExpectedRevision } from './types';

/** Base class of every error the event store raises on purpose. */
export abstract class EventStoreError extends Error {
  /** Machine-readable code, stable across versions. */
  abstract readonly code: string;
}

/** The stream's revision did not match the append's `expectedRevision`. */
export class WrongExpectedRevision extends EventStoreError {
  readonly code = 'event-store.wrong-expected-revision';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    /** Revision of the stream's last event; null when the stream does not exist. */
    readonly actualRevision: number | null,
  ) {
    super(
      `Wrong expected revision on stream ${streamId}: expected ${String(expectedRevision)}, actual ${
        actualRevision === null ? 'no stream' : actualRevision
      }`,
    );
    this.name = 'WrongExpectedRevision';
  }
}

/** Some, not all, of the appended event ids are already in the stream, or an id is repeated. */
export class DuplicateEventId extends EventStoreError {
  readonly code = 'event-store.duplicate-event-id';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} is already in stream ${streamId} at another place (partial re-append)`);
    this.name = 'DuplicateEventId';
  }
}

/** The append was malformed; nothing was written. `field` names the part at fault. */
export class InvalidAppend extends EventStoreError {
  constructor(
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidAppend';
  }
}

/** The store was used after {@link EventStore.close}. */
export class EventStoreClosed extends EventStoreError {
  readonly code = 'event-store.closed';
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosed';
  }
}

/** The adapter cannot append to several streams atomically (`EventStore.appendToStreams`); nothing was written. */
export class MultiStreamAppendNotSupported extends EventStoreError {
  readonly code = 'event-store.multi-stream-append.not-supported';
  constructor(reason: string) {
    super(`Atomic multi-stream append is not supported: ${reason}`);
    this.name = 'MultiStreamAppendNotSupported';
  }
}

/**
 * An idempotency key sent again with a different command: the events the key produced answer
 * another request, so replaying them would tell the caller its new command was done.
 */
export class IdempotencyKeyReused extends EventStoreError {
  readonly code = 'idempotency-key.reused';
  constructor(
    readonly streamId: string,
    readonly idempotencyKey: string,
  ) {
    super(`Idempotency key already used for a different command on stream ${streamId}`);
    this.name = 'IdempotencyKeyReused';
  }
}
