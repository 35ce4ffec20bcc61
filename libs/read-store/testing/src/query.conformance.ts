import { beforeAll, describe, expect, it } from '@jest/globals';
import type { FindQuery, ReadStore } from '@relapse-watch/read-store-core';
import { uniqueCollection } from './fixtures';

const households: Record<string, Record<string, unknown>> = {
  h1: { name: '张三', village: { code: 'v1', name: '东村' }, members: 4, income: 5200.5, monitored: true, tag: 'a' },
  h2: { name: '李四', village: { code: 'v2' }, members: 2, income: 8000, monitored: false, tag: '1' },
  h3: { name: 'Alpha', village: { code: 'v1' }, members: 10, income: -1, monitored: true, tag: 1 },
  h4: { name: 'beta', village: { code: 'v1' }, members: 3, income: 5200.5, monitored: 1, note: null },
  h5: { name: 'Zed', village: { code: 'v3' }, members: 2, income: 0, monitored: false, note: 'x' },
};

/** Queries whose answers the index cases compare before and after ensureIndex. */
const queries: [string, FindQuery, string[]][] = [
  ['equality on a nested field', { where: { 'village.code': 'v1' } }, ['h1', 'h3', 'h4']],
  ['two conditions; true does not match 1', { where: { 'village.code': 'v1', monitored: true } }, ['h1', 'h3']],
  ["the string '1' does not match the number 1", { where: { tag: '1' } }, ['h2']],
  ["the number 1 does not match the string '1'", { where: { tag: 1 } }, ['h3']],
  ['a fractional number', { where: { income: 5200.5 } }, ['h1', 'h4']],
  ['false', { where: { monitored: false } }, ['h2', 'h5']],
  ['null matches null and a missing field', { where: { note: null } }, ['h1', 'h2', 'h3', 'h4']],
  ['Chinese text', { where: { name: '张三' } }, ['h1']],
  ['no match', { where: { 'village.code': 'v9' } }, []],
  ['any of a list', { where: { 'village.code': { in: ['v2', 'v3', 'v9'] } } }, ['h2', 'h5']],
  ["any of a list, by JSON type: '1' does not match 1", { where: { tag: { in: ['1', 'a'] } } }, ['h1', 'h2']],
  ['any of a list and an equality', { where: { 'village.code': { in: ['v1', 'v3'] }, monitored: false } }, ['h5']],
  [
    'any of a list holding null matches a missing field',
    { where: { note: { in: [null, 'x'] } } },
    ['h1', 'h2', 'h3', 'h4', 'h5'],
  ],
  ['any of an empty list matches nothing', { where: { 'village.code': { in: [] } } }, []],
  ['no query: every document by id', {}, ['h1', 'h2', 'h3', 'h4', 'h5']],
  ['numbers ascending, ties by id', { sort: [{ field: 'members', direction: 'asc' }] }, ['h2', 'h5', 'h4', 'h1', 'h3']],
  [
    'numbers descending, ties still by id',
    { sort: [{ field: 'members', direction: 'desc' }] },
    ['h3', 'h1', 'h4', 'h2', 'h5'],
  ],
  [
    'negative and fractional numbers',
    { sort: [{ field: 'income', direction: 'asc' }] },
    ['h3', 'h5', 'h1', 'h4', 'h2'],
  ],
  ['strings by code point', { sort: [{ field: 'name', direction: 'asc' }] }, ['h3', 'h5', 'h4', 'h1', 'h2']],
  ['strings descending', { sort: [{ field: 'name', direction: 'desc' }] }, ['h2', 'h1', 'h4', 'h5', 'h3']],
  ['missing and null first ascending', { sort: [{ field: 'note', direction: 'asc' }] }, ['h1', 'h2', 'h3', 'h4', 'h5']],
  [
    'two sort keys',
    {
      sort: [
        { field: 'village.code', direction: 'asc' },
        { field: 'members', direction: 'desc' },
      ],
    },
    ['h3', 'h1', 'h4', 'h2', 'h5'],
  ],
  [
    'filter and sort',
    { where: { 'village.code': 'v1' }, sort: [{ field: 'members', direction: 'asc' }] },
    ['h4', 'h1', 'h3'],
  ],
  ['limit', { sort: [{ field: 'members', direction: 'asc' }], limit: 2 }, ['h2', 'h5']],
  ['limit and offset', { sort: [{ field: 'members', direction: 'asc' }], limit: 2, offset: 1 }, ['h5', 'h4']],
  ['offset alone', { sort: [{ field: 'members', direction: 'asc' }], offset: 3 }, ['h1', 'h3']],
  ['offset past the end', { offset: 5 }, []],
];

