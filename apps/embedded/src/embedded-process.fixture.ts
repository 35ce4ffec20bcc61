// Spec-only support: starts the embedded app (`npm start`'s composition) from source as its own
// process, with nothing but a data folder, and ends every process it started after the file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll } from '@jest/globals';
import { TEST_ACCESS_TOKEN_ENV, testLogCaptureEnv, TEST_CLOCK_ENV } from '@relapse-watch/testing';

/** The repository root, where the process is started. */
export const repoRoot = join(__dirname, '..', '..', '..');
const folders: string[] = [];
const children: ChildProcess[] = [];
// A failed expectation must not leave a server behind: every process started here is ended.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A fresh temporary folder, removed after the spec file. */
export function newDataDir(prefix = 'rw-embedded-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/**
 * The embedded process on port 0: its URL once it listens, its log lines, stderr, and a SIGTERM
 * stop. It signs and verifies with the test key, so specs send tokens of `testAccessToken`.
 */
export function startEmbedded(dataDir: string, args: string[] = [], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', 'apps/embedded/src/main.ts', ...args],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: 'apps/embedded/tsconfig.json',
        ...testLogCaptureEnv(),
        PORT: '0',
        DATA_DIR: dataDir,
        ...TEST_ACCESS_TOKEN_ENV,
        ...TEST_CLOCK_ENV,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const stderr: string[] = [];
  const logs: Record<string, unknown>[] = [];
  // stdout is the JSON log, plus the demo users' banner: plain text, meant for a person.
  const banner: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return void banner.push(line);
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (typeof entry['url'] === 'string') resolve(entry['url']);
    });
    void exited.then((code) => reject(new Error(`exited ${code} before listening: ${stderr.join('\n')}`)));
  });
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { url, exited, stderr, logs, banner, stop };
}
