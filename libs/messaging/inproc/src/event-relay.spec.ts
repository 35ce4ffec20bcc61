import { randomUUID } from 'node:crypto';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { testEvent, testMetadata } from '@relapse-watch/event-store-testing';
import {
  contractMapper,
  derivedMessageId,
  EventRelay,
  eventsTopic,
  integrationMessage,
  parseCloudEvent,
  type ReceivedMessage,
} from '@relapse-watch/messaging-core';
import { waitFor } from '@relapse-watch/messaging-testing';
import { relayHarness } from './relay-harness.fixture';

const topic = eventsTopic('registry');
const schema = (name: string) => `https://schemas.relapsewatch.cn/registry/${name}.v1.json`;
/** HouseholdNoteTaken is not in the table: it stays private. */
const mapper = contractMapper({
  HouseholdRegistered: {
    context: 'registry',
    event: 'HouseholdRegistered',
    version: 1,
    dataschema: schema('household-registered'),
  },
  IncomeRecorded: { context: 'registry', event: 'IncomeRecorded', version: 1, dataschema: schema('income-recorded') },
});

interface Written {
  readonly id: string;
  readonly household: string;
  readonly type: string;
  readonly causationId: string | null;
  readonly correlationId: string;
}

/** Appends `count` events to one household stream, one or two per append; every third is private. */
async function writeHousehold(store: EventStore, household: string, count: number, from = 0): Promise<Written[]> {
  const written: Written[] = [];
  for (let seq = from; seq < from + count;) {
    const size = Math.min(1 + (seq % 2), from + count - seq);
    const events = Array.from({ length: size }, (_, i) => {
      const n = seq + i;
      const type = n === 0 ? 'HouseholdRegistered' : n % 3 === 2 ? 'HouseholdNoteTaken' : 'IncomeRecorded';
      return testEvent(
        type,
        { seq: n, 户主: '张三' },
        { metadata: testMetadata({ causationId: n % 2 ? randomUUID() : null }) },
      );
    });
    await store.appendToStream(`registry-household-${household}`, events);
    for (const e of events) {
      written.push({
        id: e.id,
        household,
        type: e.type,
        causationId: e.metadata.causationId,
        correlationId: e.metadata.correlationId,
      });
    }
    seq += size;
  }
  return written;
}

const isPublic = (w: Written) => w.type !== 'HouseholdNoteTaken';

async function first<T>(items: AsyncIterable<T>): Promise<T> {
  for await (const item of items) return item;
  throw new Error('empty');
}

/** Every public event exactly once, and per household in append order. */
function expectEachOnceInKeyOrder(received: readonly ReceivedMessage[], written: readonly Written[]): void {
  const ids = received.map((m) => parseCloudEvent(m.value).id);
  expect(new Set(ids).size).toBe(ids.length);
  const expected = written.filter(isPublic);
  expect([...ids].sort()).toEqual(expected.map((w) => w.id).sort());
  for (const household of new Set(expected.map((w) => w.household))) {
    const got = received.filter((m) => m.key === household).map((m) => parseCloudEvent(m.value).id);
    expect(got).toEqual(expected.filter((w) => w.household === household).map((w) => w.id));
  }
}

