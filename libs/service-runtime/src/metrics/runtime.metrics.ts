import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prefix of every metric the project defines (process metrics keep their usual names). */
export const METRIC_PREFIX = 'relapsewatch_';

/**
 * The Prometheus registry of one running service and the metrics the runtime itself records.
 * One registry per application instance rather than prom-client's global one, so two apps in
 * one process (tests) never clash and a scrape shows only its own service.
 */
export class RuntimeMetrics {
  /** Everything `GET /metrics` exposes; subscribers and domain modules register into it too. */
  readonly registry = new Registry();

  /** HTTP request duration by method, route template (not the raw path: bounded cardinality) and status. */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;

  /** Appends by outcome: `appended`, `conflict`, `invalid`, `failed`. */
  readonly eventStoreAppends: Counter<'outcome'>;

  /** Events in acknowledged appends (an idempotent re-append counts again: the store does not say). */
  readonly eventStoreAppendedEvents: Counter;

  /** Append latency by outcome, including the wait for the group commit. */
  readonly eventStoreAppendDuration: Histogram<'outcome'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'HTTP request duration in seconds, by method, route template and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.eventStoreAppends = new Counter({
      name: `${METRIC_PREFIX}event_store_appends_total`,
      help: 'Appends to the event store, by outcome',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.eventStoreAppendedEvents = new Counter({
      name: `${METRIC_PREFIX}event_store_appended_events_total`,
      help: 'Events in acknowledged appends to the event store',
      registers: [this.registry],
    });
    this.eventStoreAppendDuration = new Histogram({
      name: `${METRIC_PREFIX}event_store_append_duration_seconds`,
      help: 'Event store append latency in seconds, by outcome',
      labelNames: ['outcome'],
      // Group commit with fsync puts most appends in the low milliseconds.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }
}
