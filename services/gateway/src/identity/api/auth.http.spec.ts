import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootIdentityApp, type IdentityApp } from '../testing/identity-app.fixture';

const PASSWORD = 'a-long-enough-passphrase';
const county = (signInName: string) => ({
  signInName,
  role: 'county-official' as const,
  unitCode: '511923000000',
  villageCodes: [],
  reason: '测试 / spec',
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('sign-in over HTTP', () => {
  let gw: IdentityApp;
  beforeAll(async () => {
    gw = await bootIdentityApp();
  });
  afterAll(() => gw.dispose());

  /** A user who has changed their one-time password, signed in. */
  async function signedIn(signInName: string, user = county(signInName)) {
    const { oneTimePassword } = await gw.addUser(user);
    const changed = await gw.post('/api/auth/password', {
      signInName,
      password: oneTimePassword,
      newPassword: PASSWORD,
    });
    expect(changed.status).toBe(204);
    const res = await gw.post('/api/auth/sign-in', { signInName, password: PASSWORD });
    expect(res.status).toBe(200);
    return res.body as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
  }

  it('asks for a password change with a one-time password, refuses a weak one, then signs in', async () => {
    const { oneTimePassword } = await gw.addUser(county('county.first'));
    const first = await gw.post('/api/auth/sign-in', { signInName: 'county.first', password: oneTimePassword });
    expect(first).toMatchObject({ status: 403, body: { code: 'auth.password-change-required' } });
    expect(first.body).not.toHaveProperty('access_token');

    const weak = await gw.post('/api/auth/password', {
      signInName: 'county.first',
      password: oneTimePassword,
      newPassword: 'county.first-2026',
    });
    expect(weak).toMatchObject({ status: 422, body: { code: 'password.contains-sign-in-name', field: 'newPassword' } });
    const short = await gw.post('/api/auth/password', {
      signInName: 'county.first',
      password: oneTimePassword,
      newPassword: 'short',
    });
    expect(short).toMatchObject({ status: 422, body: { code: 'password.too-short' } });

    const changed = await gw.post('/api/auth/password', {
      signInName: 'county.first',
      password: oneTimePassword,
      newPassword: PASSWORD,
    });
    expect(changed.status).toBe(204);
    const res = await gw.post('/api/auth/sign-in', { signInName: 'county.first', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const claims = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ kind: 'user', role: 'county-official', unit: '511923000000' });
    expect(claims.exp - claims.iat).toBe(300);
    // The one-time password no longer works.
    expect((await gw.post('/api/auth/sign-in', { signInName: 'county.first', password: oneTimePassword })).status).toBe(
      401,
    );
  });

  it('refuses a wrong password and an unknown name alike, and a disabled user only after the right password', async () => {
    await signedIn('county.second');
    const wrong = await gw.post('/api/auth/sign-in', { signInName: 'county.second', password: 'not-the-password' });
    const unknown = await gw.post('/api/auth/sign-in', { signInName: 'nobody.here', password: PASSWORD });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'auth.invalid-credentials' } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const tokens = await signedIn('county.refresh');
    const next = await gw.post('/api/auth/refresh', { refreshToken: tokens.refresh_token });
    expect(next.status).toBe(200);
    expect(next.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.body.access_token).not.toBe(tokens.access_token);

    const reused = await gw.post('/api/auth/refresh', { refreshToken: tokens.refresh_token });
    expect(reused).toMatchObject({ status: 401, body: { code: 'auth.refresh-token-reused' } });
    const afterTheft = await gw.post('/api/auth/refresh', { refreshToken: next.body.refresh_token });
    expect(afterTheft).toMatchObject({ status: 401, body: { code: 'auth.refresh-token-invalid' } });
    const garbage = await gw.post('/api/auth/refresh', { refreshToken: 'not-a-token' });
    expect(garbage).toMatchObject({ status: 401, body: { code: 'auth.refresh-token-invalid', field: 'refreshToken' } });
  });

  it('signs out: the refresh token and the access token stop working', async () => {
    const admin = await signedIn('admin.signout', {
      ...county('admin.signout'),
      role: 'administrator' as never,
      unitCode: '510000000000',
    });
    expect((await gw.get('/api/auth/users', bearer(admin.access_token))).status).toBe(200);
    const out = await gw.post('/api/auth/sign-out', { refreshToken: admin.refresh_token }, bearer(admin.access_token));
    expect(out.status).toBe(204);
    expect(await gw.get('/api/auth/users', bearer(admin.access_token))).toMatchObject({
      status: 401,
      body: { code: 'auth.token-revoked' },
    });
    expect(await gw.post('/api/auth/refresh', { refreshToken: admin.refresh_token })).toMatchObject({
      status: 401,
      body: { code: 'auth.refresh-token-invalid' },
    });
  });

  it('lets an administrator manage users; a disabled user can neither sign in nor refresh', async () => {
    const admin = await signedIn('admin.users', {
      ...county('admin.users'),
      role: 'administrator' as never,
      unitCode: '510000000000',
    });
    const auth = bearer(admin.access_token);
    const added = await gw.post(
      '/api/auth/users',
      {
        signInName: 'inspector.pinghe',
        role: 'village-inspector',
        unitCode: '511923105000',
        villageCodes: ['511923105201'],
        reason: '新任 / new',
      },
      auth,
    );
    expect(added).toMatchObject({
      status: 201,
      body: {
        user: {
          signInName: 'inspector.pinghe',
          mustChangePassword: true,
          disabled: false,
          villageCodes: ['511923105201'],
        },
      },
    });
    expect(added.body.oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(added.body.user).not.toHaveProperty('passwordHash');
    const userId = added.body.user.userId as string;

    const twice = await gw.post('/api/auth/users', { ...county('inspector.pinghe'), reason: 'again' }, auth);
    expect(twice).toMatchObject({ status: 409, body: { code: 'user.sign-in-name-taken', field: 'signInName' } });
    const outside = await gw.put(
      `/api/auth/users/${userId}/villages`,
      { villageCodes: ['511923106201'], reason: '调整 / move' },
      auth,
    );
    expect(outside).toMatchObject({
      status: 422,
      body: { code: 'user.village-outside-unit', field: 'villageCodes.0' },
    });
    const assigned = await gw.put(
      `/api/auth/users/${userId}/villages`,
      { villageCodes: ['511923105202', '511923105201'], reason: '调整 / move' },
      auth,
    );
    expect(assigned).toMatchObject({ status: 200, body: { villageCodes: ['511923105201', '511923105202'] } });

    const reset = await gw.post(`/api/auth/users/${userId}/password-reset`, { reason: '忘记密码 / forgotten' }, auth);
    expect(reset.status).toBe(200);
    expect(reset.body.oneTimePassword).not.toBe(added.body.oneTimePassword);
    expect(
      (await gw.post('/api/auth/sign-in', { signInName: 'inspector.pinghe', password: reset.body.oneTimePassword }))
        .body,
    ).toMatchObject({
      code: 'auth.password-change-required',
    });

    const list = await gw.get('/api/auth/users', auth);
    expect(list.body.map((u: { signInName: string }) => u.signInName)).toEqual(
      expect.arrayContaining(['admin.users', 'inspector.pinghe']),
    );
    // A page of one, in the order of addition, with the total in a header.
    const total = Number(list.headers.get('x-total-count'));
    expect(total).toBe(list.body.length);
    const at = list.body.findIndex((u: { signInName: string }) => u.signInName === 'inspector.pinghe');
    const page = await gw.get(`/api/auth/users?limit=1&offset=${at}`, auth);
    expect(page.body.map((u: { signInName: string }) => u.signInName)).toEqual(['inspector.pinghe']);
    expect(page.headers.get('x-total-count')).toBe(String(total));
    expect(await gw.get('/api/auth/users?limit=0&offset=-1', auth)).toMatchObject({
      status: 400,
      body: { code: 'validation.failed' },
    });

    const victim = await signedIn('county.disabled');
    const all = (await gw.get('/api/auth/users', auth)).body as { userId: string; signInName: string }[];
    const disabledId = all.find((u) => u.signInName === 'county.disabled')!.userId;
    const disabled = await gw.post(`/api/auth/users/${disabledId}/disable`, { reason: '离职 / left' }, auth);
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect(await gw.post('/api/auth/sign-in', { signInName: 'county.disabled', password: PASSWORD })).toMatchObject({
      status: 403,
      body: { code: 'auth.user-disabled' },
    });
    expect(await gw.post('/api/auth/refresh', { refreshToken: victim.refresh_token })).toMatchObject({
      status: 401,
      body: { code: 'auth.refresh-token-invalid' },
    });
    const unknownUser = await gw.post(
      '/api/auth/users/0190a6b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b/disable',
      { reason: 'x' },
      auth,
    );
    expect(unknownUser).toMatchObject({ status: 404, body: { code: 'user.not-found' } });
  });

  it('refuses the users routes without a token (401) and to a role without users.manage (403)', async () => {
    expect(await gw.get('/api/auth/users')).toMatchObject({ status: 401, body: { code: 'auth.token-missing' } });
    const official = await signedIn('county.nosy');
    expect(await gw.get('/api/auth/users', bearer(official.access_token))).toMatchObject({
      status: 403,
      body: { code: 'access.permission-denied' },
    });
    expect(
      (await gw.post('/api/auth/users', { ...county('county.sneaky') }, bearer(official.access_token))).status,
    ).toBe(403);
  });

  it('documents every auth route in OpenAPI, the users routes with the bearer scheme', async () => {
    const doc = (await gw.get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/auth/refresh',
        '/api/auth/sign-out',
        '/api/auth/password',
        '/api/auth/token',
        '/api/auth/users',
        '/api/auth/users/{userId}/disable',
        '/api/auth/users/{userId}/password-reset',
        '/api/auth/users/{userId}/villages',
        '/api/auth/clients',
      ]),
    );
    expect(doc.paths['/api/auth/users'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/auth/sign-in'].post.security).toBeUndefined();
  });

  it('never writes a password, a one-time password or a token into the log', async () => {
    const tokens = await signedIn('county.logs');
    await gw.post('/api/auth/sign-in', { signInName: 'county.logs', password: 'wrong-password-here' });
    const { oneTimePassword } = await gw.addUser(county('county.logs2'));
    await gw.post('/api/auth/sign-in', { signInName: 'county.logs2', password: oneTimePassword });
    const log = gw.lines.join('\n');
    expect(gw.lines.length).toBeGreaterThan(0);
    expect(log).not.toContain(oneTimePassword);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('wrong-password-here');
    expect(log).not.toContain(tokens.refresh_token);
    expect(log).not.toContain(tokens.access_token);
  });
});
