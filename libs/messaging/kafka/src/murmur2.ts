import { Buffer } from 'node:buffer';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`) of `data`, as a signed 32-bit integer:
 * the same value kafkajs's DefaultPartitioner computes, in 32-bit integer arithmetic
 * (`Math.imul`) instead of kafkajs's 64-bit Long emulation, which allocates per step.
 */
export function murmur2(data: Uint8Array, length = data.length): number {
  let h = SEED ^ length;
  const length4 = length & ~3;
  for (let i = 0; i < length4; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The Java switch's fall-through over the last 1-3 bytes.
  const rest = length & 3;
  if (rest === 3) h ^= data[length4 + 2] << 16;
  if (rest >= 2) h ^= data[length4 + 1] << 8;
  if (rest >= 1) {
    h ^= data[length4];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

const scratch = new Uint8Array(256);

/** murmur2 of a string's UTF-8 bytes; short ASCII keys (UUIDs) are hashed without a Buffer. */
export function murmur2OfString(key: string): number {
  const length = key.length;
  if (length <= scratch.length) {
    let ascii = true;
    for (let i = 0; i < length; i++) {
      const code = key.charCodeAt(i);
      if (code > 0x7f) {
        ascii = false;
        break;
      }
      scratch[i] = code;
    }
    if (ascii) return murmur2(scratch, length);
  }
  return murmur2(Buffer.from(key, 'utf8'));
}

/**
 * The Java client's `toPositive(murmur2(key))`: the hash with its sign bit cleared. Its
 * remainder by the partition count is the key's partition in every client that follows Java
 * (kafkajs's DefaultPartitioner, librdkafka's `murmur2_random`).
 */
export function positiveMurmur2(key: string | Uint8Array): number {
  return (typeof key === 'string' ? murmur2OfString(key) : murmur2(key)) & 0x7fffffff;
}
