import { Buffer } from 'node:buffer';
import { Partitioners, type ICustomPartitioner, type PartitionerArgs } from 'kafkajs';

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
function murmur2OfString(key: string): number {
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
 * kafkajs's `Partitioners.DefaultPartitioner` (Java-compatible: `toPositive(murmur2(key)) %
 * partitions` over the key's UTF-8 bytes) with a faster hash for keyed messages. Messages with
 * an explicit partition or without a key go to kafkajs's own partitioner unchanged.
 */
export const Murmur2Partitioner: ICustomPartitioner = () => {
  const fallback = Partitioners.DefaultPartitioner();
  return (args: PartitionerArgs) => {
    const { message, partitionMetadata } = args;
    const key = message.key;
    if ((message.partition !== null && message.partition !== undefined) || key === null || key === undefined || partitionMetadata.length === 0) {
      return fallback(args);
    }
    const hash = typeof key === 'string' ? murmur2OfString(key) : murmur2(key);
    return (hash & 0x7fffffff) % partitionMetadata.length;
  };
};
