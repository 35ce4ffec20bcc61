import {
  InvalidAppend,
  logSealsOf,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventSubscription,
  type LogSeals,
  type EventStore,
  type SealableEventStore,
  type NewEvent,
  type StreamAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import type { RuntimeMetrics } from '../metrics/runtime.metrics';

/**
 * Decorates any {@link EventStore} with Prometheus metrics on appends — counts, events and
 * latency by outcome — so every adapter is measured the same way and no adapter depends on
 * prom-client.
 */
export class InstrumentedEventStore implements SealableEventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: RuntimeMetrics,
  ) {}

  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.measured(
      () => this.inner.appendToStream(streamId, events, options),
      () => events.length,
    );
  }

  /** Measured as one append (one latency sample, one count), its events all counted. */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.measured(
      () => this.inner.appendToStreams(appends),
      () => appends.reduce((sum, append) => sum + append.events.length, 0),
    );
  }

  /**
   * One latency sample and one count by outcome per append; the events are counted once
   * appended (only then is the input known to be well-formed).
   */
  private async measured<T>(append: () => Promise<T>, eventCount: () => number): Promise<T> {
    const stopTimer = this.metrics.eventStoreAppendDuration.startTimer();
    let outcome = 'failed';
    try {
      const result = await append();
      outcome = 'appended';
      this.metrics.eventStoreAppendedEvents.inc(eventCount());
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedRevision) outcome = 'conflict';
      else if (error instanceof InvalidAppend) outcome = 'invalid';
      throw error;
    } finally {
      stopTimer({ outcome });
      this.metrics.eventStoreAppends.inc({ outcome });
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  /** The adapter's seals, unmeasured (see `logSealsOf`). */
  logSeals(): LogSeals {
    return logSealsOf(this.inner);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
