/** Attempts to join a consumer group while the broker answers with a retriable refusal. */
export const JOIN_ATTEMPTS = 10;
/** First wait between join attempts; it grows linearly (about 11 s over all attempts). */
export const JOIN_RETRY_DELAY_MS = 200;

/** A consumer-group member that can be started once and closed. */
export interface Joinable {
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a new member from `make()` until one joins. A new broker answers "coordinator
 * loading" until its offsets topic is ready (and a restarting one answers likewise): such
 * refusals, as `isRetriable` tells them, are retried with a growing wait, at most
 * {@link JOIN_ATTEMPTS} times in all and not once `stopped()` says the bus is closing.
 */
export async function joinWithRetries<T extends Joinable>(
  make: () => T,
  isRetriable: (error: unknown) => boolean,
  stopped: () => boolean,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const member = make();
    try {
      await member.start();
      return member;
    } catch (error) {
      await member.close().catch(() => undefined);
      if (!isRetriable(error) || attempt >= JOIN_ATTEMPTS || stopped()) throw error;
      await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_DELAY_MS * attempt));
    }
  }
}

/** A member as the bus drains it on close. */
export interface Drainable {
  /** No new work from here on; what is running finishes. */
  stopFetching(): void;
  close(): Promise<void>;
}

/**
 * The bus's half of graceful shutdown: every member stops fetching first, so none takes new work
 * while another drains (a record it took would be handled after its group's offsets are
 * committed), then each drains and leaves its group in turn.
 */
export async function drainMembers(members: Iterable<Drainable>): Promise<void> {
  const open = [...members];
  for (const member of open) member.stopFetching();
  for (const member of open) await member.close();
}
