import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from '@jest/globals';

// `npm start` runs this composition: the gateway and the registry in one process on SQLite and
// the in-process bus. Started from source as its own process, with nothing but a data folder.
const repoRoot = join(__dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'rw-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('serves the gateway and the registry in one embedded process, and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', 'apps/embedded/src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: 'apps/embedded/tsconfig.json', PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as { url?: string };
      if (entry.url) resolve(entry.url);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before listening`)));
  });

  const info = await (await fetch(`${url}/api/system/info`)).json();
  expect(info).toMatchObject({ name: '@relapse-watch/embedded', mode: 'embedded', eventStore: 'sqlite', bus: 'inproc' });
  const province = await fetch(`${url}/api/registry/divisions/510000000000`);
  expect(await province.json()).toMatchObject({ code: '510000000000', name: '四川省', tier: 'province' });
  const ready = await (await fetch(`${url}/health/ready`)).json();
  expect(ready).toMatchObject({ status: 'ok', info: { 'registry.household-register': { status: 'up' }, 'relay:registry': { status: 'up' } } });

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
