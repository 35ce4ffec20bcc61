import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { v5 as uuidv5 } from 'uuid';
import { idempotentEventId, uuidV5 } from './event-ids';

describe('idempotentEventId', () => {
  it('is the UUIDv5 of stream, key and index in the fixed namespace (ids of earlier releases unchanged)', () => {
    const cases: [string, string, number][] = [
      ['registry-household-3abd352b-3aa3-5646-9079-08376246f587', 'sheet-import/3abd352b/register', 0],
      ['registry-person-ab12', 'sheet-import/x/member/y/户主张三', 3],
      ['s', '', 12345],
    ];
    for (const [stream, key, index] of cases) {
      expect(idempotentEventId(stream, key, index)).toBe(
        uuidv5(`${stream}\n${key}\n${index}`, '6f1d3a52-2b0e-4f4e-9a7c-2d0b1a7c9e11'),
      );
    }
  });
});

describe('uuidV5', () => {
  const NAMESPACES = [
    uuidv5.DNS,
    uuidv5.URL,
    '6f1d3a52-2b0e-4f4e-9a7c-2d0b1a7c9e11',
    '0c4f6b1e-5d3a-4e8b-a0f2-7b9c1d2e3f40',
    '9a8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
    'B6F3C0DE-51A4-4C8E-9D2F-3E7A1C5B9F20', // upper case: parsed the same, a separate cache entry
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    randomUUID(),
  ];
  const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/\n ';
  const CHINESE = '户主张三李四王五赵六村组镇县省市区街道号楼室配偶子女父母';
  const randomName = (alphabet: string, maxLength: number): string => {
    let name = '';
    for (let i = randomInt(maxLength + 1); i > 0; i--) name += alphabet[randomInt(alphabet.length)];
    return name;
  };

  it.each(NAMESPACES)('is uuid.v5 for random ASCII and Chinese names in namespace %s', (namespace) => {
    for (let i = 0; i < 500; i++) {
      for (const name of [randomName(ASCII, 120), randomName(CHINESE, 60), randomName(ASCII + CHINESE, 200)]) {
        expect(uuidV5(name, namespace)).toBe(uuidv5(name, namespace));
      }
    }
  });

  it('is uuid.v5 when namespaces alternate call by call', () => {
    for (let i = 0; i < 2000; i++) {
      const namespace = NAMESPACES[i % NAMESPACES.length];
      const name = randomName(ASCII + CHINESE, 80);
      expect(uuidV5(name, namespace)).toBe(uuidv5(name, namespace));
    }
  });

  it.each([
    ['empty', ''],
    ['astral characters', '𠀀𠮷😀 家庭'],
    ['exactly 512 UTF-16 units', '户'.repeat(512)],
    ['longer than the reused buffer', '户'.repeat(513)],
    ['much longer', 'x'.repeat(10_000)],
  ])('is uuid.v5 for an unusual name (%s)', (_, name) => {
    for (const namespace of NAMESPACES) expect(uuidV5(name, namespace)).toBe(uuidv5(name, namespace));
  });

  it('is uuid.v5 for more namespaces than it caches', () => {
    for (let i = 0; i < 300; i++) {
      const namespace = randomUUID();
      expect(uuidV5('name', namespace)).toBe(uuidv5('name', namespace));
    }
    expect(uuidV5('name', NAMESPACES[2])).toBe(uuidv5('name', NAMESPACES[2]));
  });

  it.each([
    '',
    'not-a-uuid',
    '6f1d3a52-2b0e-4f4e-9a7c-2d0b1a7c9e1',
    '6f1d3a522b0e4f4e9a7c2d0b1a7c9e11',
    '6f1d3a52-2b0e-0f4e-9a7c-2d0b1a7c9e11',
  ])('refuses the namespace %j as uuid.v5 does', (namespace) => {
    expect(() => uuidv5('name', namespace)).toThrow(TypeError);
    expect(() => uuidV5('name', namespace)).toThrow(new TypeError('Invalid UUID'));
  });

  it.each(['\uD800', 'a\uDC00b', `户${'\uDBFF'}`])(
    'refuses a name with a lone surrogate (%j) as uuid.v5 does, before the namespace',
    (name) => {
      expect(() => uuidv5(name, NAMESPACES[0])).toThrow(new URIError('URI malformed'));
      expect(() => uuidV5(name, NAMESPACES[0])).toThrow(new URIError('URI malformed'));
      expect(() => uuidV5(name, 'not-a-uuid')).toThrow(URIError);
      expect(() => uuidv5(name, 'not-a-uuid')).toThrow(URIError);
    },
  );
});
