import { describe, expect, it } from '@jest/globals';
import { bootIdentityApp } from '../testing/identity-app.fixture';

describe('sessions across a restart (embedded mode)', () => {
  it('keeps users and refresh tokens, with the signing key generated in the data folder', async () => {
    const first = await bootIdentityApp({ env: {}, keepData: true });
    const password = 'restart-passphrase-1';
    const tokens = await first.signInNewUser(
      {
        signInName: 'county.restart',
        role: 'county-official',
        unitCode: '511923000000',
        villageCodes: [],
        reason: 'spec',
      },
      password,
    );
    await first.dispose();

    const second = await bootIdentityApp({ env: {}, dataDir: first.dataDir });
    try {
      const refreshed = await second.post('/api/auth/refresh', { refreshToken: tokens.refresh_token });
      expect(refreshed.status).toBe(200);
      expect((await second.post('/api/auth/sign-in', { signInName: 'county.restart', password })).status).toBe(200);
    } finally {
      await second.dispose();
    }
  });
});
