import { Gauge } from 'prom-client';
import { METRIC_PREFIX, type RuntimeMetrics } from './runtime.metrics';

/**
 * Where every subscriber of the event store (the relay, projection runners, processors)
 * reports the checkpoint it has reached. The lag gauge is computed when Prometheus scrapes —
 * head position minus checkpoint — so it grows while a subscriber is stuck even if the
 * subscriber reports nothing.
 */
export class SubscriptionLagRegistry {
  private readonly checkpoints = new Map<string, number>();

  constructor(
    metrics: RuntimeMetrics,
    /** Position of the last committed event (the event store's `headPosition`). */
    private readonly headPosition: () => Promise<number>,
  ) {
    const lag = () => this.lag();
    new Gauge({
      name: `${METRIC_PREFIX}subscription_lag_events`,
      help: 'Events committed to the event store that a subscriber has not handled yet',
      labelNames: ['subscriber'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        for (const [subscriber, events] of await lag()) this.set({ subscriber }, events);
      },
    });
  }

  /** Records that `subscriber` has handled every event up to `checkpoint` (a global position). */
  report(subscriber: string, checkpoint: number): void {
    this.checkpoints.set(subscriber, checkpoint);
  }

  /** Stops reporting `subscriber` (it was removed, not merely stopped). */
  forget(subscriber: string): void {
    this.checkpoints.delete(subscriber);
  }

  /**
   * The current lag of each subscriber; empty when the head position cannot be read (the
   * store is closed or unreachable), since a made-up lag would be worse than none.
   */
  async lag(): Promise<Map<string, number>> {
    const lags = new Map<string, number>();
    if (this.checkpoints.size === 0) return lags;
    let head: number;
    try {
      head = await this.headPosition();
    } catch {
      return lags;
    }
    for (const [subscriber, checkpoint] of this.checkpoints) lags.set(subscriber, Math.max(0, head - checkpoint));
    return lags;
  }
}
