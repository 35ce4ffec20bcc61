import { describe, expect, it } from '@jest/globals';
import { USER_ROLES } from '@relapse-watch/access';
import { bootIdentityApp } from '../testing/identity-app.fixture';
import { DEMO_USERS } from './demo-users';
import { DemoUsersModule } from './demo-users.module';

function bannerSink() {
  const written: string[] = [];
  let arrived!: () => void;
  const printed = new Promise<void>((resolve) => (arrived = resolve));
  return { written, printed, out: { write: (text: string) => (written.push(text), arrived()) } };
}

describe('demo users on an empty embedded store', () => {
  it('adds one user per role, prints each sign-in name and one-time password once, and never logs them', async () => {
    const sink = bannerSink();
    const first = await bootIdentityApp({ env: {}, keepData: true, imports: [DemoUsersModule.printingTo(sink.out)] });
    try {
      await sink.printed;
      expect(DEMO_USERS.map((u) => u.role).sort()).toEqual([...USER_ROLES].sort());
      const banner = sink.written.join('');
      expect(banner).toMatch(/^\n演示用户.* \/ demo users/);
      const lines = banner.split('\n').filter((l) => /^ {2}\S/.test(l));
      expect(lines).toHaveLength(DEMO_USERS.length);
      for (const [i, user] of DEMO_USERS.entries()) {
        const [name, password, unit] = lines[i].trim().split(/\s+/);
        expect({ name, unit }).toEqual({ name: user.signInName, unit: user.unitCode });
        const res = await first.post('/api/auth/sign-in', { signInName: name, password });
        expect(res.body).toMatchObject({ code: 'auth.password-change-required' });
        expect(first.lines.join('\n')).not.toContain(password);
      }
      expect(first.lines.some((l) => l.includes('demo users added'))).toBe(true);
      expect(DEMO_USERS.find((u) => u.role === 'village-inspector')!.villageCodes).toHaveLength(3);
    } finally {
      await first.dispose();
    }

    const again = bannerSink();
    const second = await bootIdentityApp({
      env: {},
      dataDir: first.dataDir,
      imports: [DemoUsersModule.printingTo(again.out)],
    });
    try {
      // Seeding runs in the background; its first read decides, so a sign-in after it is settled.
      expect((await second.post('/api/auth/sign-in', { signInName: 'admin.demo', password: 'x' })).status).toBe(401);
      expect(again.written).toEqual([]);
    } finally {
      await second.dispose();
    }
  });
});
