import type { BusMessage, ReceivedMessage } from './bus.port';
import { assertValidPublish, assertValidSubscribe } from './bus-validation';
import { deadLetterMessage, deliverWithRetries, MAX_ERROR_MESSAGE_LENGTH, retryDelay } from './delivery-policy';
import { InvalidBusRequest } from './errors';

const fetched: Omit<ReceivedMessage, 'attempt'> = {
  topic: 'relapsewatch.registry.events.v1',
  key: 'household-1',
  value: '{"x":1}',
  headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
  partition: 2,
  offset: '9007199254740993',
};

describe('delivery policy', () => {
  it('retries a failing handler, then succeeds without a dead letter', async () => {
    const attempts: number[] = [];
    const letters: BusMessage[] = [];
    const outcome = await deliverWithRetries({
      message: fetched,
      handler: async (m) => {
        attempts.push(m.attempt);
        if (m.attempt < 3) throw new Error('read store unavailable');
      },
      maxAttempts: 5,
      retryDelayMs: 1,
      signal: new AbortController().signal,
      deadLetter: async (m) => void letters.push(m),
    });
    expect(outcome).toBe('handled');
    expect(attempts).toEqual([1, 2, 3]);
    expect(letters).toEqual([]);
  });

  it('dead-letters after maxAttempts with the original coordinates and the error', async () => {
    const letters: BusMessage[] = [];
    let failedPublishes = 0;
    const outcome = await deliverWithRetries({
      message: fetched,
      handler: async () => {
        throw new Error('household not found');
      },
      maxAttempts: 2,
      retryDelayMs: 1,
      signal: new AbortController().signal,
      deadLetter: async (m) => {
        // The first dead-letter publish fails: the policy must retry it, not drop the message.
        if (failedPublishes++ === 0) throw new Error('broker unavailable');
        letters.push(m);
      },
    });
    expect(outcome).toBe('dead-lettered');
    expect(letters).toEqual([
      {
        key: 'household-1',
        value: '{"x":1}',
        headers: {
          'content-type': 'application/cloudevents+json; charset=UTF-8',
          'x-original-topic': 'relapsewatch.registry.events.v1',
          'x-original-partition': '2',
          'x-original-offset': '9007199254740993',
          'x-error-message': 'household not found',
          'x-attempts': '2',
        },
      },
    ]);
  });

  it('abandons the message when the subscription closes between attempts', async () => {
    const closing = new AbortController();
    const attempts: number[] = [];
    const outcome = await deliverWithRetries({
      message: fetched,
      handler: async (m) => {
        attempts.push(m.attempt);
        closing.abort();
        throw new Error('failed while closing');
      },
      maxAttempts: 5,
      retryDelayMs: 60_000,
      signal: closing.signal,
      deadLetter: async () => {
        throw new Error('must not dead-letter an abandoned message');
      },
    });
    expect(outcome).toBe('abandoned');
    expect(attempts).toEqual([1]);
  });

  it('backs off exponentially up to a cap, and shortens long error messages', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 100))).toEqual([100, 200, 400, 800]);
    expect(retryDelay(40, 100)).toBe(30_000);
    const letter = deadLetterMessage({ ...fetched, attempt: 1 }, 'x'.repeat(5_000), 1);
    expect(letter.headers?.['x-error-message']).toHaveLength(MAX_ERROR_MESSAGE_LENGTH);
  });
});

describe('bus request validation', () => {
  function rejection(run: () => void): { code: string; field: string } {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBusRequest);
      return { code: (error as InvalidBusRequest).code, field: (error as InvalidBusRequest).field };
    }
    throw new Error('expected a throw');
  }
  const handler = async () => undefined;

  it('names the topic or message at fault', () => {
    expect(rejection(() => assertValidPublish('bad topic', []))).toEqual({ code: 'bus.invalid-topic', field: 'topic' });
    expect(rejection(() => assertValidPublish('..', []))).toEqual({ code: 'bus.invalid-topic', field: 'topic' });
    expect(rejection(() => assertValidPublish('t', 'x'))).toEqual({ code: 'bus.invalid-message', field: 'messages' });
    expect(
      rejection(() =>
        assertValidPublish('t', [
          { key: 'k', value: 'v' },
          { key: '', value: 'v' },
        ]),
      ),
    ).toEqual({
      code: 'bus.invalid-message',
      field: 'messages[1].key',
    });
    expect(rejection(() => assertValidPublish('t', [{ key: 'k', value: 1 }])).field).toBe('messages[0].value');
    expect(rejection(() => assertValidPublish('t', [{ key: 'k', value: 'v', headers: { a: 1 } }])).field).toBe(
      'messages[0].headers',
    );
    expect(() => assertValidPublish('t', [{ key: 'k', value: 'v', headers: { a: 'b' } }])).not.toThrow();
  });

  it('names the subscribe option at fault', () => {
    expect(rejection(() => assertValidSubscribe({ topic: 't', group: '', handler }))).toEqual({
      code: 'bus.invalid-subscription',
      field: 'group',
    });
    expect(rejection(() => assertValidSubscribe({ topic: 't', group: 'g', handler: 'no' })).field).toBe('handler');
    expect(rejection(() => assertValidSubscribe({ topic: 't', group: 'g', handler, maxAttempts: 0 })).field).toBe(
      'maxAttempts',
    );
    expect(rejection(() => assertValidSubscribe({ topic: 't', group: 'g', handler, retryDelayMs: -1 })).field).toBe(
      'retryDelayMs',
    );
    expect(rejection(() => assertValidSubscribe({ topic: '', group: 'g', handler })).code).toBe('bus.invalid-topic');
    expect(() =>
      assertValidSubscribe({ topic: 't', group: 'g', handler, maxAttempts: 3, retryDelayMs: 0 }),
    ).not.toThrow();
  });
});
