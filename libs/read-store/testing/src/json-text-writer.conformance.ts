import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writesJsonText, type ReadStore } from '@relapse-watch/read-store-core';
import { expectInputError, uniqueCollection } from './fixtures';
import type { ReadStoreFactory } from './read-store.conformance';

/**
 * `putJsonTexts` of an adapter that offers it: documents given as JSON text read back as the data
 * they encode, each write position-guarded as `put`, bad names, ids or positions refused with
 * nothing written.
 */
export function jsonTextWriterConformance(adapterName: string, factory: ReadStoreFactory): void {
  describe(`putJsonTexts: ${adapterName}`, () => {
    let store: ReadStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });
    const writer = () => {
      if (!writesJsonText(store)) throw new Error('the store does not write JSON text');
      return store;
    };

    it('writes documents that read back as the data their text encodes', async () => {
      const c = uniqueCollection();
      const data = { provinceCode: '510000000000', state: JSON.stringify({ 户主: '张三', n: [1, null] }) };
      expect(
        await writer().putJsonTexts(c, [
          { id: 'h1', position: 5, dataJson: JSON.stringify(data) },
          { id: 'h2', position: 5, dataJson: '{"n":2}' },
        ]),
      ).toBe(2);
      expect(await store.get(c, 'h1')).toEqual({ id: 'h1', position: 5, data });
      expect((await store.find(c)).map((d) => [d.id, d.data])).toEqual([
        ['h1', data],
        ['h2', { n: 2 }],
      ]);
      expect(await writer().putJsonTexts(c, [])).toBe(0);
    });

    it('applies a document only over an older position, as put does', async () => {
      const c = uniqueCollection();
      await store.put(c, { id: 'a', position: 10, data: { v: 'stored' } });
      expect(
        await writer().putJsonTexts(c, [
          { id: 'a', position: 10, dataJson: '{"v":"same position"}' },
          { id: 'b', position: 3, dataJson: '{"v":"new"}' },
        ]),
      ).toBe(1);
      expect((await store.get(c, 'a'))?.data).toEqual({ v: 'stored' });
      expect(await writer().putJsonTexts(c, [{ id: 'a', position: 11, dataJson: '{"v":"newer"}' }])).toBe(1);
      expect((await store.get(c, 'a'))?.data).toEqual({ v: 'newer' });
    });

    it('refuses a bad collection, id or position and writes nothing', async () => {
      const c = uniqueCollection();
      const good = { id: 'ok', position: 1, dataJson: '{}' };
      await expectInputError(writer().putJsonTexts('Bad Name', [good]), 'collection.invalid', 'collection');
      await expectInputError(writer().putJsonTexts(c, [good, { ...good, id: '' }]), 'id.empty', 'docs[1].id');
      await expectInputError(
        writer().putJsonTexts(c, [good, { ...good, id: 'x', position: -1 }]),
        'position.invalid',
        'docs[1].position',
      );
      await expectInputError(
        writer().putJsonTexts(c, [{ ...good, dataJson: '' }]),
        'data.not-json',
        'docs[0].dataJson',
      );
      expect(await store.get(c, 'ok')).toBeNull();
    });
  });
}
