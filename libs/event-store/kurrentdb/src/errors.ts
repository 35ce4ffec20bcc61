import { EventStoreError } from '@relapse-watch/event-store-core';

/** The adapter was given a connection string or client it cannot use; nothing was connected. */
export class InvalidKurrentDbConfig extends EventStoreError {
  readonly code = 'event-store.kurrentdb.invalid-config';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidKurrentDbConfig';
  }
}

/**
 * A stream holds an event this adapter did not write (no metadata envelope, see
 * event-envelope.ts). Skipping it would break the revision sequence and the hash chain,
 * so reads of that stream and appends to it stop here instead.
 */
export class ForeignKurrentDbEvent extends EventStoreError {
  readonly code = 'event-store.kurrentdb.foreign-event';
  constructor(
    readonly streamId: string,
    readonly revision: number,
  ) {
    super(`Event at revision ${revision} of stream ${streamId} was not written by this event store`);
    this.name = 'ForeignKurrentDbEvent';
  }
}
