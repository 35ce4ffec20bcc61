import { Partitioners, type ICustomPartitioner, type PartitionerArgs } from 'kafkajs';
import { positiveMurmur2 } from './murmur2';

export { murmur2 } from './murmur2';

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
    if (
      (message.partition !== null && message.partition !== undefined) ||
      key === null ||
      key === undefined ||
      partitionMetadata.length === 0
    ) {
      return fallback(args);
    }
    return positiveMurmur2(key) % partitionMetadata.length;
  };
};
