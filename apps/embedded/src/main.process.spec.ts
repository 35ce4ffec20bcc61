import { describe, expect, it } from '@jest/globals';
import { adminTestToken } from '@relapse-watch/testing';
import { newDataDir, startEmbedded as start } from './embedded-process.fixture';

/** A GET as the administrator. */
async function get(url: string): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${await adminTestToken()}` } });
}

// `npm start` runs this composition: the gateway and the registry in one process on SQLite and
// the in-process bus, seeding a demo county into an empty store unless told --no-demo. Started
// from source as its own process, with nothing but a data folder.

async function householdsOfPingchang(url: string): Promise<number> {
  const res = await get(`${url}/api/registry/households?divisionCode=511923000000&limit=1`).catch((error: Error) => {
    // undici hides the reason (refused, reset, timeout) in `cause`: say it.
    throw new Error(`${error.message}: ${String((error.cause as Error | undefined)?.message ?? error.cause)}`);
  });
  return ((await res.json()) as { total: number }).total;
}

describe('the embedded process', () => {
  it('serves the gateway and the registry in one process (--no-demo: an empty register), and exits 0 on SIGTERM', async () => {
    const app = start(newDataDir(), ['--no-demo']);
    const url = await app.url;
    expect(await (await get(`${url}/api/system/info`)).json()).toMatchObject({
      name: '@relapse-watch/embedded',
      mode: 'embedded',
      eventStore: 'sqlite',
      bus: 'inproc',
    });
    expect(await (await get(`${url}/api/registry/divisions/510000000000`)).json()).toMatchObject({
      code: '510000000000',
      name: '四川省',
      tier: 'province',
    });
    const readiness = await fetch(`${url}/health/ready`);
    // Idle connections stay open a minute, not Node's 5 s (a busy main thread would reset them: service.bootstrap.ts).
    expect(readiness.headers.get('keep-alive')).toBe('timeout=65');
    const ready = await readiness.json();
    expect(ready).toMatchObject({
      status: 'ok',
      info: { 'registry.household-register': { status: 'up' }, 'relay:registry': { status: 'up' } },
    });
    expect(await householdsOfPingchang(url)).toBe(0);
    expect(await app.stop()).toBe(0);
  });

  it('seeds the demo county into an empty store once, and not again on the next start (--demo=households)', async () => {
    const dataDir = newDataDir();
    const first = start(dataDir, ['--demo=households']);
    const url = await first.url;
    // The import logs when it returns, which can be after the read model has every household.
    const seededLine = () => first.logs.some((l) => l['households'] === 3_000);
    let total = 0;
    for (let i = 0; i < 240 && (total < 3_000 || !seededLine()); i++) {
      await new Promise((r) => setTimeout(r, 500));
      total = await householdsOfPingchang(url);
    }
    expect(total).toBe(3_000);
    expect(seededLine()).toBe(true);
    expect(await first.stop()).toBe(0);

    const second = start(dataDir, ['--demo=households']);
    const again = await second.url;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await householdsOfPingchang(again)).toBe(3_000);
    expect(second.logs.some((l) => l['households'] !== undefined)).toBe(false);
    expect(await second.stop()).toBe(0);
    // The seed's own wait (up to 2 minutes) and two starts: more than the default minute on a busy machine.
  }, 300_000);

  it('refuses an unknown argument with the usage line and exit code 1', async () => {
    const app = start(newDataDir(), ['--demo-size=5']);
    await expect(app.url).rejects.toThrow('exited 1');
    expect(await app.exited).toBe(1);
    expect(app.stderr[0]).toBe('未知参数 / unknown argument: --demo-size=5');
    expect(app.stderr[1]).toMatch(/^用法 \/ usage: npm start/);
  });

  it('refuses two demo switches that contradict each other', async () => {
    const app = start(newDataDir(), ['--no-demo', '--demo=households']);
    await expect(app.url).rejects.toThrow('exited 1');
    expect(await app.exited).toBe(1);
    expect(app.stderr[0]).toBe('演示参数互相矛盾 / conflicting demo arguments: --no-demo --demo=households');
  });
});
