// PEER side of bench/kafka-clients: @platformatic/kafka 2.x, installed outside the workspace
// in bench/peers/platformatic-kafka (main.mjs installs it on demand). One child process per
// task; only its public exports are called (Producer, Consumer), as its README shows.
import { peerPackages } from '../event-store/harness.mjs';
import { serveOneTask } from '../event-store/workload.mjs';
import { consumeCounter, makeBatches, produceAll } from './workload.mjs';

const peer = peerPackages('platformatic-kafka');
const { Producer, Consumer, ProduceAcks } = peer.require('@platformatic/kafka');
const version = peer.version('@platformatic/kafka');

async function produce({ brokers, topic, messages, size, batch, inFlight }) {
  const batches = makeBatches({ messages, size, batch }).map((b) =>
    b.map((m) => ({ topic, key: m.key, value: m.value })),
  );
  // No serialisers: keys and values are Buffers, as on the kafkajs side.
  const producer = new Producer({
    clientId: 'bench-platformatic',
    bootstrapBrokers: brokers,
    acks: ProduceAcks.ALL,
    idempotent: false,
    autocreateTopics: false,
    maxInflights: Math.max(inFlight, 1),
  });
  try {
    const seconds = await produceAll(batches, inFlight, (messages) => producer.send({ messages }));
    return {
      messages,
      seconds,
      setup: {
        client: `@platformatic/kafka ${version}`,
        producer: `acks ALL (-1), not idempotent, default partitioner (murmur2), ${inFlight} send(s) of ${batch} in flight`,
      },
    };
  } finally {
    await producer.close();
  }
}

async function consume({ brokers, topic, messages, groupId, fetch }) {
  const consumer = new Consumer({
    groupId,
    clientId: 'bench-platformatic',
    bootstrapBrokers: brokers,
    minBytes: fetch.minBytes,
    maxBytes: fetch.maxBytes,
    maxBytesPerPartition: fetch.maxBytesPerPartition,
    maxWaitTime: fetch.maxWaitMs,
  });
  const counter = consumeCounter(messages);
  try {
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: true });
    stream.on('data', () => counter.add(1));
    await counter.done;
    const result = counter.result();
    await stream.close();
    return {
      ...result,
      setup: {
        client: `@platformatic/kafka ${version}`,
        consumer: `consume({ mode: 'earliest', autocommit: true }) stream, 'data' events, fetch ${JSON.stringify(fetch)}`,
      },
    };
  } finally {
    await consumer.close(true);
  }
}

serveOneTask({ produce, consume });