/** find/count/ensureIndex/collection cases of the read-store conformance suite. */
export function queryConformance(get: () => ReadStore): void {
  describe('find and count', () => {
    const c = uniqueCollection('households');
    beforeAll(async () => {
      for (const [i, [id, data]] of Object.entries(households).entries())
        await get().put(c, { id, position: i + 1, data });
    });

    it.each(queries)('find: %s', async (_what, query, expected) => {
      const found = await get().find(c, query);
      expect(found.map((d) => d.id)).toEqual(expected);
      for (const doc of found) expect(doc.data).toEqual(households[doc.id]);
    });

    it('count: all, filtered, none', async () => {
      expect(await get().count(c)).toBe(5);
      expect(await get().count(c, { 'village.code': 'v1' })).toBe(3);
      expect(await get().count(c, { 'village.code': 'v1', monitored: true })).toBe(2);
      expect(await get().count(c, { 'village.code': 'v9' })).toBe(0);
      expect(await get().count(c, { 'village.code': { in: ['v1', 'v2'] } })).toBe(4);
      expect(await get().count(c, { 'village.code': { in: [] } })).toBe(0);
    });
  });

  describe('ensureIndex', () => {
    it('changes no result, and can be called again', async () => {
      const c = uniqueCollection('indexed');
      for (const [i, [id, data]] of Object.entries(households).entries())
        await get().put(c, { id, position: i + 1, data });
      const before = await Promise.all(queries.map(([, query]) => get().find(c, query)));
      await get().ensureIndex(c, ['village.code']);
      await get().ensureIndex(c, ['members', 'name']);
      await get().ensureIndex(c, ['village.code']);
      const after = await Promise.all(queries.map(([, query]) => get().find(c, query)));
      expect(after).toEqual(before);
      expect(after.map((docs) => docs.map((d) => d.id))).toEqual(queries.map(([, , ids]) => ids));
      expect(await get().count(c, { 'village.code': 'v1' })).toBe(3);
    });

    it('works on a collection with no documents yet', async () => {
      const c = uniqueCollection('empty');
      await get().ensureIndex(c, ['village.code']);
      expect(await get().count(c)).toBe(0);
      await get().put(c, { id: 'a', position: 1, data: { village: { code: 'v1' } } });
      expect((await get().find(c, { where: { 'village.code': 'v1' } })).map((d) => d.id)).toEqual(['a']);
    });
  });

  describe('collections', () => {
    it('are isolated: the same id in two collections holds two documents', async () => {
      const [a, b] = [uniqueCollection('a'), uniqueCollection('b')];
      await get().put(a, { id: 'same', position: 1, data: { in: 'a' } });
      await get().put(b, { id: 'same', position: 1, data: { in: 'b' } });
      expect(await get().get(a, 'same')).toEqual({ id: 'same', position: 1, data: { in: 'a' } });
      expect((await get().find(b)).map((d) => d.data)).toEqual([{ in: 'b' }]);
      expect(await get().count(a, { in: 'b' })).toBe(0);
    });

    it('dropCollection removes documents and tombstones of that collection only', async () => {
      const [dropped, kept] = [uniqueCollection('dropped'), uniqueCollection('kept')];
      await get().put(dropped, { id: 'h1', position: 10, data: { v: 1 } });
      await get().delete(dropped, 'h2', 10);
      await get().ensureIndex(dropped, ['v']);
      await get().put(kept, { id: 'h1', position: 10, data: { v: 2 } });
      await get().dropCollection(dropped);
      expect(await get().get(dropped, 'h1')).toBeNull();
      expect(await get().find(dropped)).toEqual([]);
      expect(await get().count(dropped)).toBe(0);
      expect(await get().get(kept, 'h1')).toEqual({ id: 'h1', position: 10, data: { v: 2 } });
      // The positions went with the documents: a rebuild writes from position 1 again.
      expect(await get().put(dropped, { id: 'h1', position: 1, data: { v: 3 } })).toBe(true);
      expect(await get().put(dropped, { id: 'h2', position: 1, data: { v: 4 } })).toBe(true);
      expect(await get().count(dropped, { v: 3 })).toBe(1);
      await get().dropCollection(uniqueCollection('never-created'));
    });
  });
}