describe('EventRelay over SqliteEventStore and InProcessBus', () => {
  const { setup, cleanups } = relayHarness('rw-relay-', topic, 'registry-consumer');

  function relay(parts: Awaited<ReturnType<typeof setup>>, name: string, maxBatchSize?: number): EventRelay {
    const r = new EventRelay({
      name,
      eventStore: parts.eventStore,
      checkpoints: parts.checkpoints,
      bus: parts.bus,
      mapper,
      maxBatchSize,
    });
    cleanups.push(() => r.stop());
    return r;
  }

  it('events appended before and while it runs arrive once each, in per-key order; private ones stay private', async () => {
    const parts = await setup();
    const households = Array.from({ length: 8 }, () => randomUUID());
    const before = (await Promise.all(households.map((h) => writeHousehold(parts.eventStore, h, 6)))).flat();
    const r = relay(parts, 'relay:registry');
    await r.start();
    const newcomers = Array.from({ length: 8 }, () => randomUUID());
    const during = (
      await Promise.all([
        ...newcomers.map((h) => writeHousehold(parts.eventStore, h, 6)),
        ...households.map((h) => writeHousehold(parts.eventStore, h, 3, 6)),
      ])
    ).flat();
    const written = [...before, ...during];
    const head = await parts.eventStore.headPosition();
    await waitFor('the relay to reach the head', () => r.lastPublishedPosition === head);
    await parts.received.atLeast(written.filter(isPublic).length);

    expectEachOnceInKeyOrder(parts.received.messages, written);
    expect(await r.lag()).toBe(0);
    expect(await parts.checkpoints.loadCheckpoint('relay:registry')).toBe(head);
    for (const message of parts.received.messages) {
      const event = parseCloudEvent(message.value);
      const source = written.find((w) => w.id === event.id) as Written;
      expect(event).toMatchObject({
        source: '/relapse-watch/registry',
        type: `cn.relapsewatch.registry.${source.type}.v1`,
        subject: source.household,
        correlationid: source.correlationId,
        divisioncode: '510101001001',
        data: { 户主: '张三' },
      });
      expect(event.causationid).toBe(source.causationId ?? undefined);
      expect(message.key).toBe(source.household);
    }
  });

  it('publishes every message a mapper returns for one event, in order, each with its own stable id, before checkpointing it', async () => {
    const parts = await setup();
    const household = randomUUID();
    const [imported, note] = [
      testEvent('HouseholdImported', { members: 3 }),
      testEvent('HouseholdNoteTaken', { n: 1 }),
    ];
    await parts.eventStore.appendToStream(`registry-household-${household}`, [imported, note]);
    const contract = (event: string) => ({ context: 'registry', event, version: 1, dataschema: schema(event) });
    // One stored event, three integration events; the private one, none.
    const fanOut = (event: StoredEvent) =>
      event.type === 'HouseholdImported'
        ? ['HouseholdRegistered', 'HouseholdMembersChanged', 'HouseholdIncomeRecorded'].map((name, i) =>
            integrationMessage(event, contract(name), { part: i }, derivedMessageId(event, i)),
          )
        : [];
    const r = new EventRelay({
      name: 'relay:fan-out',
      eventStore: parts.eventStore,
      checkpoints: parts.checkpoints,
      bus: parts.bus,
      mapper: fanOut,
    });
    cleanups.push(() => r.stop());
    await r.start();
    await waitFor('the relay to reach the head', () => r.lastPublishedPosition === 2);
    await parts.received.atLeast(3);
    const events = parts.received.messages.map((m) => parseCloudEvent(m.value));
    expect(events.map((e) => e.type)).toEqual(
      ['HouseholdRegistered', 'HouseholdMembersChanged', 'HouseholdIncomeRecorded'].map(
        (n) => `cn.relapsewatch.registry.${n}.v1`,
      ),
    );
    expect(events.map((e) => e.data)).toEqual([{ part: 0 }, { part: 1 }, { part: 2 }]);
    expect(events[0].id).toBe(imported.id);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    // Stable: the same event maps to the same ids again (what consumers dedupe on after a re-publication).
    const stored = await first(parts.eventStore.readStream(`registry-household-${household}`));
    expect(fanOut(stored).map((m) => parseCloudEvent(m.message.value).id)).toEqual(events.map((e) => e.id));
    expect(await parts.checkpoints.loadCheckpoint('relay:fan-out')).toBe(2);
  });

  it('publishes what the subscription already holds in batches of at most maxBatchSize, then checkpoints', async () => {
    const parts = await setup();
    const households = Array.from({ length: 12 }, () => randomUUID());
    for (const household of households) {
      await parts.eventStore.appendToStream(
        `registry-household-${household}`,
        Array.from({ length: 100 }, (_, i) =>
          testEvent(i === 0 ? 'HouseholdRegistered' : 'IncomeRecorded', { seq: i }),
        ),
      );
    }
    const r = relay(parts, 'relay:batches', 500);
    await r.start();
    await waitFor('the relay to reach the head', () => r.lastPublishedPosition === 1200);
    expect(parts.bus.published.map((p) => p.messages.length)).toEqual([500, 500, 200]);
    await parts.received.atLeast(1200);
    expect(await parts.checkpoints.loadCheckpoint('relay:batches')).toBe(1200);
  });

  it('reads ahead while a batch is in flight, but publishes one batch at a time and checkpoints only what was accepted', async () => {
    const parts = await setup();
    const household = randomUUID();
    await parts.eventStore.appendToStream(
      `registry-household-${household}`,
      Array.from({ length: 100 }, (_, i) => testEvent(i === 0 ? 'HouseholdRegistered' : 'IncomeRecorded', { seq: i })),
    );
    let mapped = 0;
    const saves: { position: number; accepted: number; started: number }[] = [];
    const checkpoints = {
      loadCheckpoint: (name: string) => parts.checkpoints.loadCheckpoint(name),
      saveCheckpoint: async (name: string, position: number) => {
        saves.push({ position, accepted: parts.bus.published.length, started: parts.bus.started });
        await parts.checkpoints.saveCheckpoint(name, position);
      },
    };
    const r = new EventRelay({
      name: 'relay:read-ahead',
      eventStore: parts.eventStore,
      checkpoints,
      bus: parts.bus,
      mapper: (e) => (mapped++, mapper(e)),
      maxBatchSize: 10,
      readAhead: 2,
    });
    cleanups.push(() => r.stop());
    parts.bus.holdPublishes();
    await r.start();
    await waitFor('the first batch held in flight', () => parts.bus.held === 1);
    await waitFor('two batches read ahead', () => mapped === 30);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Held: nothing more is read, nothing else is sent, nothing is checkpointed.
    expect([mapped, parts.bus.started, saves.length, r.lastPublishedPosition]).toEqual([30, 1, 0, 0]);
    parts.bus.release();
    await waitFor('the relay to reach the head', () => r.lastPublishedPosition === 100);
    // Each checkpoint follows its own batch's acceptance, before the next batch was sent.
    expect(saves).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ position: 10 * (i + 1), accepted: i + 1, started: i + 1 })),
    );
    const seqs = parts.bus.messages().map((m) => (parseCloudEvent(m.value).data as { seq: number }).seq);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects a second start and bad options with typed errors', async () => {
    const parts = await setup();
    const r = relay(parts, 'relay:twice');
    await r.start();
    await expect(r.start()).rejects.toMatchObject({ code: 'relay.already-started' });
    const options = { name: 'x', eventStore: parts.eventStore, checkpoints: parts.checkpoints, bus: parts.bus, mapper };
    expect(() => new EventRelay({ ...options, name: '' })).toThrow(
      expect.objectContaining({ code: 'relay.invalid-options', field: 'name' }),
    );
    expect(() => new EventRelay({ ...options, maxBatchSize: 0 })).toThrow(
      expect.objectContaining({ code: 'relay.invalid-options', field: 'maxBatchSize' }),
    );
    expect(() => new EventRelay({ ...options, readAhead: -1 })).toThrow(
      expect.objectContaining({ code: 'relay.invalid-options', field: 'readAhead' }),
    );
  });
});
