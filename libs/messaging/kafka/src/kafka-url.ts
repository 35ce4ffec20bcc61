import { InvalidBusRequest } from '@relapse-watch/messaging-core';

const BROKER = /^[A-Za-z0-9.-]+:[0-9]{1,5}$/;

/**
 * The broker list of a `BUS_URL` of the form `kafka://host:port[,host:port…]`, the form
 * infra/env.sh prints as `KAFKA_URL`.
 * @throws {@link InvalidBusRequest} `bus.invalid-options` (field `url`) for any other form;
 * the message never echoes the URL, which may carry credentials.
 */
export function brokersFromKafkaUrl(url: string): string[] {
  const match = typeof url === 'string' ? /^kafka:\/\/([^/?#]+)\/?$/.exec(url.trim()) : null;
  const brokers = match ? match[1].split(',') : [];
  if (brokers.length === 0 || !brokers.every((broker) => BROKER.test(broker))) {
    throw new InvalidBusRequest(
      'bus.invalid-options',
      'url',
      'A Kafka URL is kafka://host:port, with more host:port pairs separated by commas',
    );
  }
  return brokers;
}
