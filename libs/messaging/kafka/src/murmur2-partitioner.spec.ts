import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { Murmur2Partitioner } from './murmur2-partitioner';

function metadata(partitions: number): PartitionMetadata[] {
  return Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    partitionErrorCode: 0,
    offlineReplicas: [],
  }));
}

describe('Murmur2Partitioner', () => {
  it('picks the partition kafkajs’s DefaultPartitioner (the Java client’s murmur2) picks, for every key length and any UTF-8', () => {
    const ours = Murmur2Partitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const keys = [
      '',
      'a',
      'household-1',
      '户主张三',
      '😀 émoji',
      ...Array.from({ length: 40 }, (_, n) => 'x'.repeat(n)),
      ...Array.from({ length: 2_000 }, () => randomUUID()),
      ...Array.from({ length: 500 }, (_, i) => randomBytes(1 + (i % 67)).toString('latin1')),
    ];
    for (const partitions of [1, 2, 3, 4, 7, 12, 64]) {
      const partitionMetadata = metadata(partitions);
      for (const key of keys) {
        const args = { topic: 't', partitionMetadata, message: { key, value: 'v' } };
        expect([key, ours(args)]).toEqual([key, theirs(args)]);
      }
      const buffer = randomBytes(37);
      const args = { topic: 't', partitionMetadata, message: { key: buffer, value: 'v' } };
      expect(ours(args)).toBe(theirs(args));
    }
  });

  it('keeps an explicit partition and spreads keyless messages as kafkajs does', () => {
    const ours = Murmur2Partitioner();
    const partitionMetadata = metadata(3);
    expect(ours({ topic: 't', partitionMetadata, message: { key: 'k', value: 'v', partition: 2 } })).toBe(2);
    const spread = new Set(
      Array.from({ length: 6 }, () => ours({ topic: 't', partitionMetadata, message: { value: 'v' } })),
    );
    expect(spread.size).toBe(3);
  });
});
