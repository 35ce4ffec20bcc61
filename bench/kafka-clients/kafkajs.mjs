// kafkajs side of bench/kafka-clients: the client our KafkaBus uses (workspace dependency,
// 2.2.4). One child process per task; called as the documentation shows, with the options
// both sides share set explicitly.
import { requireWorkspace } from '../event-store/harness.mjs';
import { serveOneTask } from '../event-store/workload.mjs';
import { consumeCounter, makeBatches, produceAll } from './workload.mjs';

const { Kafka, Partitioners, logLevel } = requireWorkspace('kafkajs');
const { version } = requireWorkspace('kafkajs/package.json');

const kafka = (brokers) => new Kafka({ clientId: 'bench-kafkajs', brokers, logLevel: logLevel.NOTHING });

async function produce({ brokers, topic, messages, size, batch, inFlight }) {
  const batches = makeBatches({ messages, size, batch });
  const producer = kafka(brokers).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    idempotent: false,
    maxInFlightRequests: inFlight,
  });
  await producer.connect();
  try {
    const seconds = await produceAll(batches, inFlight, (messages) => producer.send({ topic, acks: -1, messages }));
    return {
      messages,
      seconds,
      setup: {
        client: `kafkajs ${version}`,
        producer: `acks -1, not idempotent, DefaultPartitioner (murmur2), ${inFlight} send(s) of ${batch} in flight`,
      },
    };
  } finally {
    await producer.disconnect();
  }
}

async function consume({ brokers, topic, messages, groupId, fetch }) {
  const consumer = kafka(brokers).consumer({
    groupId,
    minBytes: fetch.minBytes,
    maxBytes: fetch.maxBytes,
    maxBytesPerPartition: fetch.maxBytesPerPartition,
    maxWaitTimeInMs: fetch.maxWaitMs,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  const counter = consumeCounter(messages);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    // eachBatch: its fastest documented way (eachMessage adds a promise per message).
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => counter.add(batch.messages.length),
    });
    await counter.done;
    return {
      ...counter.result(),
      setup: {
        client: `kafkajs ${version}`,
        consumer: `run({ eachBatch }), autoCommit, fromBeginning, fetch ${JSON.stringify(fetch)}`,
      },
    };
  } finally {
    await consumer.disconnect();
  }
}

serveOneTask({ produce, consume });
