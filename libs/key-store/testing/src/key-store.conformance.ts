import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  assertMasterKeysHold,
  MasterKeyring,
  PersonalDataVault,
  type KeyErasure,
  type KeyStore,
  type WrappedDataKey,
} from '@relapse-watch/key-store-core';

/** Opens a fresh store of the adapter under test (each call may share the same files/schema). */
export type KeyStoreFactory = () => Promise<KeyStore>;

const keyring = MasterKeyring.parse(`k1:${randomBytes(32).toString('base64')}`);

/** A wrapped key for a new subject (or the given one). */
export function wrappedKey(subjectId = `hh-${randomUUID()}`): WrappedDataKey {
  return { subjectId, ...keyring.wrap(subjectId, MasterKeyring.newDataKey()), createdAt: new Date().toISOString() };
}

function erasure(subjectId: string, reason = '本人申请删除 / erasure requested'): KeyErasure {
  return {
    subjectId,
    erasedAt: '2026-12-07T08:00:00.000Z',
    reason,
    erasedBy: { userId: 'admin-1', role: 'administrator' },
  };
}

/**
 * The feature suite every KeyStore adapter runs (SQLite, PostgreSQL): one key per subject even
 * under racing writers, tombstones that never turn back into keys, the same refusals with the
 * same codes, and the PersonalDataVault over the adapter end to end.
 */
