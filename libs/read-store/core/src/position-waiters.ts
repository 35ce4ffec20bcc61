interface Waiter {
  readonly position: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** Callers waiting for a checkpoint to reach a position. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** Resolves once {@link advance} reaches `position`; rejects with `signal.reason` on abort. */
  wait(position: number, signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => waiter.reject(signal?.reason);
      const settle = (done: () => void) => {
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
        done();
      };
      const waiter: Waiter = {
        position,
        resolve: () => settle(resolve),
        reject: (error) => settle(() => reject(error)),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  /** Releases every waiter at or below `position`. */
  advance(position: number): void {
    for (const waiter of [...this.waiters]) if (waiter.position <= position) waiter.resolve();
  }

  /** Rejects every waiter. */
  failAll(error: unknown): void {
    for (const waiter of [...this.waiters]) waiter.reject(error);
  }
}
