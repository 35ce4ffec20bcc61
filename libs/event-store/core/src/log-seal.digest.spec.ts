import { createHash, createHmac } from 'node:crypto';
import { LogSealDigest, parseLogSealKeys, sealSignatureHolds, signLogSeal, type LogSealKey } from './log-seal.digest';

const key: LogSealKey = { keyId: 'k1', secret: Buffer.alloc(32, 7) };
const other: LogSealKey = { keyId: 'k1', secret: Buffer.alloc(32, 8) };
const h = (n: number) => n.toString(16).padStart(64, '0');

function sealOf(prevDigest: string | null, from: number, events: [number, string][]) {
  const digest = new LogSealDigest(prevDigest, from);
  for (const [position, hash] of events) digest.add(position, hash);
  return signLogSeal(digest, key, '2024-08-30T12:00:00.000Z');
}

describe('LogSealDigest and signLogSeal', () => {
  it('digests the previous digest and each event as <position>:<hash>, and signs the canonical fields', () => {
    const seal = sealOf('ab'.repeat(32), 10, [
      [11, h(1)],
      [13, h(2)],
    ]);
    const digest = createHash('sha256')
      .update(`${'ab'.repeat(32)}\n11:${h(1)}\n13:${h(2)}\n`)
      .digest('hex');
    expect(seal).toEqual({
      fromPosition: 10,
      toPosition: 13,
      eventCount: 2,
      digest,
      prevDigest: 'ab'.repeat(32),
      keyId: 'k1',
      signature: createHmac('sha256', key.secret)
        .update(['relapse-watch.log-seal.v1', 10, 13, 2, digest, 'ab'.repeat(32), 'k1'].join('\n'))
        .digest('hex'),
      sealedAt: '2024-08-30T12:00:00.000Z',
    });
  });

  it('changes the digest when an event moves to another position, or the chain to another previous seal', () => {
    const base = sealOf(null, 0, [
      [1, h(1)],
      [2, h(2)],
    ]);
    expect(
      sealOf(null, 0, [
        [1, h(2)],
        [2, h(1)],
      ]).digest,
    ).not.toBe(base.digest);
    expect(
      sealOf(h(9), 0, [
        [1, h(1)],
        [2, h(2)],
      ]).digest,
    ).not.toBe(base.digest);
  });

  it('holds only for the signing key and the unchanged fields', () => {
    const seal = sealOf(null, 0, [[1, h(1)]]);
    expect(sealSignatureHolds(seal, key)).toBe(true);
    expect(sealSignatureHolds(seal, other)).toBe(false);
    expect(sealSignatureHolds({ ...seal, toPosition: 2 }, key)).toBe(false);
    expect(sealSignatureHolds({ ...seal, eventCount: 2 }, key)).toBe(false);
    expect(sealSignatureHolds({ ...seal, signature: 'not hex' }, key)).toBe(false);
    // sealedAt is informative only.
    expect(sealSignatureHolds({ ...seal, sealedAt: '2025-01-01T00:00:00.000Z' }, key)).toBe(true);
  });

  it('keeps a digest readable while more events are added', () => {
    const digest = new LogSealDigest(null, 0);
    digest.add(1, h(1));
    const first = digest.digest();
    digest.add(2, h(2));
    expect(digest.digest()).not.toBe(first);
    expect(digest.eventCount).toBe(2);
    expect(digest.lastPosition).toBe(2);
  });
});

describe('parseLogSealKeys', () => {
  const b64 = Buffer.alloc(32, 1).toString('base64');

  it('reads the current key first and keeps older ones for verification', () => {
    const ring = parseLogSealKeys(`new:${b64}, old:${Buffer.alloc(16, 2).toString('base64')}`);
    expect(ring.current.keyId).toBe('new');
    expect([...ring.byId.keys()]).toEqual(['new', 'old']);
    expect(ring.byId.get('old')?.secret).toEqual(Buffer.alloc(16, 2));
  });

  it.each([
    ['no id', `:${b64}`, /entry 1 must be <id>:<base64>/],
    ['no colon', b64, /entry 1 must be <id>:<base64>/],
    ['a bad id', `a b:${b64}`, /entry 1 must be <id>:<base64>/],
    ['a short secret', `k:${Buffer.alloc(8).toString('base64')}`, /at least 16 bytes/],
    ['not base64', `k:${'*'.repeat(30)}`, /at least 16 bytes/],
    ['a repeated id', `k:${b64},k:${b64}`, /entry 2 repeats key id k/],
  ])('refuses %s without showing the secret', (_, text, message) => {
    expect(() => parseLogSealKeys(text)).toThrow(message);
    try {
      parseLogSealKeys(text);
    } catch (error) {
      expect((error as Error).message).not.toContain(b64);
    }
  });
});
