import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { residentIdHash } from '@relapse-watch/domain-kernel';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { MasterKeyring, PersonalDataEventStore, PersonalDataVault, type KeyStore } from '@relapse-watch/key-store-core';
import { ProjectionRunner, type ReadStore } from '@relapse-watch/read-store-core';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { openEventStore, openKeyStore, parseEventStoreUrl } from '@relapse-watch/service-runtime';
import { Pool } from 'pg';
import { householdStreamId } from '../domain/household/household.decider';
import {
  addMember as addMemberCommand,
  HEAD,
  registerHousehold as registerCommand,
  SPOUSE,
} from '../domain/testing/household.fixtures';
import { registryRelayMapper } from '../integration/registry-relay.mapper';
import { householdRegisterProjection, HOUSEHOLDS_COLLECTION } from '../read-model/household-register.projection';
import { addMember } from './add-member.handler';
import { erasePersonalData } from './erase-personal-data.handler';
import { registerHousehold } from './register-household.handler';
import { commandContext } from './testing/handler-test-store';

const SALT = 'test-salt-0123456789abcdef';
const KEYRING = MasterKeyring.parse(`test-1:${randomBytes(32).toString('base64')}`);
const ADMIN = { userId: 'admin-0001', role: 'administrator' };
const PLAIN = [HEAD.personal.name, HEAD.personal.residentId, SPOUSE.personal.name, SPOUSE.personal.residentId];

interface Stores {
  readonly inner: EventStore;
  readonly keyStore: KeyStore;
  /** Every byte the event store keeps of the events, as text (the files, or the table's rows). */
  rawEvents(): Promise<string>;
  close(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), 'rw-registry-erasure-'));
