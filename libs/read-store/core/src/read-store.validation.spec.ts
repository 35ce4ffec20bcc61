import { ReadStoreInputError } from './errors';
import { checkJsonData } from './json-data.validation';
import {
  checkBatch,
  checkCollection,
  checkFieldPath,
  checkFindQuery,
  checkIndexFields,
  checkKey,
} from './read-store.validation';

function rejection(fn: () => unknown): { code: string; field: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReadStoreInputError);
    const e = error as ReadStoreInputError;
    return { code: e.code, field: e.field };
  }
  throw new Error('expected a ReadStoreInputError');
}

class Household {
  constructor(readonly id: string) {}
}

describe('checkJsonData', () => {
  it('serialises plain JSON data unchanged, Chinese keys and text included', () => {
    const data = { 户主: '张三', members: [{ age: 42, disabled: false }], note: null, nested: Object.create(null) };
    expect(JSON.parse(checkJsonData(data, 'data'))).toEqual(data);
  });

  const cycle: Record<string, unknown> = {};
  cycle['self'] = { back: cycle };
  it.each([
    ['a function', { f: () => 1 }, 'data.not-json', 'data.f'],
    ['a bigint', { n: 10n }, 'data.not-json', 'data.n'],
    ['NaN', { list: [1, NaN] }, 'data.not-json', 'data.list[1]'],
    ['Infinity', { x: Infinity }, 'data.not-json', 'data.x'],
    ['undefined', { x: undefined }, 'data.not-json', 'data.x'],
    ['a symbol', { s: Symbol('s') }, 'data.not-json', 'data.s'],
    ['a cycle', cycle, 'data.not-json', 'data.self.back'],
    ['a Date', { at: new Date(0) }, 'data.not-json', 'data.at'],
    ['a Map', { m: new Map() }, 'data.not-json', 'data.m'],
    ['a class instance', { h: new Household('h1') }, 'data.not-json', 'data.h'],
    ['a lone surrogate', { s: 'a\uD800b' }, 'data.not-json', 'data.s'],
    ['a dotted key', { 'a.b': 1 }, 'data.key.invalid', 'data.a.b'],
    ['a $ key', { inner: { $set: 1 } }, 'data.key.invalid', 'data.inner.$set'],
  ])('rejects %s', (_what, data, code, field) => {
    expect(rejection(() => checkJsonData(data, 'data'))).toEqual({ code, field });
  });

  it('accepts a shared (non-cyclic) object referenced twice', () => {
    const shared = { code: '510101001001' };
    expect(JSON.parse(checkJsonData({ a: shared, b: shared }, 'data'))).toEqual({ a: shared, b: shared });
  });

  it('rejects data over the size limit', () => {
    expect(rejection(() => checkJsonData({ blob: '监'.repeat(3_000_000) }, 'data'))).toEqual({
      code: 'data.too-large',
      field: 'data',
    });
  });
});

describe('names, keys and paths', () => {
  it.each(['a', 'households-per-village', 'v2_summary', 'a'.repeat(63)])('accepts collection %s', (name) => {
    expect(checkCollection(name)).toBe(name);
  });
  it.each(['', 'A', '1a', '_a', 'a.b', 'a b', 'a'.repeat(64), '户', 7])('rejects collection %p', (name) => {
    expect(rejection(() => checkCollection(name))).toEqual({ code: 'collection.invalid', field: 'collection' });
  });
  it.each([
    ['', 'id.empty'],
    ['x'.repeat(201), 'id.too-long'],
    ['a\nb', 'id.invalid'],
    [42, 'id.empty'],
  ])('rejects id %p with %s', (id, code) => {
    expect(rejection(() => checkKey(id, 'id', 'id'))).toEqual({ code, field: 'id' });
  });
  it('accepts a 200-character id with Chinese text', () => {
    const id = '村'.repeat(200);
    expect(checkKey(id, 'id', 'id')).toBe(id);
  });
  it.each(['a.', '.a', 'a..b', '1a', 'a-b', '', 'a.1b', 'a[0]'])('rejects field path %p', (path) => {
    expect(rejection(() => checkFieldPath(path, 'f'))).toEqual({ code: 'field-path.invalid', field: 'f' });
  });
  it('rejects an empty, repeated or bad index field list', () => {
    expect(rejection(() => checkIndexFields([]))).toEqual({ code: 'index.fields.invalid', field: 'fields' });
    expect(rejection(() => checkIndexFields(['a', 'a']))).toEqual({ code: 'index.fields.invalid', field: 'fields' });
    expect(rejection(() => checkIndexFields(['a', 'b..c']))).toEqual({
      code: 'field-path.invalid',
      field: 'fields[1]',
    });
  });
});

