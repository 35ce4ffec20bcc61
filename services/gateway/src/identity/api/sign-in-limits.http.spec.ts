import { afterEach, describe, expect, it } from '@jest/globals';
import { bootIdentityApp, type IdentityApp } from '../testing/identity-app.fixture';

const PASSWORD = 'a-long-enough-passphrase';

async function userWithPassword(gw: IdentityApp, signInName: string): Promise<void> {
  const { oneTimePassword } = await gw.addUser({
    signInName,
    role: 'township-official',
    unitCode: '511923105000',
    villageCodes: [],
    reason: 'spec',
  });
  const res = await gw.post('/api/auth/password', { signInName, password: oneTimePassword, newPassword: PASSWORD });
  expect(res.status).toBe(204);
}

const signIn = (gw: IdentityApp, signInName: string, password: string) =>
  gw.post('/api/auth/sign-in', { signInName, password });

describe('failed sign-ins are limited per user and per address', () => {
  let gw: IdentityApp | undefined;
  afterEach(async () => {
    await gw?.dispose();
    gw = undefined;
  });

  it('after the user’s allowance, refuses even the right password with 429 and Retry-After', async () => {
    gw = await bootIdentityApp({ config: { signInLimits: { perUser: 3, perAddress: 100, windowSeconds: 900 } } });
    await userWithPassword(gw, 'town.target');
    // A name typed in other case is the same name, and counts against it.
    for (const name of ['Town.Target', ' town.target', 'town.target'])
      expect((await signIn(gw, name, `guess-for-${name}`)).status).toBe(401);
    const blocked = await signIn(gw, 'town.target', PASSWORD);
    expect(blocked).toMatchObject({ status: 429, body: { code: 'auth.too-many-attempts' } });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(890);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(blocked.body.retryAfterSeconds).toBe(retryAfter);
    // The own password change is limited the same way.
    const change = await gw.post('/api/auth/password', {
      signInName: 'town.target',
      password: PASSWORD,
      newPassword: 'another-passphrase',
    });
    expect(change.status).toBe(429);
  });

  it('counts failures per address across names; one user’s success does not reset the address', async () => {
    gw = await bootIdentityApp({ config: { signInLimits: { perUser: 10, perAddress: 4, windowSeconds: 900 } } });
    await userWithPassword(gw, 'town.one');
    await userWithPassword(gw, 'town.two');
    expect((await signIn(gw, 'town.one', 'wrong-password-1')).status).toBe(401);
    expect((await signIn(gw, 'town.nobody', 'wrong-password-2')).status).toBe(401);
    expect((await signIn(gw, 'town.two', PASSWORD)).status).toBe(200);
    expect((await signIn(gw, 'town.one', 'wrong-password-3')).status).toBe(401);
    expect((await signIn(gw, 'town.other', 'wrong-password-4')).status).toBe(401);
    expect(await signIn(gw, 'town.two', PASSWORD)).toMatchObject({
      status: 429,
      body: { code: 'auth.too-many-attempts' },
    });
  });
});