export function keyStoreConformance(adapterName: string, factory: KeyStoreFactory): void {
  describe(`KeyStore conformance: ${adapterName}`, () => {
    let store: KeyStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores a key and gives the same bytes back; a subject without one is absent', async () => {
      const key = wrappedKey();
      const put = await store.putIfAbsent([key]);
      expect(put.get(key.subjectId)).toEqual({ state: 'active', key });
      const absent = `hh-${randomUUID()}`;
      const got = await store.get([key.subjectId, absent]);
      expect(got.get(key.subjectId)).toEqual({ state: 'active', key });
      expect(got.has(absent)).toBe(false);
    });

    it('keeps one key per subject: racing writers all get the key that won', async () => {
      const subjectId = `hh-${randomUUID()}`;
      const candidates = Array.from({ length: 8 }, () => wrappedKey(subjectId));
      const results = await Promise.all(candidates.map((k) => store.putIfAbsent([k])));
      const winners = results.map((r) => r.get(subjectId));
      expect(new Set(winners.map((w) => JSON.stringify(w))).size).toBe(1);
      const won = winners[0] as { key: WrappedDataKey };
      expect(candidates.filter((c) => Buffer.from(c.wrapped).equals(Buffer.from(won.key.wrapped)))).toHaveLength(1);
      expect((await store.get([subjectId])).get(subjectId)).toEqual(winners[0]);
    });

    it('puts and gets more subjects than one statement can bind', async () => {
      const keys = Array.from({ length: 1_200 }, () => wrappedKey());
      expect((await store.putIfAbsent(keys)).size).toBe(1_200);
      const got = await store.get(keys.map((k) => k.subjectId));
      expect(keys.every((k) => (got.get(k.subjectId) as { key: WrappedDataKey }).key.createdAt === k.createdAt)).toBe(
        true,
      );
    });

    it('erases a key for good: the tombstone answers, the first erasure is kept, no key is made again', async () => {
      const key = wrappedKey();
      await store.putIfAbsent([key]);
      expect(await store.erase(erasure(key.subjectId))).toBe('erased');
      const tombstone = { state: 'erased', erasure: erasure(key.subjectId) };
      expect((await store.get([key.subjectId])).get(key.subjectId)).toEqual(tombstone);
      expect(await store.erase(erasure(key.subjectId, '再次 / again'))).toBe('already-erased');
      expect((await store.putIfAbsent([wrappedKey(key.subjectId)])).get(key.subjectId)).toEqual(tombstone);
      expect((await store.get([key.subjectId])).get(key.subjectId)).toEqual(tombstone);
    });

    it('erasing a subject that never had a key leaves a tombstone all the same', async () => {
      const subjectId = `hh-${randomUUID()}`;
      expect(await store.erase(erasure(subjectId))).toBe('unknown');
      expect((await store.putIfAbsent([wrappedKey(subjectId)])).get(subjectId)?.state).toBe('erased');
    });

    it('refuses malformed input with key-store.input, writing nothing', async () => {
      const good = wrappedKey();
      const short = { ...wrappedKey(), wrapped: new Uint8Array(10) };
      await expect(store.putIfAbsent([good, short])).rejects.toMatchObject({ code: 'key-store.input' });
      expect((await store.get([good.subjectId])).size).toBe(0);
      await expect(store.putIfAbsent([{ ...wrappedKey(), subjectId: '' }])).rejects.toMatchObject({
        code: 'key-store.input',
      });
      await expect(store.get(['has space'])).rejects.toMatchObject({ code: 'key-store.input' });
      await expect(store.erase(erasure(good.subjectId, ' '))).rejects.toMatchObject({ code: 'key-store.input' });
      expect((await store.get([good.subjectId])).size).toBe(0);
    });

    describe('PersonalDataVault over this store', () => {
      const person = { name: '阿西木呷', residentId: '513401199001011234' };

      it('seals and opens; the same value seals differently each time', async () => {
        const vault = new PersonalDataVault(store, keyring);
        const subject = `hh-${randomUUID()}`;
        const [a, b] = await vault.sealAll([
          { subjectId: subject, value: person },
          { subjectId: subject, value: person },
        ]);
        expect(a).not.toEqual(b);
        expect(JSON.stringify(a)).not.toContain('阿西木呷');
        expect(await vault.open(subject, a as never)).toEqual({ state: 'open', value: person });
        // Another vault (another process) with the same master keys opens it from the store.
        expect(await new PersonalDataVault(store, keyring).open(subject, b as never)).toEqual({
          state: 'open',
          value: person,
        });
      });

      it('refuses a value moved to another subject, or altered', async () => {
        const vault = new PersonalDataVault(store, keyring);
        const [one, two] = [`hh-${randomUUID()}`, `hh-${randomUUID()}`];
        const sealed = await vault.seal(one, person);
        await vault.seal(two, { other: true });
        await expect(vault.open(two, sealed)).rejects.toMatchObject({ code: 'personal-data.tampered' });
        const flipped = Buffer.from(sealed.ct, 'base64url');
        flipped[0] = (flipped[0] as number) ^ 1;
        await expect(vault.open(one, { ...sealed, ct: flipped.toString('base64url') })).rejects.toMatchObject({
          code: 'personal-data.tampered',
        });
        await expect(vault.open(`hh-${randomUUID()}`, sealed)).rejects.toMatchObject({
          code: 'personal-data.tampered',
        });
      });

      it('after erasure opens as erased here at once, elsewhere once the cache ages, and seals nothing more', async () => {
        let clock = Date.parse('2026-12-07T08:00:00Z');
        const now = () => clock;
        const here = new PersonalDataVault(store, keyring, { now });
        const elsewhere = new PersonalDataVault(store, keyring, { now, cacheTtlMs: 1_000 });
        const subject = `hh-${randomUUID()}`;
        const sealed = await here.seal(subject, person);
        expect((await elsewhere.open(subject, sealed)).state).toBe('open');
        expect(await here.erase(erasure(subject))).toBe('erased');
        expect(await here.open(subject, sealed)).toEqual({ state: 'erased', erasedAt: '2026-12-07T08:00:00.000Z' });
        expect((await elsewhere.open(subject, sealed)).state).toBe('open'); // still cached there
        clock += 1_001;
        expect((await elsewhere.open(subject, sealed)).state).toBe('erased');
        await expect(here.seal(subject, person)).rejects.toMatchObject({ code: 'personal-data.erased' });
        await expect(new PersonalDataVault(store, keyring).seal(subject, person)).rejects.toMatchObject({
          code: 'personal-data.erased',
        });
      });

      it('opens data sealed before a master-key rotation, and says so when a master key is missing', async () => {
        const oldKey = randomBytes(32).toString('base64');
        const oldRing = MasterKeyring.parse(`old:${oldKey}`);
        const subject = `hh-${randomUUID()}`;
        const sealed = await new PersonalDataVault(store, oldRing).seal(subject, person);
        const rotated = MasterKeyring.parse(`new:${randomBytes(32).toString('base64')},old:${oldKey}`);
        expect(await new PersonalDataVault(store, rotated).open(subject, sealed)).toEqual({
          state: 'open',
          value: person,
        });
        await expect(new PersonalDataVault(store, keyring).open(subject, sealed)).rejects.toMatchObject({
          code: 'personal-data.master-key-unknown',
        });
      });
    });

    it('names the master keys that wrapped the active keys, and an erased key no longer counts', async () => {
      const id = `m${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const ring = MasterKeyring.parse(`${id}:${randomBytes(32).toString('base64')}`);
      const subject = `hh-${randomUUID()}`;
      await new PersonalDataVault(store, ring).seal(subject, { name: '测试' });
      const ids = await store.masterKeyIds();
      expect(ids).toContain(id);
      expect(new Set(ids).size).toBe(ids.length);
      const all = MasterKeyring.parse(ids.map((i) => `${i}:${randomBytes(32).toString('base64')}`).join(','));
      await expect(assertMasterKeysHold(store, all)).resolves.toBeUndefined();
      await expect(assertMasterKeysHold(store, keyring)).rejects.toMatchObject({
        code: 'personal-data.master-key-missing',
        message: expect.stringContaining(id),
      });
      await store.erase(erasure(subject));
      expect(await store.masterKeyIds()).not.toContain(id);
    });

    it('refuses every call once closed', async () => {
      const other = await factory();
      await other.close();
      await expect(other.get(['hh-1'])).rejects.toMatchObject({ code: 'key-store.closed' });
      await expect(other.putIfAbsent([wrappedKey()])).rejects.toMatchObject({ code: 'key-store.closed' });
      await expect(other.erase(erasure('hh-1'))).rejects.toMatchObject({ code: 'key-store.closed' });
      await expect(other.masterKeyIds()).rejects.toMatchObject({ code: 'key-store.closed' });
    });
  });
}