describe('checkFindQuery', () => {
  it('fills in defaults', () => {
    expect(checkFindQuery(undefined)).toEqual({ where: {}, sort: [] });
  });
  it.each([
    [{ where: { 'a..b': 1 } }, 'field-path.invalid', 'where.a..b'],
    [{ where: { a: { $gt: 1 } } }, 'where.value.invalid', 'where.a'],
    [{ where: { a: [1] } }, 'where.value.invalid', 'where.a'],
    [{ where: { a: NaN } }, 'where.value.invalid', 'where.a'],
    [{ where: { a: undefined } }, 'where.value.invalid', 'where.a'],
    [{ where: 'a = 1' }, 'where.invalid', 'where'],
    [{ sort: { field: 'a' } }, 'sort.invalid', 'sort'],
    [{ sort: [{ field: 'a', direction: 'up' }] }, 'sort.direction.invalid', 'sort[0].direction'],
    [
      {
        sort: [
          { field: 'a', direction: 'asc' },
          { field: '', direction: 'asc' },
        ],
      },
      'field-path.invalid',
      'sort[1].field',
    ],
    [{ limit: 0 }, 'limit.invalid', 'limit'],
    [{ limit: 1.5 }, 'limit.invalid', 'limit'],
    [{ offset: -1 }, 'offset.invalid', 'offset'],
  ])('rejects %p', (query, code, field) => {
    expect(rejection(() => checkFindQuery(query))).toEqual({ code, field });
  });
});

describe('checkBatch', () => {
  const put = (id: unknown, position: unknown, data: unknown = { n: 1 }) => ({
    type: 'put',
    collection: 'c',
    doc: { id, position, data },
  });

  it('checks every part and serialises data', () => {
    const checked = checkBatch({
      operations: [put('a', 3), { type: 'delete', collection: 'c', id: 'b', position: 4 }],
      checkpoint: { name: 'p', position: 4 },
      processed: { consumer: 'k', messageIds: ['m1'] },
    });
    expect(checked.operations[0]).toMatchObject({ type: 'put', id: 'a', position: 3, dataJson: '{"n":1}' });
    expect(checked.checkpoint).toEqual({ name: 'p', position: 4 });
    expect(checked.processed).toEqual({ consumer: 'k', messageIds: ['m1'] });
  });

  it.each([
    [{ operations: [put('a', 1), put('b', -1)] }, 'position.invalid', 'operations[1].doc.position'],
    [{ operations: [put('a', 1), put('', 1)] }, 'id.empty', 'operations[1].doc.id'],
    [{ operations: [put('a', 1, { f: () => 1 })] }, 'data.not-json', 'operations[0].doc.data.f'],
    [{ operations: [{ type: 'upsert', collection: 'c' }] }, 'operation.type.invalid', 'operations[0].type'],
    [
      { operations: [{ type: 'delete', collection: 'C', id: 'a', position: 1 }] },
      'collection.invalid',
      'operations[0].collection',
    ],
    [
      { operations: [{ type: 'delete', collection: 'c', id: 'a', position: 1.5 }] },
      'position.invalid',
      'operations[0].position',
    ],
    [{ checkpoint: { name: '', position: 1 } }, 'checkpoint-name.empty', 'checkpoint.name'],
    [{ checkpoint: { name: 'p', position: Number.MAX_SAFE_INTEGER + 1 } }, 'position.invalid', 'checkpoint.position'],
    [{ processed: { consumer: 'k', messageIds: ['m', ''] } }, 'message-id.empty', 'processed.messageIds[1]'],
    [{ processed: { consumer: 'k', messageIds: 'm' } }, 'processed.invalid', 'processed.messageIds'],
    [{ operations: {} }, 'batch.invalid', 'operations'],
    [null, 'batch.invalid', 'batch'],
  ])('rejects %p', (batch, code, field) => {
    expect(rejection(() => checkBatch(batch))).toEqual({ code, field });
  });
});
