/** How the bus lays out the topics it creates. */
export interface TopicLayout {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** What a Kafka client adapter supplies to {@link TopicCreator}. */
export interface TopicAdmin {
  /** Creates one topic with `layout`; a topic that exists already is not an error. */
  create(topic: string, layout: TopicLayout): Promise<void>;
  /**
   * Whether every partition of `topic` has a leader. May throw while the broker answering does
   * not know the topic yet (just created, or the broker itself just started).
   */
  hasLeaders(topic: string): Promise<boolean>;
}

/** Looks for leaders this many times, 100 ms apart, before a creation counts as failed. */
export const LEADER_ATTEMPTS = 50;

/**
 * Creates topics on first use, once per topic and process. Brokers run with automatic
 * topic creation off (a typo in a topic name should not silently make a topic), so the bus
 * creates each topic with the partition count it was configured with before it publishes
 * to or subscribes to it.
 */
export class TopicCreator {
  private readonly ensured = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: TopicAdmin,
    private readonly layout: TopicLayout,
  ) {}

  /** Resolves once `topic` exists with leaders elected; an existing topic is left as it is. */
  ensure(topic: string): Promise<void> {
    let ready = this.ensured.get(topic);
    if (!ready) {
      ready = this.create(topic);
      // A failed creation (broker briefly away) is tried again by the next call.
      ready.catch(() => this.ensured.delete(topic));
      this.ensured.set(topic, ready);
    }
    return ready;
  }

  // One wait for both clients: a broker just (re)started answers metadata for a topic it has
  // not loaded yet with "does not host this topic-partition", which is a reason to ask again.
  private async create(topic: string): Promise<void> {
    await this.admin.create(topic, this.layout);
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.admin.hasLeaders(topic)) return;
      } catch (error) {
        if (attempt >= LEADER_ATTEMPTS) throw error;
      }
      if (attempt >= LEADER_ATTEMPTS) throw new Error(`Topic ${topic} has partitions without a leader`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
