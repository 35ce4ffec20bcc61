import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type { CheckpointStore, EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { testEvent } from '@relapse-watch/event-store-testing';
import {
  EventRelay,
  eventsTopic,
  idempotentHandler,
  integrationMessage,
  parseCloudEvent,
  RelayMappingFailed,
  type ProcessedMessageStore,
  type RelayMapper,
} from '@relapse-watch/messaging-core';
import { Received, sleep, waitFor } from '@relapse-watch/messaging-testing';
import { relayHarness } from './relay-harness.fixture';

const topic = eventsTopic('registry');
const contract = {
  context: 'registry',
  event: 'IncomeRecorded',
  version: 1,
  dataschema: 'https://schemas.relapsewatch.cn/registry/income-recorded.v1.json',
};
/** Every third event is private. */
const mapper: RelayMapper = (e) => ((e.data as { seq: number }).seq % 3 === 2 ? null : integrationMessage(e, contract));
const isPublic = (e: StoredEvent) => (e.data as { seq: number }).seq % 3 !== 2;

async function writeHouseholds(store: EventStore, households: number, perHousehold: number): Promise<void> {
  await Promise.all(
    Array.from({ length: households }, async () => {
      const stream = `registry-household-${randomUUID()}`;
      for (let seq = 0; seq < perHousehold; seq++)
        await store.appendToStream(stream, [testEvent('IncomeRecorded', { seq })]);
    }),
  );
}

async function allEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
}

