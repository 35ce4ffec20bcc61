import { randomUUID } from 'node:crypto';
import { busConformance, Received, waitFor } from '@relapse-watch/messaging-testing';
import { InProcessBus } from './in-process-bus';

busConformance('in-process', async () => new InProcessBus());

describe('InProcessBus specifics', () => {
  it('never runs a handler inside the publisher’s call stack', async () => {
    const bus = new InProcessBus();
    const topic = `inproc.${randomUUID()}`;
    const received = new Received();
    await bus.subscribe({ topic, group: 'g', handler: received.handler });
    // Let the subscription's first fetch pass, so the publish below would find it ready.
    await new Promise((resolve) => setImmediate(resolve));
    await bus.publish(topic, [{ key: 'k', value: 'v' }]);
    expect(received.messages).toHaveLength(0);
    await received.atLeast(1);
    expect(received.messages[0]).toMatchObject({ partition: 0, offset: '0' });
    await bus.close();
  });

  it('allows one live subscription per topic and group, and the group resumes after close', async () => {
    const bus = new InProcessBus();
    const topic = `inproc.${randomUUID()}`;
    const first = await bus.subscribe({ topic, group: 'g', handler: async () => undefined });
    await expect(bus.subscribe({ topic, group: 'g', handler: async () => undefined })).rejects.toMatchObject({
      code: 'bus.group-busy',
      field: 'group',
    });
    await first.close();
    const received = new Received();
    await bus.subscribe({ topic, group: 'g', handler: received.handler });
    await bus.publish(topic, [{ key: 'k', value: 'v' }]);
    await received.atLeast(1);
    await bus.close();
  });

  it('a resuming group skips messages of other keys that ran ahead and finished before the close', async () => {
    const bus = new InProcessBus();
    const topic = `inproc.${randomUUID()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = new Received();
    const subscription = await bus.subscribe({
      topic,
      group: 'g',
      handler: async (m) => {
        await first.handler(m);
        if (m.value === 'A1') await gate;
      },
    });
    await bus.publish(
      topic,
      ['A1', 'A2', 'B1', 'B2', 'B3'].map((value) => ({ key: value[0], value })),
    );
    await waitFor('B3 handled while A1 waits', () => first.values().includes('B3'));
    const closing = subscription.close();
    release();
    await closing;
    expect(first.values()).not.toContain('A2');
    const second = new Received();
    await bus.subscribe({ topic, group: 'g', handler: second.handler });
    await bus.publish(topic, [{ key: 'C', value: 'C1' }]);
    await second.atLeast(2);
    expect(second.values()).toEqual(['A2', 'C1']);
    await bus.close();
  });

  it('holds at most maxInFlightPerSubscription fetched messages, and still delivers all of them', async () => {
    const bus = new InProcessBus({ maxInFlightPerSubscription: 2 });
    const topic = `inproc.${randomUUID()}`;
    let active = 0;
    let peak = 0;
    let done = 0;
    await bus.subscribe({
      topic,
      group: 'g',
      handler: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 1));
        active--;
        done++;
      },
    });
    await bus.publish(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ key: `k-${i}`, value: String(i) })),
    );
    await waitFor('30 handled', () => done === 30);
    expect(peak).toBe(2);
    await bus.close();
  });

  it('drops messages every group finished; a later group starts at the oldest one held', async () => {
    const bus = new InProcessBus();
    const topic = `inproc.${randomUUID()}`;
    await bus.publish(
      topic,
      Array.from({ length: 3_000 }, (_, i) => ({ key: `k-${i % 7}`, value: String(i) })),
    );
    expect(bus.heldMessages(topic)).toBe(3_000);
    const first = new Received();
    await bus.subscribe({ topic, group: 'first', handler: first.handler });
    await first.atLeast(3_000);
    const held = bus.heldMessages(topic);
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(1_024);
    const later = new Received();
    await bus.subscribe({ topic, group: 'later', handler: later.handler });
    await later.atLeast(held);
    const offsets = later.messages.map((m) => Number(m.offset)).sort((a, b) => a - b);
    expect(offsets).toEqual(Array.from({ length: held }, (_, i) => 3_000 - held + i));
    await bus.close();
  });

  it('counts a group’s backlog: all held before it subscribes, then what it has not finished, other keys’ run-ahead too', async () => {
    const bus = new InProcessBus();
    const topic = `inproc.${randomUUID()}`;
    expect(bus.backlog(topic, 'g')).toBe(0);
    await bus.publish(topic, [
      { key: 'slow', value: '0' },
      { key: 'fast', value: '1' },
      { key: 'fast', value: '2' },
    ]);
    expect(bus.backlog(topic, 'g')).toBe(3);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fast = new Received();
    await bus.subscribe({
      topic,
      group: 'g',
      handler: async (m) => (m.key === 'slow' ? held : fast.handler(m)),
    });
    await fast.atLeast(2);
    // Offsets 1 and 2 finished ahead of offset 0, which is still in its handler.
    await waitFor('the run-ahead counted', () => bus.backlog(topic, 'g') === 1);
    release();
    await waitFor('the backlog drained', () => bus.backlog(topic, 'g') === 0);
    expect(bus.backlog(topic, 'other')).toBe(3);
    await bus.close();
  });

  it('rejects a bad maxInFlightPerSubscription', () => {
    expect(() => new InProcessBus({ maxInFlightPerSubscription: 0 })).toThrow(
      expect.objectContaining({ code: 'bus.invalid-options' }),
    );
  });
});
