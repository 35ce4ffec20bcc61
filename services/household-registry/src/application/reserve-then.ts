import { DomainError } from '@relapse-watch/domain-kernel';
import {
  handleCommand,
  type CommandContext,
  type Decider,
  type DomainEvent,
  type EventStore,
} from '@relapse-watch/event-store-core';

/** One reservation as {@link reserveThen} drives it. */
export interface ReservationStep<Command, Event extends DomainEvent, State> {
  readonly streamId: string;
  readonly decider: Decider<Command, Event, State>;
  readonly reserve: Command;
  readonly release: Command;
  /** Whether the state shows the reservation held by the one reserving. */
  readonly isHeld: (state: State) => boolean;
}

/**
 * Two streams, no transaction: reserve first, then run `thenDo` (the append to the aggregate),
 * and release the reservation when `thenDo` is refused by a domain rule. Exactly one of two
 * concurrent reservations of one key wins, because both append to the reservation stream with
 * the revision they read and `handleCommand` re-decides the loser against the winner's event.
 *
 * The crash window: a process that dies after the reservation and before `thenDo` (or before
 * the compensating release) leaves the key reserved for an aggregate that does not show it.
 * The command's idempotency key closes it: a retry with the same key finds the reservation it
 * made (a replay, so it knows the reservation is its own) and runs `thenDo` again, which either
 * completes the change or is refused and releases. A retry without the key also completes,
 * since reserving for the same holder is a no-op, but is then not entitled to release a
 * reservation it cannot tell it made. Infrastructure errors in `thenDo` (store closed, conflicts
 * past the retry limit) deliberately do not release: the retry with the same key completes.
 *
 * A replay can be stale: an earlier run with this key reserved, was refused and released. The
 * state then shows the key free, and the reservation is decided again without the key.
 */
export async function reserveThen<Command, Event extends DomainEvent, State, Result>(
  store: EventStore,
  step: ReservationStep<Command, Event, State>,
  ctx: CommandContext,
  thenDo: () => Promise<Result>,
): Promise<Result> {
  let reservation = await handleCommand(store, step.streamId, step.decider, step.reserve, ctx);
  if (!step.isHeld(reservation.state))
    reservation = await handleCommand(store, step.streamId, step.decider, step.reserve, withoutKey(ctx));
  // Events, fresh or replayed under this command's key, mean this command made the reservation;
  // none means the holder already had it (a repeated command) and must keep it whatever happens.
  const madeHere = reservation.events.length > 0;
  try {
    return await thenDo();
  } catch (error) {
    if (madeHere && error instanceof DomainError) await releaseQuietly(store, step, ctx);
    throw error;
  }
}

// The release goes without the idempotency key: the key's event ids on this stream belong to
// the reservation, and a release is idempotent by state (the holder releasing twice is a no-op).
async function releaseQuietly<Command, Event extends DomainEvent, State>(
  store: EventStore,
  step: ReservationStep<Command, Event, State>,
  ctx: CommandContext,
): Promise<void> {
  try {
    await handleCommand(store, step.streamId, step.decider, step.release, withoutKey(ctx));
  } catch {
    // The caller needs the refusal that caused the release, not this one; the reservation then
    // dangles exactly as after a crash, and a retry with the same key releases it.
  }
}

function withoutKey(ctx: CommandContext): CommandContext {
  return { ...ctx, idempotencyKey: undefined };
}
