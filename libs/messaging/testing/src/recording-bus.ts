import type { Bus, BusMessage, BusSubscription, SubscribeOptions } from '@relapse-watch/messaging-core';

/** One publish call seen by a {@link RecordingBus}. */
export interface RecordedPublish {
  readonly topic: string;
  readonly messages: readonly BusMessage[];
}

/**
 * Wraps a real bus to test publishers (the relay): records every publish call that the
 * bus accepted, and can hold publishes back (a slow broker) until released.
 */
export class RecordingBus implements Bus {
  readonly published: RecordedPublish[] = [];
  /** Publish calls that started, accepted or not yet. */
  started = 0;
  /** Publish calls waiting for {@link release} right now. */
  held = 0;
  private hold: Promise<void> | null = null;
  private releaseHold: (() => void) | null = null;

  constructor(private readonly inner: Bus) {}

  /** Makes every publish from now on wait until {@link release}. */
  holdPublishes(): void {
    if (this.hold) return;
    this.hold = new Promise((resolve) => (this.releaseHold = resolve));
  }

  /** Lets held publishes through. */
  release(): void {
    this.releaseHold?.();
    this.hold = null;
    this.releaseHold = null;
  }

  /** Messages of all accepted publishes, in order. */
  messages(topic?: string): BusMessage[] {
    return this.published.filter((p) => topic === undefined || p.topic === topic).flatMap((p) => p.messages);
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    this.started++;
    if (this.hold) {
      this.held++;
      await this.hold;
      this.held--;
    }
    await this.inner.publish(topic, messages);
    this.published.push({ topic, messages: [...messages] });
  }

  subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    return this.inner.subscribe(options);
  }

  close(): Promise<void> {
    this.release();
    return this.inner.close();
  }
}
