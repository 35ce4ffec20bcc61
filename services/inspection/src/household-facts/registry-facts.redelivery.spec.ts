import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  householdDataQualityWarningsChangedV1,
  householdIncomeRecordedV1,
  householdRegisteredV1,
  type EventContract,
} from '@relapse-watch/contracts';
import { serializeCloudEvent, toCloudEvent, type ReceivedMessage } from '@relapse-watch/messaging-core';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { MongoReadStore } from '@relapse-watch/read-store-mongodb';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { BusContext, type RuntimeConfig } from '@relapse-watch/service-runtime';
import { serviceUrl } from '@relapse-watch/testing';
import { MongoClient } from 'mongodb';
import type { InspectionConfig } from '../config/inspection.config';
import { registryFactsEventOf, type HouseholdFactsDocument } from '@relapse-watch/household-view';
import { INSPECTION_HOUSEHOLD_VIEW, inspectionFactsEffects } from './inspection-household-view';
import { RegistryFactsConsumer } from './registry-facts.consumer';

// Redelivery on the real read stores: the bus delivers at least once, so the same CloudEvent may
// arrive again (after a crash, a rebalance, a retry): the facts must not change twice.

const GROUP = 'inspection-redelivery-spec';
const CST = 480;
const folders: string[] = [];
const databases: string[] = [];
afterAll(async () => {
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const client = new MongoClient(serviceUrl('MONGODB_URL'));
  try {
    for (const name of databases) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
});

function message<T>(contract: EventContract<T>, data: T, householdId: string): ReceivedMessage {
  const event = toCloudEvent({
    id: randomUUID(),
    type: contract.type,
    subject: householdId,
    time: new Date('2024-06-30T02:00:00.000Z'),
    dataschema: contract.dataschema,
    data,
    correlationId: randomUUID(),
    divisionCode: '510104001001',
  });
  const value = serializeCloudEvent(event);
  return { topic: contract.topic, key: householdId, value, headers: {}, partition: 0, offset: '0', attempt: 1 };
}

const stores: [string, () => Promise<ReadStore>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rw-inspection-redelivery-'));
      folders.push(dir);
      return SqliteReadStore.open({ path: join(dir, 'read.db') });
    },
  ],
  [
    'MongoDB API (FerretDB)',
    async () => {
      const database = `rw_inspection_redelivery_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      databases.push(database);
      return MongoReadStore.connect(serviceUrl('MONGODB_URL'), { database });
    },
  ],
];

describe.each(stores)('registry facts redelivered on %s', (_name, open) => {
  let store: ReadStore;
  let consumer: RegistryFactsConsumer;
  let householdId: string;
  const warnings: object[] = [];
  const deliver = (m: ReceivedMessage) => consumer.onRegistryEvent(new BusContext(m));
  const stored = () => store.get<HouseholdFactsDocument>(INSPECTION_HOUSEHOLD_VIEW.facts, householdId);

  beforeEach(async () => {
    store = await open();
    warnings.length = 0;
    consumer = new RegistryFactsConsumer(
      store,
      { utcOffsetMinutes: CST } as RuntimeConfig,
      { registryUrl: null, consumerGroup: GROUP } satisfies InspectionConfig,
      { warn: (fields: object) => void warnings.push(fields) } as never,
    );
    householdId = randomUUID();
  });
  afterEach(() => store.close());

  const registered = () =>
    message(householdRegisteredV1, { ...householdRegisteredV1.fixture, householdId }, householdId);
  const warningRaised = () =>
    message(
      householdDataQualityWarningsChangedV1,
      { ...householdDataQualityWarningsChangedV1.fixture, householdId },
      householdId,
    );

  it('the same CloudEvent delivered twice is folded once, and recorded as processed', async () => {
    const registration = registered();
    const warning = warningRaised();
    await deliver(registration);
    await deliver(warning);
    await deliver(warning);
    await deliver(registration);

    const doc = await stored();
    // Each fold is one write: two events, two writes; a raise folded twice would count two.
    expect(doc?.position).toBe(2);
    expect(doc?.data.warningsRaised).toBe(1);
    expect(doc?.data.registeredOn).toBe('2024-06-30');
    expect(await store.hasProcessed(GROUP, JSON.parse(warning.value).id)).toBe(true);
  });

  it('a document written without its processed id (a crash half-way, no transactions) is not written again', async () => {
    await deliver(registered());
    const warning = warningRaised();
    const event = registryFactsEventOf(JSON.parse(warning.value), CST)!;
    // What survives a crash between the two writes of a store without transactions: the document alone.
    await store.applyBatch(await inspectionFactsEffects(store, event));
    expect((await stored())?.position).toBe(2);

    await deliver(warning);

    const doc = await stored();
    expect(doc?.position).toBe(2);
    expect(doc?.data.warningsRaised).toBe(1);
    expect(await store.hasProcessed(GROUP, event.id)).toBe(true);
  });

  it('a type the inspection does not consume, or an event of an unknown household, writes nothing but its id', async () => {
    const merged = {
      ...registered(),
      value: registered().value.replace('HouseholdRegistered.v1', 'HouseholdMerged.v1'),
    };
    await deliver(merged);
    const early = warningRaised();
    await deliver(early);

    expect(await stored()).toBeNull();
    expect(await store.hasProcessed(GROUP, JSON.parse(merged.value).id)).toBe(true);
    expect(await store.hasProcessed(GROUP, JSON.parse(early.value).id)).toBe(true);
  });

  it('an event of an earlier contract shape is skipped with its id in the log, not retried', async () => {
    await deliver(registered());
    const { divisorMembers: _dropped, ...olderShape } = { ...householdIncomeRecordedV1.fixture, householdId };
    const older = message(
      householdIncomeRecordedV1,
      olderShape as typeof householdIncomeRecordedV1.fixture,
      householdId,
    );

    await deliver(older);

    expect((await stored())?.data.incomes).toEqual([]);
    expect(await store.hasProcessed(GROUP, JSON.parse(older.value).id)).toBe(true);
    expect(warnings).toEqual([
      expect.objectContaining({ eventId: JSON.parse(older.value).id, mismatch: { path: '/', rule: 'required' } }),
    ]);
  });
});
