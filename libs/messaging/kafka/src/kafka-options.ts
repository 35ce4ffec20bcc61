import { InvalidBusRequest } from '@relapse-watch/messaging-core';
import type { KafkaLogSink } from './kafka-logger';

/** Options of {@link KafkaBus} and {@link PlatformaticKafkaBus} (the same shape for both clients). */
export interface KafkaBusOptions {
  /** Bootstrap brokers, `host:port` each; see {@link brokersFromKafkaUrl}. */
  readonly brokers: readonly string[];
  /** Client id the broker logs and quotas see; default `relapse-watch`. */
  readonly clientId?: string;
  /** Partitions of each topic the bus creates; default 3. Existing topics keep theirs. */
  readonly partitions?: number;
  /** Replicas of each topic the bus creates; default 1 (the single local broker), 3 in production. */
  readonly replicationFactor?: number;
  /** Partitions one subscription handles at the same time; default: {@link partitions}. */
  readonly partitionConcurrency?: number;
  /**
   * Longest a fetch waits at the broker for new records, in ms; default 500. A closing
   * subscription waits for its fetch in flight, so this bounds how long a close takes on an
   * idle topic; lower means more idle requests (two per second per subscription at 500).
   */
  readonly fetchMaxWaitMs?: number;
  /** Receives the client's log lines (level, component, message only); default: discarded. */
  readonly log?: KafkaLogSink;
  /**
   * Most bytes (keys, values, headers and a per-record allowance) one produce request
   * carries; default {@link DEFAULT_MAX_REQUEST_BYTES}, under the broker's default
   * `message.max.bytes` (1 MiB per partition batch). A larger publish goes out as several
   * requests, one after the other; a single message larger than this is refused.
   */
  readonly maxRequestBytes?: number;
}

/** Default of {@link KafkaBusOptions.maxRequestBytes}: stays under Kafka's default 1 MiB `message.max.bytes`. */
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;

/** {@link KafkaBusOptions} checked, with defaults filled in. */
export interface KafkaBusSettings {
  readonly brokers: string[];
  readonly clientId: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly partitionConcurrency: number;
  readonly fetchMaxWaitMs: number;
  readonly maxRequestBytes: number;
  readonly log: KafkaLogSink | undefined;
}

function wholeNumber(value: number | undefined, fallback: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidBusRequest('bus.invalid-options', field, `${field} is a whole number from 1`);
  return n;
}

/**
 * Checks the options of a Kafka bus and fills in the defaults.
 * @throws {@link InvalidBusRequest} `bus.invalid-options` naming the bad option.
 */
export function kafkaBusSettings(options: KafkaBusOptions): KafkaBusSettings {
  if (
    !Array.isArray(options?.brokers) ||
    options.brokers.length === 0 ||
    !options.brokers.every((b) => typeof b === 'string' && b.length > 0)
  ) {
    throw new InvalidBusRequest('bus.invalid-options', 'brokers', 'brokers is a non-empty list of host:port');
  }
  const partitions = wholeNumber(options.partitions, 3, 'partitions');
  return {
    brokers: [...options.brokers],
    clientId: options.clientId ?? 'relapse-watch',
    partitions,
    replicationFactor: wholeNumber(options.replicationFactor, 1, 'replicationFactor'),
    partitionConcurrency: wholeNumber(options.partitionConcurrency, partitions, 'partitionConcurrency'),
    fetchMaxWaitMs: wholeNumber(options.fetchMaxWaitMs, 500, 'fetchMaxWaitMs'),
    maxRequestBytes: wholeNumber(options.maxRequestBytes, DEFAULT_MAX_REQUEST_BYTES, 'maxRequestBytes'),
    log: options.log,
  };
}