/** Per key, the order in which each id first arrived is the log order. */
function expectFirstArrivalsInKeyOrder(
  ids: readonly { key: string; id: string }[],
  events: readonly StoredEvent[],
): void {
  const position = new Map(events.map((e) => [e.id, e.position]));
  const firstSeen = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const { key, id } of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    firstSeen.set(key, [...(firstSeen.get(key) ?? []), position.get(id) as number]);
  }
  for (const positions of firstSeen.values()) expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('EventRelay recovery', () => {
  const { setup: harness, cleanups } = relayHarness('rw-relay-recovery-', topic, 'raw-consumer');
  async function setup() {
    const parts = await harness();
    const arrivals = () => parts.received.messages.map((m) => ({ key: m.key, id: parseCloudEvent(m.value).id }));
    return { ...parts, arrivals };
  }

  it.each([0, 2])(
    'stopped half-way (readAhead %i), a new relay resumes from the stored checkpoint: nothing lost, order kept',
    async (readAhead) => {
      const { eventStore, checkpoints, bus, received, arrivals } = await setup();
      await writeHouseholds(eventStore, 20, 5);
      const options = { name: 'relay:registry', eventStore, checkpoints, bus, mapper, maxBatchSize: 10, readAhead };
      const first = new EventRelay(options);
      cleanups.push(() => first.stop());
      // A slow broker: each batch waits for the test, so the relay is stopped half-way for sure.
      bus.holdPublishes();
      await first.start();
      for (let batch = 1; batch <= 3; batch++) {
        await waitFor(`batch ${batch} held in flight`, () => bus.held > 0);
        bus.release();
        bus.holdPublishes();
        await waitFor(`batch ${batch} accepted`, () => bus.published.length === batch);
      }
      await waitFor('batch 4 held in flight', () => bus.held > 0);
      let stopped = false;
      const stopping = first.stop().then(() => (stopped = true));
      await sleep(20);
      expect(stopped).toBe(false);
      const acceptedBeforeRelease = bus.published.length;
      bus.release();
      await stopping;
      expect(bus.published.length).toBe(acceptedBeforeRelease + 1);
      const checkpoint = await checkpoints.loadCheckpoint('relay:registry');
      expect(checkpoint).toBe(first.lastPublishedPosition);
      expect(checkpoint).toBeLessThan(await eventStore.headPosition());

      await writeHouseholds(eventStore, 5, 5);
      const resumedFrom = bus.published.length;
      const second = new EventRelay(options);
      cleanups.push(() => second.stop());
      await second.start();
      const head = await eventStore.headPosition();
      await waitFor('the second relay to reach the head', () => second.lastPublishedPosition === head);
      const events = await allEvents(eventStore);
      const publicIds = events.filter(isPublic).map((e) => e.id);
      await waitFor(
        'every public event received',
        () => new Set(arrivals().map((a) => a.id)).size === publicIds.length,
      );

      expect([...new Set(arrivals().map((a) => a.id))].sort()).toEqual([...publicIds].sort());
      const ids = arrivals().map((a) => a.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      // A clean stop saved the checkpoint of the batch in flight, so nothing is sent twice.
      expect(duplicates).toEqual([]);
      const positionOf = new Map(events.map((e) => [e.id, e.position]));
      const firstResent = parseCloudEvent(bus.published[resumedFrom].messages[0].value).id;
      expect(positionOf.get(firstResent)).toBeGreaterThan(checkpoint);
      expectFirstArrivalsInKeyOrder(arrivals(), events);
      expect(received.messages.length).toBe(ids.length);
    },
  );

  it('a checkpoint save that fails after the publish re-sends that batch; an idempotent consumer applies each event once', async () => {
    const { path, eventStore, checkpoints, bus, received, arrivals } = await setup();
    await writeHouseholds(eventStore, 3, 10);
    let saves = 0;
    const flaky: CheckpointStore = {
      loadCheckpoint: (name) => checkpoints.loadCheckpoint(name),
      saveCheckpoint: async (name, position) => {
        if (++saves === 2) throw new Error('disk full');
        await checkpoints.saveCheckpoint(name, position);
      },
    };
    const readDb = new DatabaseSync(`${path}.read`);
    cleanups.push(async () => readDb.close());
    readDb.exec(`CREATE TABLE processed (consumer TEXT, id TEXT, PRIMARY KEY (consumer, id));
                 CREATE TABLE incomes (household TEXT, seq INTEGER);`);
    const processed: ProcessedMessageStore<{ household: string; seq: number }> = {
      hasProcessed: async (consumer, id) =>
        readDb.prepare('SELECT 1 FROM processed WHERE consumer = ? AND id = ?').get(consumer, id) !== undefined,
      commit: async (consumer, id, row) => {
        readDb.exec('BEGIN IMMEDIATE');
        if (readDb.prepare('INSERT OR IGNORE INTO processed VALUES (?, ?)').run(consumer, id).changes === 1) {
          readDb.prepare('INSERT INTO incomes VALUES (?, ?)').run(row.household, row.seq);
        }
        readDb.exec('COMMIT');
      },
    };
    const applied = new Received();
    const apply = idempotentHandler<{ household: string; seq: number }, { seq: number }>({
      consumer: 'incomes',
      store: processed,
      handle: async (event) => ({ household: event.subject, seq: event.data.seq }),
    });
    await bus.subscribe({ topic, group: 'incomes', handler: async (m) => (await apply(m), applied.handler(m)) });

    const errors: boolean[] = [];
    const relay = new EventRelay({
      name: 'relay:flaky',
      eventStore,
      checkpoints: flaky,
      bus,
      mapper,
      maxBatchSize: 5,
      retryDelayMs: 1,
      onError: (_e, retry) => errors.push(retry),
    });
    cleanups.push(() => relay.stop());
    await relay.start();
    await waitFor('the relay to reach the head', () => relay.lastPublishedPosition === 30);
    const publicCount = (await allEvents(eventStore)).filter(isPublic).length;
    // published[1] is the batch whose checkpoint save failed, published[2] its re-send.
    const secondBatch = bus.published[1].messages.map((m) => parseCloudEvent(m.value).id);
    expect(bus.published[2].messages).toEqual(bus.published[1].messages);
    const deliveries = publicCount + secondBatch.length;
    await waitFor(
      'both consumers saw every delivery',
      () => applied.messages.length === deliveries && received.messages.length === deliveries,
    );

    expect(errors).toEqual([true]);
    const ids = arrivals().map((a) => a.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i).sort()).toEqual([...secondBatch].sort());
    expect((readDb.prepare('SELECT COUNT(*) AS n FROM incomes').get() as { n: number }).n).toBe(publicCount);
    expect(await checkpoints.loadCheckpoint('relay:flaky')).toBe(30);
  });

  it('a mapper failure stops the relay at that event; the events before it in its batch are published and checkpointed', async () => {
    const { eventStore, checkpoints, bus } = await setup();
    await writeHouseholds(eventStore, 1, 10);
    const failures: unknown[] = [];
    const relay = new EventRelay({
      name: 'relay:poison',
      eventStore,
      checkpoints,
      bus,
      mapper: (e) => {
        if (e.position === 7) throw new Error('unknown schema version');
        return mapper(e);
      },
      onError: (error) => failures.push(error),
    });
    await relay.start();
    await waitFor('the relay to fail', () => relay.status === 'failed');
    expect(relay.failure).toBeInstanceOf(RelayMappingFailed);
    expect(relay.failure).toMatchObject({ code: 'relay.mapping-failed', position: 7, eventType: 'IncomeRecorded' });
    expect(failures).toEqual([relay.failure]);
    expect(relay.lastPublishedPosition).toBe(6);
    expect(await checkpoints.loadCheckpoint('relay:poison')).toBe(6);
    expect(bus.messages().length).toBe(4);
    await relay.stop();
  });
});
