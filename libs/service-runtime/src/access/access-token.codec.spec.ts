import { describe, expect, it } from '@jest/globals';
import { createPublicKey } from 'node:crypto';
import { TEST_ACCESS_TOKEN_ENV, testAccessToken } from '@relapse-watch/testing';
import { AccessTokenVerifier, Unauthenticated } from './access-token.codec';

// The verifier remembers a token that held, by its exact text, until it expires: these cases
// hold it to checking expiry on every use and to never remembering a token that failed.
const signing = JSON.parse(TEST_ACCESS_TOKEN_ENV['ACCESS_TOKEN_SIGNING_KEY'] as string) as { x: string };
const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: signing.x }, format: 'jwk' });
const county = { sub: 'u-1', kind: 'user', role: 'county-official', unit: '511321000000' } as const;

/** A verifier whose clock the case moves. */
function verifierAt(start: Date): { verifier: AccessTokenVerifier; setNow: (at: Date) => void } {
  let now = start;
  return { verifier: new AccessTokenVerifier(publicKey, () => now), setNow: (at) => void (now = at) };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof Unauthenticated) return error.body.code;
    throw error;
  }
  throw new Error('expected a 401');
}

describe('AccessTokenVerifier', () => {
  it('answers the same token again with the same principal, until the second it expires', async () => {
    const token = await testAccessToken(county, 60);
    const issued = Date.now();
    const { verifier, setNow } = verifierAt(new Date(issued));
    const first = await verifier.verify(token);
    expect(first.principal).toMatchObject({ kind: 'user', id: 'u-1', role: 'county-official' });
    expect(await verifier.verify(token)).toEqual(first);
    setNow(new Date(first.expiresAt.getTime() - 1_000));
    expect((await verifier.verify(token)).jti).toBe(first.jti);
    setNow(first.expiresAt);
    expect(await refusal(verifier.verify(token))).toBe('auth.token-expired');
    expect(await refusal(verifier.verify(token))).toBe('auth.token-expired');
  });

  it('refuses a token signed by another key or altered every time it comes, and still accepts a good one', async () => {
    const { verifier } = verifierAt(new Date());
    const token = await testAccessToken(county, 60);
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await refusal(verifier.verify(altered))).toBe('auth.token-invalid');
    expect(await refusal(verifier.verify(altered))).toBe('auth.token-invalid');
    expect((await verifier.verify(token)).principal.id).toBe('u-1');
    expect(await refusal(verifier.verify(altered))).toBe('auth.token-invalid');
  });

  it('refuses a token already expired at its first use', async () => {
    const { verifier } = verifierAt(new Date());
    expect(await refusal(verifier.verify(await testAccessToken(county, -10)))).toBe('auth.token-expired');
  });
});
