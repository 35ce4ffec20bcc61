import { describe, expect, it } from '@jest/globals';
import { deadLetterTopic, type Bus, type ReceivedMessage } from '@relapse-watch/messaging-core';
import { Received, sleep, uniqueGroup, uniqueTopic, waitFor } from './bus-test-helpers';

/** Failure cases of the Bus conformance suite: redelivery, dead letters, closing. */
export function busFailureCases(get: () => Bus): void {
  describe('failures and closing', () => {
    it('redelivers after a handler failure with attempt 2, holding back later messages of the same key', async () => {
      const topic = uniqueTopic('redelivery');
      await get().publish(topic, [
        { key: 'household-1', value: 'A' },
        { key: 'household-1', value: 'B' },
        { key: 'household-2', value: 'C' },
      ]);
      const log: ReceivedMessage[] = [];
      await get().subscribe({
        topic,
        group: uniqueGroup('redelivery'),
        retryDelayMs: 20,
        handler: async (m) => {
          log.push(m);
          if (m.value === 'A' && m.attempt === 1) throw new Error('read store briefly unavailable');
        },
      });
      await waitFor('B and C handled', () => log.some((m) => m.value === 'B') && log.some((m) => m.value === 'C'));
      const sameKey = log.filter((m) => m.key === 'household-1');
      expect(sameKey.map((m) => `${m.value}@${m.attempt}`)).toEqual(['A@1', 'A@2', 'B@1']);
      expect(sameKey[1]).toEqual({ ...sameKey[0], attempt: 2 });
      expect(log.find((m) => m.value === 'C')?.attempt).toBe(1);
    });

    it('dead-letters after maxAttempts with the original coordinates and error, then moves on', async () => {
      const topic = uniqueTopic('dead-letter');
      await get().publish(topic, [
        {
          key: 'household-1',
          value: 'poison',
          headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
        },
        { key: 'household-1', value: 'next' },
      ]);
      const log: ReceivedMessage[] = [];
      await get().subscribe({
        topic,
        group: uniqueGroup('dead-letter'),
        maxAttempts: 3,
        retryDelayMs: 5,
        handler: async (m) => {
          log.push(m);
          if (m.value === 'poison') throw new Error('household 1 is not in the registry');
        },
      });
      await waitFor('the next message handled', () => log.some((m) => m.value === 'next'));
      const poison = log.filter((m) => m.value === 'poison');
      expect(poison.map((m) => m.attempt)).toEqual([1, 2, 3]);
      expect(log[log.length - 1].value).toBe('next');

      const letters = new Received();
      await get().subscribe({
        topic: deadLetterTopic(topic),
        group: uniqueGroup('dead-letter-reader'),
        handler: letters.handler,
      });
      await letters.atLeast(1);
      expect(letters.messages).toHaveLength(1);
      expect(letters.messages[0]).toMatchObject({
        topic: `${topic}.dlq`,
        key: 'household-1',
        value: 'poison',
        attempt: 1,
        headers: {
          'content-type': 'application/cloudevents+json; charset=UTF-8',
          'x-original-topic': topic,
          'x-original-partition': String(poison[0].partition),
          'x-original-offset': poison[0].offset,
          'x-error-message': 'household 1 is not in the registry',
          'x-attempts': '3',
        },
      });
    });

    it('a retrying handler is not retried again once its subscription closes; the group gets the message back', async () => {
      const topic = uniqueTopic('close-retry');
      const group = uniqueGroup('close-retry');
      await get().publish(topic, [{ key: 'household-1', value: 'flaky' }]);
      const attempts: number[] = [];
      const subscription = await get().subscribe({
        topic,
        group,
        retryDelayMs: 60_000,
        handler: async (m) => {
          attempts.push(m.attempt);
          throw new Error('projection store unavailable');
        },
      });
      await waitFor('the first attempt', () => attempts.length === 1);
      await subscription.close();
      expect(attempts).toEqual([1]);
      const again = new Received();
      await get().subscribe({ topic, group, handler: again.handler });
      await again.atLeast(1);
      expect(again.messages[0]).toMatchObject({ value: 'flaky', attempt: 1 });
    });

    it('close() waits for the handler in flight, and no handler starts after it resolves', async () => {
      const topic = uniqueTopic('close');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const started: string[] = [];
      const finished: string[] = [];
      let active = 0;
      let closeResolved = false;
      const startedAfterClose: string[] = [];
      const subscription = await get().subscribe({
        topic,
        group: uniqueGroup('close'),
        handler: async (m) => {
          if (closeResolved) startedAfterClose.push(m.value);
          started.push(m.value);
          active++;
          if (m.value === 'slow') await gate;
          active--;
          finished.push(m.value);
        },
      });
      await get().publish(topic, [
        { key: 'household-1', value: 'slow' },
        { key: 'household-1', value: 'queued-behind-slow' },
        { key: 'household-2', value: 'other' },
      ]);
      await waitFor('the slow handler to start', () => started.includes('slow'));
      let activeWhenClosed = -1;
      const closing = subscription.close().then(() => {
        activeWhenClosed = active;
        closeResolved = true;
      });
      await sleep(50);
      expect(closeResolved).toBe(false);
      release();
      await closing;
      expect(finished).toContain('slow');
      expect(activeWhenClosed).toBe(0);

      // A second group proves the later messages were delivered somewhere while the closed one stayed idle.
      await get().publish(topic, [
        { key: 'household-1', value: 'after-close-1' },
        { key: 'household-3', value: 'after-close-2' },
      ]);
      const witness = new Received();
      await get().subscribe({ topic, group: uniqueGroup('close-witness'), handler: witness.handler });
      await witness.atLeast(5);
      expect(startedAfterClose).toEqual([]);
      expect(started).not.toContain('after-close-1');
    });
  });
}
