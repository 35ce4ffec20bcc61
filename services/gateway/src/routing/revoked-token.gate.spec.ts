import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Inject, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import {
  ACCESS_TOKEN_KEYS,
  ACCESS_TOKEN_REVOCATIONS,
  AccessTokenVerifier,
  PublicRoute,
  type AccessTokenKeys,
  type AccessTokenRevocations,
} from '@relapse-watch/service-runtime';
import { bootIdentityApp, type IdentityApp } from '../identity/testing/identity-app.fixture';
import { refuseRevokedTokens } from './revoked-token.gate';

// Stands where the proxy stands: a public route behind the gate, so whatever the gate lets
// through is answered 200, as an upstream would answer it.
const forwarded: string[] = [];

@Controller('api/upstream-probe')
class UpstreamProbeController {
  @Get()
  @PublicRoute()
  reach() {
    forwarded.push('reached');
    return { reached: true };
  }
}

@Module({ controllers: [UpstreamProbeController] })
class GatedProbeModule implements NestModule {
  constructor(
    @Inject(ACCESS_TOKEN_KEYS) private readonly keys: AccessTokenKeys,
    @Inject(ACCESS_TOKEN_REVOCATIONS) private readonly revocations: AccessTokenRevocations,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(refuseRevokedTokens(new AccessTokenVerifier(this.keys.verifying), this.revocations))
      .forRoutes('api/upstream-probe');
  }
}

describe('the proxy’s token gate (distributed mode)', () => {
  let gw: IdentityApp;
  beforeAll(async () => {
    gw = await bootIdentityApp({ imports: [GatedProbeModule] });
  });
  afterAll(() => gw.dispose());

  it('forwards a valid token and none at all, refuses a signed-out or forged one before forwarding', async () => {
    const tokens = await gw.signInNewUser(
      {
        signInName: 'county.proxy',
        role: 'county-official',
        unitCode: '511923000000',
        villageCodes: [],
        reason: 'spec',
      },
      'proxy-passphrase-1',
    );
    const auth = { authorization: `Bearer ${tokens.access_token}` };

    expect((await gw.get('/api/upstream-probe', auth)).status).toBe(200);
    expect((await gw.get('/api/upstream-probe')).status).toBe(200);
    expect(forwarded).toHaveLength(2);

    await gw.post('/api/auth/sign-out', { refreshToken: tokens.refresh_token }, auth);
    expect(await gw.get('/api/upstream-probe', auth)).toMatchObject({
      status: 401,
      body: { code: 'auth.token-revoked' },
    });
    expect(await gw.get('/api/upstream-probe', { authorization: 'Bearer a.b.c' })).toMatchObject({
      status: 401,
      body: { code: 'auth.token-invalid' },
    });
    expect(forwarded).toHaveLength(2);
  });
});
