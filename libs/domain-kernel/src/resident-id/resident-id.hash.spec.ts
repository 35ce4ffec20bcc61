import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { residentIdHash } from './resident-id.hash';

// Expected digests from OpenSSL, not from this code:
//   printf '11010519491231002X' | openssl dgst -sha256 -hmac 'relapse-watch-test-salt-0001'
const SALT = 'relapse-watch-test-salt-0001';

describe('residentIdHash', () => {
  it.each([
    ['11010519491231002X', '759692d6220398b9357d11b5e3732a63106d522171221049dda4b81757f09975'],
    ['11010519491231002x', '759692d6220398b9357d11b5e3732a63106d522171221049dda4b81757f09975'],
    ['510104199003070138', '779e683850ff0da54dc91a1ebf987d9f2e8c29c95a472bcc1552d43d3aaf9f40'],
  ])('of %s is the HMAC-SHA256 under the salt', (id, digest) => {
    expect(residentIdHash(id, SALT)).toBe(digest);
  });

  it('changes with the salt and never contains the number', () => {
    const other = residentIdHash('510104199003070138', 'another-deployment-salt');
    expect(other).not.toBe('779e683850ff0da54dc91a1ebf987d9f2e8c29c95a472bcc1552d43d3aaf9f40');
    expect(other).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['', 'short-salt'])('refuses a salt shorter than 16 characters (%j)', (salt) => {
    expect(() => residentIdHash('510104199003070138', salt)).toThrow(/at least 16/);
  });
});

describe('residentIdHash against createHmac', () => {
  const reference = (id: string, salt: string): string =>
    createHmac('sha256', salt).update(id.toUpperCase(), 'utf8').digest('hex');

  const randomId = (): string => {
    let id = '';
    for (let i = 0; i < 17; i++) id += String(randomInt(10));
    return id + '0123456789Xx'[randomInt(12)];
  };

  // Salts around SHA-256's 64-byte block, where HMAC switches from padding the key to hashing it.
  const salts: [string, string][] = [
    ['16 bytes (shortest accepted)', 'a'.repeat(16)],
    ['63 bytes', 'b'.repeat(63)],
    ['64 bytes (one block)', 'c'.repeat(64)],
    ['65 bytes', 'd'.repeat(65)],
    ['200 bytes', randomBytes(100).toString('hex')],
    ['multi-byte UTF-8, under a block (16 chars, 48 bytes)', '盐'.repeat(16)],
    ['multi-byte UTF-8, 21 chars = 63 bytes', '盐'.repeat(21)],
    ['multi-byte UTF-8, 22 chars = 66 bytes (over a block)', '盐'.repeat(22)],
    ['multi-byte UTF-8, exactly 64 bytes', `${'盐'.repeat(20)}abcd`],
    ['4-byte UTF-8 (emoji) and a lone surrogate', `😀😀😀😀😀😀😀😀\uD800salt-salt`],
    ['base64 secret', randomBytes(48).toString('base64')],
  ];

  it.each(salts)('is byte for byte createHmac for 1000 random IDs, salt of %s', (_, salt) => {
    for (let i = 0; i < 1000; i++) {
      const id = randomId();
      expect(residentIdHash(id, salt)).toBe(reference(id, salt));
    }
  });

  it('is createHmac when salts alternate (the cached padded keys follow the salt)', () => {
    for (let i = 0; i < 200; i++) {
      const [, salt] = salts[i % salts.length];
      const id = randomId();
      expect(residentIdHash(id, salt)).toBe(reference(id, salt));
    }
  });

  it.each([
    ['empty', ''],
    ['non-ASCII, upper-casing changes the length', 'straße-ﬁ-ǆ-户主'],
    ['a lone surrogate', 'x\uDC00y'],
    ['exactly 64 UTF-16 units', '9'.repeat(64)],
    ['longer than the reused buffer', '户'.repeat(65)],
    ['much longer', randomBytes(600).toString('base64')],
  ])('is createHmac for an unusual input (%s)', (_, id) => {
    const salt = 'relapse-watch-test-salt-0001';
    expect(residentIdHash(id, salt)).toBe(reference(id, salt));
    // and the next call, which reuses the same buffer, is unaffected by it
    expect(residentIdHash('510104199003070138', salt)).toBe(
      '779e683850ff0da54dc91a1ebf987d9f2e8c29c95a472bcc1552d43d3aaf9f40',
    );
  });

  it('checks the salt before anything else, whatever was cached', () => {
    residentIdHash('510104199003070138', 'relapse-watch-test-salt-0001');
    expect(() => residentIdHash('510104199003070138', 'fifteen-chars!!')).toThrow(RangeError);
  });
});
