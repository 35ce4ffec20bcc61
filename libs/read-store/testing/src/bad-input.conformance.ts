import { describe, expect, it } from '@jest/globals';
import {
  MAX_GET_MANY_IDS,
  MAX_IN_VALUES,
  type FindQuery,
  type ReadDocument,
  type ReadStore,
  type WhereFilter,
} from '@relapse-watch/read-store-core';
import { expectInputError, uniqueCollection } from './fixtures';

class Household {
  constructor(readonly id: string) {}
}

const cycle: Record<string, unknown> = { name: '张三' };
cycle['self'] = cycle;

/** Bad-input cases of the read-store conformance suite: every one with its code and field. */
export function badInputConformance(get: () => ReadStore): void {
  describe('bad input', () => {
    it.each([
      ['', 'collection.invalid', 'collection'],
      ['Households', 'collection.invalid', 'collection'],
      ['1households', 'collection.invalid', 'collection'],
      ['a'.repeat(64), 'collection.invalid', 'collection'],
      ['house holds', 'collection.invalid', 'collection'],
      ['a.b', 'collection.invalid', 'collection'],
    ])('collection %p is rejected by every method', async (collection, code, field) => {
      const doc = { id: 'a', position: 1, data: {} };
      await expectInputError(get().get(collection, 'a'), code, field);
      await expectInputError(get().getMany(collection, ['a']), code, field);
      await expectInputError(get().put(collection, doc), code, field);
      await expectInputError(get().delete(collection, 'a', 1), code, field);
      await expectInputError(get().find(collection), code, field);
      await expectInputError(get().count(collection), code, field);
      await expectInputError(get().ensureIndex(collection, ['a']), code, field);
      await expectInputError(get().dropCollection(collection), code, field);
    });

    it.each<[string, unknown, string, string]>([
      ['an empty id', { id: '', position: 1, data: {} }, 'id.empty', 'doc.id'],
      ['an id over 200 characters', { id: 'x'.repeat(201), position: 1, data: {} }, 'id.too-long', 'doc.id'],
      ['a numeric id', { id: 7, position: 1, data: {} }, 'id.empty', 'doc.id'],
      ['a negative position', { id: 'a', position: -1, data: {} }, 'position.invalid', 'doc.position'],
      ['a fractional position', { id: 'a', position: 1.5, data: {} }, 'position.invalid', 'doc.position'],
      ['a NaN position', { id: 'a', position: NaN, data: {} }, 'position.invalid', 'doc.position'],
      ['a string position', { id: 'a', position: '3', data: {} }, 'position.invalid', 'doc.position'],
      [
        'an unsafe position',
        { id: 'a', position: Number.MAX_SAFE_INTEGER + 1, data: {} },
        'position.invalid',
        'doc.position',
      ],
      ['a function in data', { id: 'a', position: 1, data: { f: () => 1 } }, 'data.not-json', 'doc.data.f'],
      ['a bigint in data', { id: 'a', position: 1, data: { n: 10n } }, 'data.not-json', 'doc.data.n'],
      ['NaN in data', { id: 'a', position: 1, data: { members: [1, NaN] } }, 'data.not-json', 'doc.data.members[1]'],
      ['a cycle in data', { id: 'a', position: 1, data: cycle }, 'data.not-json', 'doc.data.self'],
      [
        'a class instance in data',
        { id: 'a', position: 1, data: { h: new Household('h1') } },
        'data.not-json',
        'doc.data.h',
      ],
      ['a Date in data', { id: 'a', position: 1, data: { at: new Date(0) } }, 'data.not-json', 'doc.data.at'],
      ['undefined in data', { id: 'a', position: 1, data: { x: undefined } }, 'data.not-json', 'doc.data.x'],
      ['a dotted key in data', { id: 'a', position: 1, data: { 'a.b': 1 } }, 'data.key.invalid', 'doc.data.a.b'],
      ['no data', { id: 'a', position: 1 }, 'data.not-json', 'doc.data'],
    ])('put with %s is rejected and writes nothing', async (_what, doc, code, field) => {
      const c = uniqueCollection();
      await expectInputError(get().put(c, doc as ReadDocument), code, field);
      expect(await get().count(c)).toBe(0);
      expect(await get().get(c, 'a')).toBeNull();
    });

    it('getMany checks its ids: an array of at most MAX_GET_MANY_IDS valid ids', async () => {
      const c = uniqueCollection();
      await expectInputError(get().getMany(c, 'a' as unknown as string[]), 'ids.invalid', 'ids');
      await expectInputError(get().getMany(c, ['a', '']), 'id.empty', 'ids[1]');
      await expectInputError(get().getMany(c, ['a', 7 as unknown as string]), 'id.empty', 'ids[1]');
      await expectInputError(get().getMany(c, ['x'.repeat(201)]), 'id.too-long', 'ids[0]');
      await expectInputError(get().getMany(c, ['a', 'b\u0000']), 'id.invalid', 'ids[1]');
      await expectInputError(
        get().getMany(
          c,
          Array.from({ length: MAX_GET_MANY_IDS + 1 }, (_, i) => `h${i}`),
        ),
        'ids.invalid',
        'ids',
      );
    });

    it('get and delete check id and position', async () => {
      const c = uniqueCollection();
      await expectInputError(get().get(c, ''), 'id.empty', 'id');
      await expectInputError(get().get(c, 'x'.repeat(201)), 'id.too-long', 'id');
      await expectInputError(get().delete(c, '', 1), 'id.empty', 'id');
      await expectInputError(get().delete(c, 'a', -1), 'position.invalid', 'position');
      await expectInputError(get().delete(c, 'a', 0.5), 'position.invalid', 'position');
    });

    it.each<[string, unknown, string, string]>([
      ['a bad field path in where', { where: { 'village..code': 'v1' } }, 'field-path.invalid', 'where.village..code'],
      ['an operator object in where', { where: { members: { $gt: 2 } } }, 'where.value.invalid', 'where.members'],
      ['an array in where', { where: { risks: ['因病'] } }, 'where.value.invalid', 'where.risks'],
      ['NaN in where', { where: { members: NaN } }, 'where.value.invalid', 'where.members'],
      ['a bad sort field', { sort: [{ field: '1st', direction: 'asc' }] }, 'field-path.invalid', 'sort[0].field'],
      [
        'a bad sort direction',
        { sort: [{ field: 'members', direction: 'up' }] },
        'sort.direction.invalid',
        'sort[0].direction',
      ],
      ['a zero limit', { limit: 0 }, 'limit.invalid', 'limit'],
      ['a fractional limit', { limit: 2.5 }, 'limit.invalid', 'limit'],
      ['a negative offset', { offset: -1 }, 'offset.invalid', 'offset'],
    ])('find with %s is rejected', async (_what, query, code, field) => {
      await expectInputError(get().find(uniqueCollection(), query as FindQuery), code, field);
    });

    it('count checks its filter', async () => {
      await expectInputError(get().count(uniqueCollection(), { 'a-b': 1 }), 'field-path.invalid', 'where.a-b');
      await expectInputError(
        get().count(uniqueCollection(), { a: {} } as unknown as WhereFilter),
        'where.value.invalid',
        'where.a',
      );
      const anyOf = (value: unknown) => ({ a: value }) as unknown as WhereFilter;
      await expectInputError(get().count(uniqueCollection(), anyOf({ in: 'v1' })), 'where.value.invalid', 'where.a.in');
      await expectInputError(get().count(uniqueCollection(), anyOf({ in: [{}] })), 'where.value.invalid', 'where.a.in');
      const tooMany = anyOf({ in: Array.from({ length: MAX_IN_VALUES + 1 }, (_, i) => i) });
      await expectInputError(get().count(uniqueCollection(), tooMany), 'where.value.invalid', 'where.a.in');
      await expectInputError(
        get().count(uniqueCollection(), anyOf({ in: [], and: 1 })),
        'where.value.invalid',
        'where.a',
      );
    });

    it('ensureIndex checks its fields', async () => {
      await expectInputError(get().ensureIndex(uniqueCollection(), []), 'index.fields.invalid', 'fields');
      await expectInputError(
        get().ensureIndex(uniqueCollection(), ['members', 'village..code']),
        'field-path.invalid',
        'fields[1]',
      );
    });

    it('checkpoint and processed-id methods check names', async () => {
      await expectInputError(get().loadCheckpoint(''), 'checkpoint-name.empty', 'name');
      await expectInputError(get().resetCheckpoint('x'.repeat(201)), 'checkpoint-name.too-long', 'name');
      await expectInputError(get().hasProcessed('', 'm'), 'consumer.empty', 'consumer');
      await expectInputError(get().hasProcessed('c', ''), 'message-id.empty', 'messageId');
    });
  });
}
