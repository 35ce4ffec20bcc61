/** How the bus lays out the topics it creates. */
export interface TopicLayout {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/**
 * Creates one topic with `layout` and resolves once its partitions have leaders; an existing
 * topic is left as it is (and resolves). Each Kafka client adapter supplies its own.
 */
export type CreateTopic = (topic: string, layout: TopicLayout) => Promise<void>;

/**
 * Creates topics on first use, once per topic and process. Brokers run with automatic
 * topic creation off (a typo in a topic name should not silently make a topic), so the bus
 * creates each topic with the partition count it was configured with before it publishes
 * to or subscribes to it.
 */
export class TopicCreator {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly create: CreateTopic,
    private readonly layout: TopicLayout,
  ) {}

  /** Resolves once `topic` exists with leaders elected; an existing topic is left as it is. */
  ensure(topic: string): Promise<void> {
    let ready = this.ensured.get(topic);
    if (!ready) {
      ready = this.create(topic, this.layout);
      // A failed creation (broker briefly away) is tried again by the next call.
      ready.catch(() => this.ensured.delete(topic));
      this.ensured.set(topic, ready);
    }
    return ready;
  }
}
