import type { Bus } from '@relapse-watch/messaging-core';
import { InProcessBus } from '@relapse-watch/messaging-inproc';
import { KafkaBus, PlatformaticKafkaBus, type KafkaLogSink } from '@relapse-watch/messaging-kafka';
import { assertNever } from '../config/assert-never';
import type { BusTarget } from '../config/store-url.config';
import { probeKafkaBrokers } from './kafka-broker.probe';

/** Options of {@link openBus}. */
export interface OpenBusOptions {
  /** Client id the brokers log and apply quotas to: the service's name. */
  readonly clientId: string;
  /** Receives the Kafka client's warnings and errors (see `KafkaBusOptions.log`). */
  readonly log?: KafkaLogSink;
}

/**
 * Opens the bus `BUS_URL` names. Kafka is connected up front (producer and admin client,
 * which fetch the cluster metadata) so a wrong or dead broker list stops start-up instead of
 * the first publish.
 */
export async function openBus(target: BusTarget, options: OpenBusOptions): Promise<Bus> {
  switch (target.kind) {
    case 'inproc':
      return new InProcessBus();
    case 'kafka': {
      const settings = { brokers: target.brokers, clientId: options.clientId, log: options.log };
      // @platformatic/kafka by default: in the same benchmark run it produced 1.8× faster than
      // kafkajs 2.2.4 and the relay needs 19 µs of CPU per event on it against 30 (bench/README.md).
      // kafkajs stays selectable (`?client=kafkajs`) and passes the same conformance suite.
      const bus = target.client === 'kafkajs' ? new KafkaBus(settings) : new PlatformaticKafkaBus(settings);
      try {
        await bus.connect();
      } catch (error) {
        await bus.close();
        throw error;
      }
      return bus;
    }
    default:
      return assertNever(target);
  }
}

/**
 * What `GET /health/ready` checks for the bus: nothing for the in-process bus (it lives and
 * dies with the process), a protocol round trip with a broker for Kafka.
 */
export function busReadiness(target: BusTarget, timeoutMs: number): () => Promise<Record<string, unknown>> {
  switch (target.kind) {
    case 'inproc':
      return async () => ({ adapter: 'inproc' });
    case 'kafka':
      return async () => ({ adapter: 'kafka', ...(await probeKafkaBrokers(target.brokers, timeoutMs)) });
    default:
      return assertNever(target);
  }
}
