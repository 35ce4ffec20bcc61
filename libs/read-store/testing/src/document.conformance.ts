import { describe, expect, it } from '@jest/globals';
import type { ReadStore } from '@relapse-watch/read-store-core';
import { uniqueCollection } from './fixtures';

/** get/put/delete cases of the read-store conformance suite. */
export function documentConformance(get: () => ReadStore): void {
  describe('documents', () => {
    it('round-trips a document with Chinese text, nested data and every JSON type', async () => {
      const c = uniqueCollection();
      const data = {
        户主: '张三',
        address: { province: '四川省', county: '锦江区', villageCode: '510104001001', village: '某村 · 三组' },
        members: [
          { name: '李四', age: 42, disabled: false },
          { name: '王五', age: 7, school: null },
        ],
        income: 12345.67,
        risks: ['因病', '因学'],
        note: '脱贫户 😀',
        监测户: true,
      };
      expect(await get().put(c, { id: '户-0001', position: 7, data })).toBe(true);
      expect(await get().get(c, '户-0001')).toEqual({ id: '户-0001', position: 7, data });
    });

    it('returns null for an unknown id or collection', async () => {
      const c = uniqueCollection();
      await get().put(c, { id: 'a', position: 1, data: {} });
      expect(await get().get(c, 'b')).toBeNull();
      expect(await get().get(uniqueCollection(), 'a')).toBeNull();
      expect(await get().find(uniqueCollection())).toEqual([]);
      expect(await get().count(uniqueCollection())).toBe(0);
    });

    it('getMany returns every requested id once: its document, or null when unknown or deleted', async () => {
      const c = uniqueCollection();
      await get().put(c, { id: '户-1', position: 3, data: { 户主: '张三', members: [1, 2] } });
      await get().put(c, { id: 'b', position: 4, data: { v: 'b' } });
      await get().put(c, { id: 'gone', position: 5, data: { v: 'gone' } });
      await get().delete(c, 'gone', 6);
      await get().delete(c, 'ghost', 7);
      const found = await get().getMany(c, ['b', 'unknown', '户-1', 'gone', 'b', 'ghost']);
      expect([...found.keys()].sort()).toEqual(['b', 'ghost', 'gone', 'unknown', '户-1']);
      expect(found.get('户-1')).toEqual({ id: '户-1', position: 3, data: { 户主: '张三', members: [1, 2] } });
      expect(found.get('b')).toEqual(await get().get(c, 'b'));
      expect([found.get('unknown'), found.get('gone'), found.get('ghost')]).toEqual([null, null, null]);
      expect(await get().getMany(c, [])).toEqual(new Map());
      expect(await get().getMany(uniqueCollection(), ['b'])).toEqual(new Map([['b', null]]));
    });

    it('getMany reads many ids at once, as get reads each', async () => {
      const c = uniqueCollection();
      const ids = Array.from({ length: 1500 }, (_, i) => `h-${i}`);
      await get().applyBatch({
        operations: ids
          .filter((_, i) => i % 3 === 0)
          .map((id, i) => ({ type: 'put' as const, collection: c, doc: { id, position: i + 1, data: { id } } })),
      });
      const found = await get().getMany<{ id: string }>(c, ids);
      expect(found.size).toBe(1500);
      expect(ids.filter((id) => found.get(id)?.data.id === id)).toEqual(ids.filter((_, i) => i % 3 === 0));
      for (const id of ['h-0', 'h-1', 'h-1497', 'h-1499']) expect(found.get(id)).toEqual(await get().get(c, id));
    });

    it('position guard: a put at an equal or older position is ignored and returns false', async () => {
      const c = uniqueCollection();
      expect(await get().put(c, { id: 'h', position: 0, data: { v: 'zero' } })).toBe(true);
      expect(await get().put(c, { id: 'h', position: 5, data: { v: 'five' } })).toBe(true);
      expect(await get().put(c, { id: 'h', position: 5, data: { v: 'again' } })).toBe(false);
      expect(await get().put(c, { id: 'h', position: 3, data: { v: 'older' } })).toBe(false);
      expect(await get().get(c, 'h')).toEqual({ id: 'h', position: 5, data: { v: 'five' } });
      expect(await get().put(c, { id: 'h', position: 6, data: { v: 'six' } })).toBe(true);
      expect(await get().get(c, 'h')).toEqual({ id: 'h', position: 6, data: { v: 'six' } });
    });

    it('delete is guarded the same way', async () => {
      const c = uniqueCollection();
      await get().put(c, { id: 'h', position: 10, data: { v: 1 } });
      expect(await get().delete(c, 'h', 10)).toBe(false);
      expect(await get().delete(c, 'h', 9)).toBe(false);
      expect(await get().get(c, 'h')).toEqual({ id: 'h', position: 10, data: { v: 1 } });
      expect(await get().delete(c, 'h', 11)).toBe(true);
      expect(await get().get(c, 'h')).toBeNull();
      expect(await get().delete(c, 'h', 12)).toBe(false);
    });

    it('a deleted document is not resurrected by a replayed older put', async () => {
      const c = uniqueCollection();
      await get().put(c, { id: 'h', position: 4, data: { v: 'live' } });
      await get().delete(c, 'h', 8);
      expect(await get().put(c, { id: 'h', position: 6, data: { v: 'replayed' } })).toBe(false);
      expect(await get().put(c, { id: 'h', position: 8, data: { v: 'replayed' } })).toBe(false);
      expect(await get().get(c, 'h')).toBeNull();
      expect(await get().put(c, { id: 'h', position: 9, data: { v: 'new' } })).toBe(true);
      expect(await get().get(c, 'h')).toEqual({ id: 'h', position: 9, data: { v: 'new' } });
    });

    it('a delete of an id never seen returns false but still guards later older puts', async () => {
      const c = uniqueCollection();
      expect(await get().delete(c, 'ghost', 5)).toBe(false);
      expect(await get().put(c, { id: 'ghost', position: 4, data: {} })).toBe(false);
      expect(await get().put(c, { id: 'ghost', position: 6, data: {} })).toBe(true);
    });

    it('deleted documents are invisible to find and count', async () => {
      const c = uniqueCollection();
      await get().put(c, { id: 'a', position: 1, data: { village: 'v1' } });
      await get().put(c, { id: 'b', position: 2, data: { village: 'v1' } });
      await get().delete(c, 'a', 3);
      expect((await get().find(c, { where: { village: 'v1' } })).map((d) => d.id)).toEqual(['b']);
      expect(await get().count(c)).toBe(1);
      expect(await get().count(c, { village: 'v1' })).toBe(1);
    });
  });
}
