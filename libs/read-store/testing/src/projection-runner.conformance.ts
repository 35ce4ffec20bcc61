import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { collect, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { foldProjection, ProjectionRunner, type Projection, type ReadStore } from '@relapse-watch/read-store-core';
import {
  appendAll,
  deregistered,
  householdsPerVillageProjection,
  many,
  noise,
  registered,
  type VillageSummary,
} from './projection.fixtures';

/** The stores one runner test works on, and how to close them. */
export interface ProjectionRunnerStores {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  close(): Promise<void>;
}

/** What the read-store adapter under test can promise. */
export interface ProjectionRunnerConformanceOptions {
  /**
   * False for an engine whose position guard does not hold between two writers racing on one
   * document (FerretDB 1.x): the case with two runners of one projection is then left out,
   * and such a deployment must run one runner per projection.
   */
  readonly concurrentRunners?: boolean;
}

/** A projection of its own per test, so tests may share one read store. */
const newProjection = () => householdsPerVillageProjection(randomUUID().replaceAll('-', '').slice(0, 12));

const snapshot = (store: ReadStore, projection: Projection<VillageSummary>) =>
  store.find<VillageSummary>(projection.collection);

/** What the projection should hold: the pure fold over the whole log, in id order as find returns it. */
async function expected(eventStore: EventStore, projection: Projection<VillageSummary>) {
  const docs = foldProjection(projection, (await collect(eventStore.readAll())) as StoredEvent[]);
  return [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The ProjectionRunner cases every read-store adapter runs (with a real event store): exactly
 * once under concurrent appends, batching, resume from the stored checkpoint, rebuild, the
 * position guard on replay, failure and recovery, and waiting.
 */
export function projectionRunnerConformance(
  adapterName: string,
  open: () => Promise<ProjectionRunnerStores>,
  options: ProjectionRunnerConformanceOptions = {},
): void {
  describe(`ProjectionRunner conformance: ${adapterName} (households per village)`, () => {
    it('applies events appended before and during the run exactly once, and checkpoints past unhandled ones', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      await appendAll(eventStore, [...many(30, (i) => registered(`v${i % 3}`)), ...many(10, noise)]);
      const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      await runner.start();
      await Promise.all([
        appendAll(
          eventStore,
          many(60, (i) => registered(`v${i % 4}`)),
        ),
        appendAll(eventStore, many(20, noise)),
      ]);
      await appendAll(eventStore, [...many(25, () => deregistered('v3')), ...many(2, () => deregistered('v0'))]);
      const head = await appendAll(eventStore, [noise()]);
      await runner.waitUntilCaughtUp(head);

      const docs = await snapshot(readStore, householdsPerVillage);
      expect(docs.map((d) => [d.id, d.data.households])).toEqual([
        ['v0', 10 + 15 - 2],
        ['v1', 10 + 15],
        ['v2', 10 + 15],
      ]);
      expect(docs).toEqual(await expected(eventStore, householdsPerVillage));
      expect(runner.checkpoint).toBe(head);
      expect(await readStore.loadCheckpoint(householdsPerVillage.name)).toBe(head);
      expect(runner.stats.eventsSeen).toBe(head);
      expect(await runner.lag()).toBe(0);
      await runner.stop();
      await close();
    });

    it('folds up to 500 events per batch when they are already there', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      const head = await appendAll(
        eventStore,
        many(1200, (i) => (i % 2 ? registered(`v${i % 7}`) : noise())),
      );
      const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      await runner.start();
      await runner.waitUntilCaughtUp(head);
      expect(runner.stats).toMatchObject({ eventsSeen: 1200, batches: 3 });
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(await expected(eventStore, householdsPerVillage));
      await runner.stop();
      await close();
    });

    it.each([0, 1, 3, 10_000])(
      'with a document cache of %i: the same documents; from zero it reads only what it forgot, after a restart what it touches',
      async (cacheDocuments) => {
        const { eventStore, readStore, close } = await open();
        const householdsPerVillage = newProjection();
        const villages = (n: number) => (i: number) =>
          i % 9 === 8 ? deregistered(`v${i % n}`) : registered(`v${i % n}`);
        let head = await appendAll(eventStore, many(120, villages(6)));
        const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore, {
          maxBatchEvents: 10,
          cacheDocuments,
        });
        await runner.start();
        await runner.waitUntilCaughtUp(head);
        // From zero, a document it never touched is known to be absent: no read for it.
        const fromZero = runner.stats.documentsRead;
        if (cacheDocuments >= 6) expect(fromZero).toBe(0);
        if (cacheDocuments === 0) expect(fromZero).toBeGreaterThanOrEqual(6);
        await runner.stop();
        head = Math.max(head, await appendAll(eventStore, many(60, villages(8))));
        await runner.start();
        await runner.waitUntilCaughtUp(head);
        // Started again from its checkpoint: it reads what it touches first.
        expect(runner.stats.documentsRead).toBeGreaterThan(fromZero);
        expect(await snapshot(readStore, householdsPerVillage)).toEqual(
          await expected(eventStore, householdsPerVillage),
        );
        await runner.rebuild();
        await runner.waitUntilCaughtUp(head);
        expect(await snapshot(readStore, householdsPerVillage)).toEqual(
          await expected(eventStore, householdsPerVillage),
        );
        await runner.stop();
        await close();
      },
    );

    it('leaves the trailing events of a full batch’s last document for the next batch: each document written once', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      let head = 0;
      // Ten villages with seven adjacent events each: batches of 10 would cut most of them in two.
      for (let v = 0; v < 10; v++) {
        const events = many(7, (i) => (i === 3 ? noise() : registered(`v${v}`)));
        head = (await eventStore.appendToStream(uniqueStreamId('registry-household'), events)).lastPosition;
      }
      const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore, { maxBatchEvents: 10 });
      await runner.start();
      await runner.waitUntilCaughtUp(head);
      expect(runner.stats).toMatchObject({ eventsSeen: 70, writesApplied: 10 });
      expect(runner.checkpoint).toBe(head);
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(await expected(eventStore, householdsPerVillage));
      await runner.stop();
      await close();
    });

    it('stopped while events arrive and started again, resumes from the stored checkpoint: each event seen once', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      const first = new ProjectionRunner(householdsPerVillage, eventStore, readStore, { maxBatchEvents: 7 });
      await first.start();
      const firstHalf = await appendAll(
        eventStore,
        many(100, (i) => registered(`v${i % 5}`)),
      );
      const appending = appendAll(
        eventStore,
        many(200, (i) => (i % 4 ? registered(`v${i % 5}`) : noise())),
      );
      await first.waitUntilCaughtUp(firstHalf);
      await first.stop();
      const stoppedAt = first.checkpoint;
      expect(await readStore.loadCheckpoint(householdsPerVillage.name)).toBe(stoppedAt);
      const head = Math.max(
        await appending,
        await appendAll(
          eventStore,
          many(50, (i) => deregistered(`v${i % 5}`)),
        ),
      );

      const second = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      await second.start();
      await second.waitUntilCaughtUp(head);
      expect(first.stats.eventsSeen).toBe(stoppedAt);
      expect(second.stats.eventsSeen).toBe(head - stoppedAt);
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(await expected(eventStore, householdsPerVillage));
      await second.stop();
      await close();
    });

    it('rebuild from zero drops what was there and gives identical documents', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      await runner.start();
      let head = await appendAll(eventStore, [...many(40, (i) => registered(`v${i % 6}`)), ...many(5, noise)]);
      head = Math.max(
        head,
        await appendAll(
          eventStore,
          many(7, () => deregistered('v5')),
        ),
      );
      await runner.waitUntilCaughtUp(head);
      const before = await snapshot(readStore, householdsPerVillage);
      await readStore.put(householdsPerVillage.collection, {
        id: 'stray',
        position: 1,
        data: { villageCode: 'stray', households: 99 },
      });

      await runner.rebuild();
      await runner.waitUntilCaughtUp(head);
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(before);
      expect(before).toEqual(await expected(eventStore, householdsPerVillage));
      expect(runner.stats.eventsSeen).toBe(2 * head);
      const withFive = before.filter((d) => d.data.households === 5).length;
      expect(await readStore.count(householdsPerVillage.collection, { households: 5 })).toBe(withFive);
      await runner.stop();
      await close();
    });

    it('a second runner started over already-applied events changes nothing (position guard)', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      const head = await appendAll(eventStore, [
        ...many(60, (i) => registered(`v${i % 4}`)),
        ...many(15, () => deregistered('v3')),
        noise(),
      ]);
      const first = new ProjectionRunner(householdsPerVillage, eventStore, readStore, { maxBatchEvents: 9 });
      await first.start();
      await first.waitUntilCaughtUp(head);
      await first.stop();
      const before = await snapshot(readStore, householdsPerVillage);

      await readStore.resetCheckpoint(householdsPerVillage.name);
      const second = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      await second.start();
      expect(second.checkpoint).toBe(0);
      await second.waitUntilCaughtUp(head);
      expect(second.stats.eventsSeen).toBe(head);
      expect(second.stats.writesApplied).toBe(0);
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(before);
      await second.stop();

      // Replayed with new events in the same batch: the old ones must not count twice.
      const newHead = await appendAll(eventStore, [...many(8, (i) => registered(`v${i % 4}`)), deregistered('v0')]);
      await readStore.resetCheckpoint(householdsPerVillage.name);
      await second.start();
      await second.waitUntilCaughtUp(newHead);
      expect(second.stats.batches).toBe(2);
      expect((await snapshot(readStore, householdsPerVillage)).map((d) => [d.id, d.data.households])).toEqual([
        ['v0', 15 + 2 - 1],
        ['v1', 15 + 2],
        ['v2', 15 + 2],
        ['v3', 2],
      ]);
      expect(await snapshot(readStore, householdsPerVillage)).toEqual(await expected(eventStore, householdsPerVillage));
      await second.stop();
      await close();
    });

    // FerretDB 1.x does not apply a filtered update atomically across connections, so two
    // runners racing on one document can both pass the position guard: adapters on such an
    // engine declare it and are run with one runner per projection.
    if (options.concurrentRunners !== false) {
      it('two runners of one projection racing from zero produce the documents one would', async () => {
        const { eventStore, readStore, close } = await open();
        const householdsPerVillage = newProjection();
        const runners = [1, 2].map(
          () => new ProjectionRunner(householdsPerVillage, eventStore, readStore, { maxBatchEvents: 5 }),
        );
        await appendAll(
          eventStore,
          many(50, (i) => registered(`v${i % 3}`)),
        );
        await Promise.all(runners.map((r) => r.start()));
        const head = await appendAll(eventStore, [
          ...many(50, (i) => registered(`v${i % 3}`)),
          ...many(10, () => deregistered('v1')),
        ]);
        await Promise.all(runners.map((r) => r.waitUntilCaughtUp(head)));
        expect(runners.map((r) => r.stats.eventsSeen)).toEqual([head, head]);
        expect(await snapshot(readStore, householdsPerVillage)).toEqual(
          await expected(eventStore, householdsPerVillage),
        );
        await Promise.all(runners.map((r) => r.stop()));
        await close();
      });
    }

    it('stops on a failing batch, keeps the checkpoint before it, and resumes once fixed', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      let broken = true;
      const fragile: Projection<VillageSummary> = {
        ...householdsPerVillage,
        evolve: (doc, event) => {
          if (broken && (event.data as { villageCode: string }).villageCode === 'bad') throw new Error('evolve failed');
          return householdsPerVillage.evolve(doc, event);
        },
      };
      const errors: unknown[] = [];
      const runner = new ProjectionRunner(fragile, eventStore, readStore, { onError: (e) => errors.push(e) });
      const good = await appendAll(
        eventStore,
        many(10, () => registered('good')),
      );
      await runner.start();
      await runner.waitUntilCaughtUp(good);
      const head = await appendAll(eventStore, [registered('bad'), registered('good')]);
      await expect(runner.waitUntilCaughtUp(head)).rejects.toThrow('evolve failed');
      expect(runner.running).toBe(false);
      expect(errors).toHaveLength(1);
      expect(runner.checkpoint).toBe(good);
      expect(await readStore.loadCheckpoint(fragile.name)).toBe(good);

      broken = false;
      await runner.start();
      await runner.waitUntilCaughtUp(head);
      expect(runner.error).toBeNull();
      expect((await snapshot(readStore, householdsPerVillage)).map((d) => [d.id, d.data.households])).toEqual([
        ['bad', 1],
        ['good', 11],
      ]);
      await runner.stop();
      await close();
    });

    it('waitUntilCaughtUp rejects with the abort reason when its signal aborts', async () => {
      const { eventStore, readStore, close } = await open();
      const householdsPerVillage = newProjection();
      const runner = new ProjectionRunner(householdsPerVillage, eventStore, readStore);
      const controller = new AbortController();
      const waiting = runner.waitUntilCaughtUp(5, { signal: controller.signal });
      controller.abort(new Error('request ended'));
      await expect(waiting).rejects.toThrow('request ended');
      await expect(runner.waitUntilCaughtUp(-1)).rejects.toMatchObject({ code: 'position.invalid', field: 'position' });
      await close();
    });
  });
}
