import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootIdentityApp, type Answer, type IdentityApp } from '../testing/identity-app.fixture';

/** Basic credentials as RFC 6749 §2.3.1 builds them: each part form-urlencoded, then base64. */
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('OAuth 2.0 client credentials (POST /api/auth/token)', () => {
  let gw: IdentityApp;
  let secret: string;

  beforeAll(async () => {
    gw = await bootIdentityApp();
    const admin = await gw.signInNewUser(
      {
        signInName: 'admin.clients',
        role: 'administrator',
        unitCode: '510000000000',
        villageCodes: [],
        reason: 'spec',
      },
      'administrator-passphrase',
    );
    const added = await gw.post(
      '/api/auth/clients',
      {
        clientId: 'civil-affairs',
        scopes: ['registry.read', 'personal.read'],
        unitCode: '511900000000',
        reason: '民政对接 / civil affairs',
      },
      { authorization: `Bearer ${admin.access_token}` },
    );
    expect(added.status).toBe(201);
    secret = added.body.clientSecret;
    const again = await gw.post(
      '/api/auth/clients',
      { clientId: 'civil-affairs', scopes: ['registry.read'], reason: 'again' },
      { authorization: `Bearer ${admin.access_token}` },
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'client.already-exists' } });
  });
  afterAll(() => gw.dispose());

  const token = (body: string, authorization?: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${gw.url}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': type, ...(authorization === undefined ? {} : { authorization }) },
      body,
    }).then(async (res): Promise<Answer> => ({ status: res.status, headers: res.headers, body: await res.json() }));

  it('issues an access token with the granted scopes, not cacheable, without a refresh token', async () => {
    const res = await token('grant_type=client_credentials', basic('civil-affairs', secret));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'personal.read registry.read',
    });
    const claims = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'civil-affairs', kind: 'client', role: 'client', unit: '511900000000' });
  });

  it('narrows to the scope asked for, and refuses a scope never granted with invalid_scope', async () => {
    const narrow = await token('grant_type=client_credentials&scope=registry.read', basic('civil-affairs', secret));
    expect(narrow.body.scope).toBe('registry.read');
    const wider = await token('grant_type=client_credentials&scope=users.manage', basic('civil-affairs', secret));
    expect(wider).toMatchObject({ status: 400, body: { error: 'invalid_scope', code: 'oauth.invalid-scope' } });
  });

  it('refuses a wrong secret, an unknown client and missing credentials with 401 invalid_client and WWW-Authenticate', async () => {
    for (const authorization of [basic('civil-affairs', 'wrong'), basic('no-such-client', secret), undefined]) {
      const res = await token('grant_type=client_credentials', authorization);
      expect(res).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
  });

  it('refuses another grant type, a missing one, and a JSON body (RFC 6749 §5.2)', async () => {
    const password = await token('grant_type=password&username=a&password=b', basic('civil-affairs', secret));
    expect(password).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const missing = await token('scope=registry.read', basic('civil-affairs', secret));
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const json = await token('{"grant_type":"client_credentials"}', basic('civil-affairs', secret), 'application/json');
    expect(json).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});
