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
