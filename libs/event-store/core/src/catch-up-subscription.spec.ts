import { catchUpSubscription, type LogSource } from './catch-up-subscription';
import type { StoredEvent } from './types';

function event(position: number, streamId = 's-1', type = 'E'): StoredEvent {
  return {
    id: `id-${position}`,
    streamId,
    revision: position,
    position,
    type,
    schemaVersion: 1,
    data: position,
    metadata: {
      actor: { userId: 'u', role: 'r' },
      divisionCode: '51',
      correlationId: 'c',
      causationId: null,
      occurredAt: '',
    },
    recordedAt: '',
    hash: '',
    prevHash: null,
  };
}

/** A log in memory whose appends wake waiting readers, with pages of 3 to exercise paging. */
function memoryLog(): LogSource & { append(e: StoredEvent): void; reads: number[] } {
  const log: StoredEvent[] = [];
  let wake: (() => void) | null = null;
  const reads: number[] = [];
  return {
    reads,
    append(e) {
      log.push(e);
      wake?.();
    },
    async readPage(after, limit) {
      reads.push(after);
      return log.filter((e) => e.position > after).slice(0, Math.min(limit, 3));
    },
    waitForNewEvents(_after, signal) {
      return new Promise((resolve) => {
        wake = () => resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    },
  };
}

describe('catchUpSubscription', () => {
  it('delivers stored events after the checkpoint, then live ones, in order', async () => {
    const log = memoryLog();
    for (let p = 1; p <= 7; p++) log.append(event(p));
    const subscription = catchUpSubscription(log, { fromPosition: 2 });
    const got: number[] = [];
    for await (const e of subscription) {
      got.push(e.position);
      if (e.position === 7) log.append(event(8));
      if (e.position === 8) break;
    }
    await subscription.stop();
    expect(got).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('skips filtered events but reads past them', async () => {
    const log = memoryLog();
    log.append(event(1, 'a-1'));
    log.append(event(2, 'b-1'));
    log.append(event(3, 'a-2', 'Other'));
    log.append(event(4, 'a-3'));
    const subscription = catchUpSubscription(log, { filter: { streamPrefixes: ['a-'], eventTypes: ['E'] } });
    const got: number[] = [];
    for await (const e of subscription) {
      got.push(e.position);
      if (got.length === 2) break;
    }
    expect(got).toEqual([1, 4]);
  });

  it('stop() ends a subscription that waits for live events', async () => {
    const log = memoryLog();
    const subscription = catchUpSubscription(log);
    const done = (async () => {
      for await (const _ of subscription) throw new Error('no event expected');
      return 'ended';
    })();
    await new Promise((r) => setTimeout(r, 10));
    await subscription.stop();
    await expect(done).resolves.toBe('ended');
  });

  it('can be iterated only once', () => {
    const subscription = catchUpSubscription(memoryLog());
    subscription[Symbol.asyncIterator]();
    expect(() => subscription[Symbol.asyncIterator]()).toThrow('only once');
  });
});
