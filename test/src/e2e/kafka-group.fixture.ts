// Spec-only support: a consumer group that starts at the end of a topic. A new group reads a
// topic from its start, and the registry's topic on the shared test broker holds every earlier
// run's events (thousands; the inspection folds ~20 a second on FerretDB). An operator deploying
// a consumer that needs no history does the same (`kafka-consumer-groups --reset-offsets
// --to-latest`): the service then reads only what is published after this call.
import { Kafka, logLevel } from 'kafkajs';
import { serviceUrl } from '@relapse-watch/testing';
import { brokersFromKafkaUrl } from '@relapse-watch/messaging-kafka';

/** Commits the topic's end offsets for `groupId` (a group with no member yet), creating the topic if needed. */
export async function startGroupAtEnd(groupId: string, topic: string): Promise<void> {
  const kafka = new Kafka({
    brokers: brokersFromKafkaUrl(serviceUrl('KAFKA_URL')),
    clientId: 'e2e-group-reset',
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}