const pgUrl = process.env['POSTGRES_URL'] as string;
const pgSchema = `reg_erasure_${randomBytes(5).toString('hex')}`;
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new Pool({ connectionString: pgUrl, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS "${pgSchema}_keys" CASCADE`);
  await admin.end();
});

async function sqliteStores(): Promise<Stores> {
  const folder = mkdtempSync(join(dir, 'sqlite-'));
  const inner = await openEventStore(parseEventStoreUrl('EVENT_STORE_URL', `sqlite:${folder}/events.db`, folder));
  const keyStore = await openKeyStore({ kind: 'sqlite', url: '', path: join(folder, 'keys.db') });
  return {
    inner,
    keyStore,
    rawEvents: async () =>
      readdirSync(folder)
        .filter((f) => f.startsWith('events.db'))
        .map((f) => readFileSync(join(folder, f)).toString('utf8'))
        .join('\n'),
    close: async () => void (await Promise.all([inner.close(), keyStore.close()])),
  };
}

async function postgresStores(): Promise<Stores> {
  const target = parseEventStoreUrl('EVENT_STORE_URL', `${pgUrl}?schema=${pgSchema}`, dir);
  const inner = await openEventStore(target);
  const keyStore = await openKeyStore({
    kind: 'postgres',
    url: '',
    connectionString: pgUrl,
    schema: `${pgSchema}_keys`,
  });
  const admin = new Pool({ connectionString: pgUrl, max: 1 });
  return {
    inner,
    keyStore,
    rawEvents: async () => {
      const { rows } = await admin.query(`SELECT * FROM "${pgSchema}".events`);
      return JSON.stringify(rows);
    },
    close: async () => void (await Promise.all([inner.close(), keyStore.close(), admin.end()])),
  };
}

async function projected(events: EventStore, reads: ReadStore): Promise<unknown> {
  const runner = new ProjectionRunner(householdRegisterProjection, events, reads);
  await runner.start();
  await runner.waitUntilCaughtUp(await events.headPosition());
  await runner.stop();
  return (await reads.get(HOUSEHOLDS_COLLECTION, 'hh-erase-1'))?.data;
}

describe.each([
  ['SQLite', sqliteStores],
  ['PostgreSQL', postgresStores],
])('personal data in the registry’s events over %s', (_name, open) => {
  let stores: Stores;
  let vault: PersonalDataVault;
  let store: PersonalDataEventStore;
  beforeAll(async () => {
    stores = await open();
    vault = new PersonalDataVault(stores.keyStore, KEYRING);
    store = new PersonalDataEventStore(stores.inner, vault);
    const deps = { store, residentIdSalt: SALT };
    const id = 'hh-erase-1';
    await registerHousehold(store, registerCommand({ householdId: id, householdNumber: `no-${id}` }), commandContext());
    await addMember(deps, id, addMemberCommand(HEAD), commandContext());
    await addMember(deps, id, addMemberCommand(SPOUSE), commandContext());
  });
  afterAll(() => stores.close());

  it('stores no name or ID number on disk, and no plain ID in any stream name', async () => {
    const raw = await stores.rawEvents();
    expect(raw).toContain('hh-erase-1');
    for (const text of PLAIN) expect(raw).not.toContain(text);
    const all: StoredEvent[] = [];
    for await (const event of stores.inner.readAll()) all.push(event);
    expect(all.map((e) => e.streamId)).toContain(`registry-person-${residentIdHash(HEAD.personal.residentId, SALT)}`);
    for (const event of all) {
      const { personal: _sealed, ...rest } = event.data as Record<string, unknown>;
      for (const text of PLAIN) expect(`${event.streamId} ${JSON.stringify(rest)}`).not.toContain(text);
    }
  });

  it('reads back the plain values through the sealing store', async () => {
    const doc = (await projected(store, SqliteReadStore.open({ path: ':memory:' }))) as {
      household: { members: { personal: unknown }[] };
    };
    expect(doc.household.members.map((m) => m.personal)).toEqual([HEAD.personal, SPOUSE.personal]);
  });

  it('after an erasure: the people read as erased, counts stay, and a rebuild from zero gives the same document', async () => {
    const live = SqliteReadStore.open({ path: ':memory:' });
    const before = (await projected(store, live)) as Record<string, unknown>;
    const ctx = commandContext({ actor: ADMIN, divisionCode: '511923100201' });
    const result = await erasePersonalData({ store, eraser: vault }, 'hh-erase-1', 'PIPL 删除请求 17', ctx);
    expect(result.events.map((e) => e.type)).toEqual(['HouseholdPersonalDataErased']);
    expect(result.key).toBe('erased');
    const after = (await projected(store, live)) as Record<string, unknown> & {
      household: { members: { personal: { name: string; erased?: true } }[] };
    };
    expect(after.household.members.map((m) => m.personal)).toEqual([
      { name: '已删除 / erased', residentId: '已删除 / erased', erased: true },
      { name: '已删除 / erased', residentId: '已删除 / erased', erased: true },
    ]);
    expect(after['memberCount']).toBe(before['memberCount']);
    expect(after['memberCount']).toBe(2);
    expect(after['villageCode']).toBe(before['villageCode']);
    expect(JSON.stringify(after)).not.toMatch(new RegExp(PLAIN.join('|')));

    // Another process (its own vault, nothing cached) rebuilding the read model from zero.
    const elsewhere = new PersonalDataEventStore(stores.inner, new PersonalDataVault(stores.keyStore, KEYRING));
    const rebuilt = await projected(elsewhere, SqliteReadStore.open({ path: ':memory:' }));
    expect(rebuilt).toEqual(after);
  });

  it('erasing again records nothing more, and the recorded erasure names who, when and why', async () => {
    const again = await erasePersonalData({ store, eraser: vault }, 'hh-erase-1', 'again', commandContext());
    expect(again.events).toEqual([]);
    expect(again.key).toBe('already-erased');
    const events: StoredEvent[] = [];
    for await (const e of store.readStream(householdStreamId('hh-erase-1'))) events.push(e);
    const erasures = events.filter((e) => e.type === 'HouseholdPersonalDataErased');
    expect(erasures.map((e) => e.data)).toEqual([
      {
        householdId: 'hh-erase-1',
        reason: 'PIPL 删除请求 17',
        erasedBy: ADMIN,
        erasedAt: '2024-08-20T02:00:00.000Z',
      },
    ]);
  });

  it('the relay maps every event of the erased household without failing, and publishes no personal data', async () => {
    const mapper = registryRelayMapper(store, {
      residentIdHash: (id) => residentIdHash(id, 'erase-spec-relay-salt'),
    });
    const messages: unknown[] = [];
    for await (const event of store.readAll()) messages.push(await mapper(event));
    const text = JSON.stringify(messages);
    expect(text).toContain('hh-erase-1');
    // Republished after the erasure: the members are listed, their hashes null, no ID was at hand to hash.
    const erasedHousehold = messages
      .flat()
      .map((m) => JSON.stringify(m))
      .filter((m) => m.includes('hh-erase-1') && m.includes('HouseholdMembersChanged'));
    expect(erasedHousehold.length).toBeGreaterThan(0);
    for (const m of erasedHousehold) {
      expect(m).toContain('residentIdHash\\":null');
      expect(m).not.toMatch(/residentIdHash\\":\\"/);
    }
    for (const plain of PLAIN) expect(text).not.toContain(plain);
    expect(text).not.toContain('已删除');
  });

  it('refuses personal data for the erased household at the store too (nothing sealed again)', async () => {
    await expect(
      store.appendToStream('registry-household-hh-erase-1', [
        {
          id: randomUUID(),
          type: 'MemberAdded',
          data: { householdId: 'hh-erase-1', personal: HEAD.personal },
          metadata: {
            actor: ADMIN,
            divisionCode: '511923100201',
            correlationId: 'c',
            causationId: null,
            occurredAt: '2024-08-20T02:00:00.000Z',
          },
        },
      ]),
    ).rejects.toMatchObject({ code: 'personal-data.erased' });
  });
});
