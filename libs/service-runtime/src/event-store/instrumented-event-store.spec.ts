import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { InvalidAppend, WrongExpectedRevision } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { eventStoreConformance, testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { RuntimeMetrics } from '../metrics/runtime.metrics';
import { InstrumentedEventStore } from './instrumented-event-store';

// The decorator sits in front of every adapter in production, so it must keep the port's contract.
const dir = mkdtempSync(join(tmpdir(), 'rw-instrumented-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreConformance(
  'instrumented sqlite',
  async () => new InstrumentedEventStore(SqliteEventStore.open({ path: join(dir, 'events.db') }), new RuntimeMetrics()),
);

describe('InstrumentedEventStore metrics', () => {
  it('counts appends by outcome, the events appended and the latency of each', async () => {
    const metrics = new RuntimeMetrics();
    const store = new InstrumentedEventStore(SqliteEventStore.open({ path: join(dir, 'metrics.db') }), metrics);
    try {
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, [testEvent('A', {}), testEvent('B', {})], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(streamId, [testEvent('C', {})], { expectedRevision: 0 })).rejects.toThrow(
        WrongExpectedRevision,
      );
      await expect(store.appendToStream(streamId, [])).rejects.toThrow(InvalidAppend);
      const appends = await metrics.eventStoreAppends.get();
      const byOutcome = Object.fromEntries(appends.values.map((v) => [v.labels['outcome'], v.value]));
      expect(byOutcome).toEqual({ appended: 1, conflict: 1, invalid: 1 });
      expect((await metrics.eventStoreAppendedEvents.get()).values[0].value).toBe(2);
      const counts = (await metrics.eventStoreAppendDuration.get()).values.filter((v) =>
        v.metricName?.endsWith('_count'),
      );
      expect(counts.map((v) => [v.labels['outcome'], v.value]).sort()).toEqual([
        ['appended', 1],
        ['conflict', 1],
        ['invalid', 1],
      ]);
    } finally {
      await store.close();
    }
  });

  it('counts a multi-stream append as one append with all its events', async () => {
    const metrics = new RuntimeMetrics();
    const store = new InstrumentedEventStore(SqliteEventStore.open({ path: join(dir, 'metrics-multi.db') }), metrics);
    try {
      const [a, b] = [uniqueStreamId(), uniqueStreamId()];
      const results = await store.appendToStreams([
        { streamId: a, events: [testEvent('A', {}), testEvent('B', {})], options: { expectedRevision: 'no_stream' } },
        { streamId: b, events: [testEvent('C', {})] },
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([1, 0]);
      await expect(
        store.appendToStreams([
          { streamId: a, events: [testEvent('D', {})], options: { expectedRevision: 'no_stream' } },
        ]),
      ).rejects.toThrow(WrongExpectedRevision);
      await expect(store.appendToStreams([])).rejects.toThrow(InvalidAppend);
      const appends = await metrics.eventStoreAppends.get();
      expect(Object.fromEntries(appends.values.map((v) => [v.labels['outcome'], v.value]))).toEqual({
        appended: 1,
        conflict: 1,
        invalid: 1,
      });
      expect((await metrics.eventStoreAppendedEvents.get()).values[0].value).toBe(3);
    } finally {
      await store.close();
    }
  });
});
