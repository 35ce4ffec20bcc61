import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Post } from '@nestjs/common';
import type { Principal } from '@relapse-watch/access';
import { TEST_ACCESS_TOKEN_ENV, testAccessToken } from '@relapse-watch/testing';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { bootSpecApp, getJson, post, type SpecApp } from '../testing/runtime-spec.harness';
import { ACCESS_TOKEN_REVOCATIONS, type AccessTokenRevocations } from './access-token.revocations';
import { CurrentPrincipal, PublicRoute, Requires } from './access.decorators';

@Controller('guarded')
class GuardedController {
  @Get('open')
  @PublicRoute()
  open() {
    return { open: true };
  }

  @Get('read')
  @Requires('registry.read')
  read(@CurrentPrincipal() principal: Principal) {
    return { id: principal.id, role: principal.role };
  }

  @Post('policy')
  @Requires('policy.write')
  policy() {
    return { written: true };
  }

  @Get('undeclared')
  undeclared() {
    return { leaked: true };
  }
}

@Module({ controllers: [GuardedController] })
class GuardedModule {}

const county = { sub: 'u-1', kind: 'user', role: 'county-official', unit: '511321000000' } as const;

describe('the access guard on every route', () => {
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp(GuardedModule, { ...TEST_ACCESS_TOKEN_ENV });
  });
  afterAll(() => spec.dispose());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('answers a public route without a token', async () => {
    expect((await getJson(`${spec.url}/guarded/open`)).status).toBe(200);
    expect((await getJson(`${spec.url}/health/live`)).status).toBe(200);
  });

  it('answers 401 auth.token-missing without a token and auth.token-invalid for a malformed header', async () => {
    const missing = await getJson(`${spec.url}/guarded/read`);
    expect(missing).toMatchObject({ status: 401, body: { code: 'auth.token-missing' } });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="relapse-watch"');
    const basic = await getJson(`${spec.url}/guarded/read`, { authorization: 'Basic dXNlcjpwdw==' });
    expect(basic).toMatchObject({ status: 401, body: { code: 'auth.token-invalid' } });
    expect(basic.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('hands the verified principal to the route', async () => {
    const res = await getJson(`${spec.url}/guarded/read`, bearer(await testAccessToken(county)));
    expect(res).toMatchObject({ status: 200, body: { id: 'u-1', role: 'county-official' } });
  });

  it('refuses a role without the permission with 403 access.permission-denied', async () => {
    const res = await post(`${spec.url}/guarded/policy`, {}, bearer(await testAccessToken(county)));
    expect(res).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
  });

  it('refuses a route that declares no rule, even to the administrator (deny by default)', async () => {
    const admin = await testAccessToken({ sub: 'a', kind: 'user', role: 'administrator', unit: '510000000000' });
    const res = await getJson(`${spec.url}/guarded/undeclared`, bearer(admin));
    expect(res).toMatchObject({ status: 403, body: { code: 'access.route-undeclared' } });
  });

  it('refuses an expired token, one signed by another key, one with unknown claims, and one signed out', async () => {
    const expired = await testAccessToken(county, -60);
    expect(await getJson(`${spec.url}/guarded/read`, bearer(expired))).toMatchObject({
      status: 401,
      body: { code: 'auth.token-expired' },
    });
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({ ...county, role: 'administrator' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('relapse-watch-gateway')
      .setAudience('relapse-watch-api')
      .setJti('forged')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await getJson(`${spec.url}/guarded/read`, bearer(forged))).toMatchObject({
      status: 401,
      body: { code: 'auth.token-invalid' },
    });
    const unknownRole = await testAccessToken({ ...county, role: 'superuser' });
    expect((await getJson(`${spec.url}/guarded/read`, bearer(unknownRole))).status).toBe(401);

    const token = await testAccessToken(county);
    const { jti, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      jti: string;
      exp: number;
    };
    spec.app.get<AccessTokenRevocations>(ACCESS_TOKEN_REVOCATIONS).revoke(jti, new Date(exp * 1000));
    expect(await getJson(`${spec.url}/guarded/read`, bearer(token))).toMatchObject({
      status: 401,
      body: { code: 'auth.token-revoked' },
    });
  });

  it('documents the bearer scheme and the 401/403 answers on guarded routes only', async () => {
    const doc = (await getJson(`${spec.url}/docs/openapi.json`)).body as {
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    };
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/guarded/read'].get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths['/guarded/read'].get.responses)).toEqual(expect.arrayContaining(['401', '403']));
    expect(doc.paths['/guarded/open'].get.security).toBeUndefined();
  });
});
