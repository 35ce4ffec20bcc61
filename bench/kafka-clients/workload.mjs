// What both clients of bench/kafka-clients send and count: the same keys, the same value
// bytes, the same batches, the same in-flight limit. kafkajs.mjs and platformatic.mjs differ
// only in the client calls they make.
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../event-store/workload.mjs';

/**
 * `messages` records of `size` value bytes, keyed by a UUIDv7 each (so they spread over the
 * partitions with murmur2, as aggregate ids do), in batches of `batch`. Built before the
 * clock starts. The value is JSON-like ASCII filler, the same for every message.
 */
export function makeBatches({ messages, size, batch }) {
  const value = Buffer.alloc(size, '{"x":"0123456789abcdef"}');
  const batches = [];
  for (let i = 0; i < messages; i += batch) {
    const b = [];
    for (let j = i; j < Math.min(messages, i + batch); j++) b.push({ key: Buffer.from(uuidv7()), value });
    batches.push(b);
  }
  return batches;
}

/** Sends every batch with at most `inFlight` sends pending; resolves with the seconds taken. */
export async function produceAll(batches, inFlight, send) {
  let next = 0;
  const t0 = performance.now();
  const loop = async () => {
    while (next < batches.length) await send(batches[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, batches.length) }, loop));
  return (performance.now() - t0) / 1000;
}

/**
 * A counter for a consumer: `add(n)` after n messages arrived; `done` resolves at `total`.
 * `firstAt` marks the first message (the group join and first fetch come before it).
 */
export function consumeCounter(total) {
  const t0 = performance.now();
  let count = 0;
  let firstAt = null;
  let endAt = null;
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  return {
    done,
    add(n) {
      if (firstAt === null) firstAt = performance.now();
      count += n;
      if (count >= total && endAt === null) {
        endAt = performance.now();
        finish();
      }
    },
    result() {
      const end = endAt ?? performance.now();
      return {
        messages: count,
        seconds: (end - t0) / 1000,
        firstMessageSeconds: firstAt === null ? null : (firstAt - t0) / 1000,
        steadySeconds: firstAt === null ? null : (end - firstAt) / 1000,
      };
    },
  };
}
