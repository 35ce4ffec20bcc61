import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, StoredEvent } from '@relapse-watch/event-store-core';
import { collect, eventStoreConformance, take, testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import {
  isErasedPersonal,
  MasterKeyring,
  PersonalDataEventStore,
  PersonalDataVault,
  type KeyStore,
} from '@relapse-watch/key-store-core';

/**
 * The PersonalDataEventStore over a real event store and a real key store: first the whole
 * EventStore conformance suite (sealing must not cost any guarantee of the port), then the
 * sealing itself — nothing personal at rest, plain values to readers, erasure to every reader
 * while the stored events and their hash chain stay byte for byte as they were.
 */
export function personalDataEventStoreCases(
  name: string,
  openEventStore: () => Promise<EventStore>,
  openKeyStore: () => Promise<KeyStore>,
): void {
  const keyring = MasterKeyring.parse(`k1:${randomBytes(32).toString('base64')}`);
  const sealing = async (inner: EventStore, keys: KeyStore) =>
    new PersonalDataEventStore(inner, new PersonalDataVault(keys, keyring));

  eventStoreConformance(`personal data sealed over ${name}`, async () =>
    sealing(await openEventStore(), await openKeyStore()),
  );

  describe(`PersonalDataEventStore over ${name}`, () => {
    let inner: EventStore;
    let keys: KeyStore;
    let vault: PersonalDataVault;
    let store: PersonalDataEventStore;
    beforeAll(async () => {
      inner = await openEventStore();
      keys = await openKeyStore();
      vault = new PersonalDataVault(keys, keyring);
      store = new PersonalDataEventStore(inner, vault);
    });
    const erase = (subjectId: string) =>
      vault.erase({
        subjectId,
        erasedAt: '2026-12-07T08:00:00.000Z',
        reason: '测试 / test',
        erasedBy: { userId: 'admin-1', role: 'administrator' },
      });
    afterAll(async () => {
      await store?.close();
      await keys?.close();
    });

    const person = { name: '吉克阿依', residentId: '513401199001011234' };
    const added = (householdId: string, extra: Record<string, unknown> = {}) =>
      testEvent('MemberAdded', {
        householdId,
        memberId: 'm-1',
        personal: person,
        profile: { relationToHead: 'head' },
        ...extra,
      });

    it('stores personal data sealed, gives it back plain on every read path', async () => {
      const householdId = `hh-${randomUUID()}`;
      const s = uniqueStreamId('registry-household');
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [s] } });
      await store.appendToStream(s, [
        added(householdId),
        testEvent('HouseholdFlagsChanged', { householdId, flags: {} }),
      ]);
      const raw = await collect(inner.readStream(s));
      expect(JSON.stringify(raw)).not.toContain('吉克阿依');
      expect(JSON.stringify(raw)).not.toContain('513401199001011234');
      expect((raw[0]?.data as { personal: object }).personal).toHaveProperty('$sealed');
      expect(raw[1]?.data).toEqual({ householdId, flags: {} });
      const plain = (events: StoredEvent[]) => events.map((e) => (e.data as { personal?: unknown }).personal);
      expect(plain(await collect(store.readStream(s)))).toEqual([person, undefined]);
      const fromAll = (await collect(store.readAll({ fromPosition: raw[0]?.position }))).filter(
        (e) => e.streamId === s,
      );
      expect(plain(fromAll)).toEqual([person, undefined]);
      expect(plain(await take(subscription, 2))).toEqual([person, undefined]);
      await subscription.stop();
    });

    it('seals every stream of a multi-stream append, each under its own household', async () => {
      const [a, b] = [`hh-${randomUUID()}`, `hh-${randomUUID()}`];
      const [sa, sb] = [uniqueStreamId('registry-household'), uniqueStreamId('registry-household')];
      await store.appendToStreams([
        { streamId: sa, events: [added(a)] },
        { streamId: sb, events: [added(b)] },
      ]);
      const [rawA] = await collect(inner.readStream(sa));
      const [rawB] = await collect(inner.readStream(sb));
      expect(JSON.stringify([rawA, rawB])).not.toContain('吉克阿依');
      // Each is sealed for its own household: erasing one leaves the other readable.
      await erase(a);
      const [readA] = await collect(store.readStream(sa));
      const [readB] = await collect(store.readStream(sb));
      expect(isErasedPersonal((readA?.data as { personal: unknown }).personal)).toBe(true);
      expect((readB?.data as { personal: unknown }).personal).toEqual(person);
    });

    it('after erasure every reader sees the people as erased; the stored events and hashes do not change', async () => {
      const householdId = `hh-${randomUUID()}`;
      const s = uniqueStreamId('registry-household');
      await store.appendToStream(s, [added(householdId), added(householdId, { memberId: 'm-2' })]);
      const before = await collect(inner.readStream(s));
      await erase(householdId);
      expect(await collect(inner.readStream(s))).toEqual(before);
      const after = await collect(store.readStream(s));
      expect(after.map((e) => isErasedPersonal((e.data as { personal: unknown }).personal))).toEqual([true, true]);
      expect(after.map((e) => (e.data as { memberId: string }).memberId)).toEqual(['m-1', 'm-2']);
      expect(after.map((e) => e.hash)).toEqual(before.map((e) => e.hash));
      await expect(store.appendToStream(s, [added(householdId, { memberId: 'm-3' })])).rejects.toMatchObject({
        code: 'personal-data.erased',
      });
      expect(await collect(inner.readStream(s))).toHaveLength(2);
    });

    it('refuses personal data without a household, writing nothing', async () => {
      const s = uniqueStreamId('registry-household');
      const good = added(`hh-${randomUUID()}`);
      const orphan = testEvent('MemberAdded', { memberId: 'm-9', personal: person });
      await expect(store.appendToStream(s, [good, orphan])).rejects.toMatchObject({
        code: 'personal-data.no-subject',
        field: 'appends[0].events[1].data.personal',
      });
      expect(await collect(inner.readStream(s))).toEqual([]);
    });
  });
}
