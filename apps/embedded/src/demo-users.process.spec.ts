import { describe, expect, it } from '@jest/globals';
import { newDataDir, startEmbedded as start } from './embedded-process.fixture';

// `npm start` on an empty store: one demo user per role beside the demo county, their one-time
// passwords printed once on stdout (not in the JSON log). `--demo=households`: the users and the
// county without the county's activity (demo-activity.process.spec.ts has that).

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

describe('the embedded process’s demo users', () => {
  it('prints the demo users once, lets the administrator sign in after changing the password, and seeds the county too', async () => {
    const app = start(newDataDir(), ['--demo=households']);
    const url = await app.url;
    // Seven argon2 hashes: seconds on a quiet machine, much longer on a busy one.
    for (let i = 0; i < 480 && app.banner.filter((l) => /^ {2}\S/.test(l)).length < 7; i++)
      await new Promise((r) => setTimeout(r, 250));
    const users = app.banner.filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(users.map(([name]) => name)).toEqual([
      'province.demo',
      'city.demo',
      'county.demo',
      'township.demo',
      'inspector.demo',
      'auditor.demo',
      'admin.demo',
    ]);
    const [, oneTime] = users.find(([name]) => name === 'admin.demo')!;
    expect(JSON.stringify(app.logs)).not.toContain(oneTime);

    const password = 'demo-administrator-1';
    expect(
      (await post(`${url}/api/auth/password`, { signInName: 'admin.demo', password: oneTime, newPassword: password }))
        .status,
    ).toBe(204);
    const signedIn = await post(`${url}/api/auth/sign-in`, { signInName: 'admin.demo', password });
    expect(signedIn.status).toBe(200);
    const list = await fetch(`${url}/api/auth/users`, {
      headers: { authorization: `Bearer ${signedIn.body.access_token}` },
    });
    expect(((await list.json()) as unknown[]).length).toBe(7);

    // The county is seeded as well: the users' writes did not make the registry's seed see a non-empty store.
    for (let i = 0; i < 240 && !app.logs.some((l) => l['households'] === 3_000); i++)
      await new Promise((r) => setTimeout(r, 500));
    expect(app.logs.some((l) => l['households'] === 3_000)).toBe(true);
    expect(await app.stop()).toBe(0);
  }, 300_000);
});
