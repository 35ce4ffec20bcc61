import { randomBytes } from 'node:crypto';
import { MasterKeyring } from './master-keyring';

const b64 = () => randomBytes(32).toString('base64');

describe('MasterKeyring.parse', () => {
  it('takes the first entry as the current key', () => {
    expect(MasterKeyring.parse(`2026a:${b64()}, 2025:${b64()}`).currentId).toBe('2026a');
  });

  it.each([
    ['', 1],
    ['k1', 1],
    [`k1:${randomBytes(16).toString('base64')}`, 1],
    [`k1:${b64()},bad id:${b64()}`, 2],
    [`k1:${b64()}:extra`, 1],
  ])('refuses %j naming entry %i, never a key', (text, entry) => {
    let error: Error | undefined;
    try {
      MasterKeyring.parse(text);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toMatchObject({ code: 'personal-data.master-keys-config' });
    expect(error?.message).toContain(`entry ${entry}`);
    const secret = text.split(':')[1]?.split(',')[0];
    if (secret) expect(error?.message).not.toContain(secret);
  });

  it('refuses a repeated id', () => {
    expect(() => MasterKeyring.parse(`k1:${b64()},k1:${b64()}`)).toThrow(/repeated/);
  });
});

describe('wrap and unwrap', () => {
  const ring = MasterKeyring.parse(`k1:${b64()}`);
  const dataKey = MasterKeyring.newDataKey();

  it('gives the data key back for the same subject only', () => {
    const { masterKeyId, wrapped } = ring.wrap('hh-1', dataKey);
    expect(masterKeyId).toBe('k1');
    expect(wrapped).toHaveLength(60);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(ring.unwrap('hh-1', 'k1', wrapped).equals(dataKey)).toBe(true);
    expect(() => ring.unwrap('hh-2', 'k1', wrapped)).toThrow(
      expect.objectContaining({ code: 'personal-data.tampered' }),
    );
  });

  it('refuses altered bytes, a wrong length and an unknown master key', () => {
    const { wrapped } = ring.wrap('hh-1', dataKey);
    const altered = Buffer.from(wrapped);
    altered[20] = (altered[20] as number) ^ 0xff;
    expect(() => ring.unwrap('hh-1', 'k1', altered)).toThrow(
      expect.objectContaining({ code: 'personal-data.tampered' }),
    );
    expect(() => ring.unwrap('hh-1', 'k1', wrapped.subarray(1))).toThrow(
      expect.objectContaining({ code: 'personal-data.tampered' }),
    );
    expect(() => ring.unwrap('hh-1', 'k0', wrapped)).toThrow(
      expect.objectContaining({ code: 'personal-data.master-key-unknown' }),
    );
  });
});
