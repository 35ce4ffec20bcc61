// Browser-spec support: the embedded process (`npm start`'s composition) started from source on
// port 0 with a fresh data folder, so the demo county and users are seeded and the users'
// one-time passwords read from its banner — what an operator sees on a first start, with
// `--demo=households`: the specs count the demo's households, so no campaign, visits or cases are
// seeded beside them (the default demo's activity is dated relative to the clock's today).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { testLogCaptureEnv } from '@relapse-watch/testing';

/** The repository root, where the process runs and whose web/dist the gateway serves. */
export const repoRoot = join(__dirname, '..', '..');

/** A running embedded app: its URL, the demo users' one-time passwords, and its stop. */
export interface EmbeddedApp {
  readonly url: string;
  readonly oneTimePasswords: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the app and waits until it listens, printed its demo users and seeded the county.
 * @throws when it exits first or is not ready within `timeoutMs`.
 */
export async function startEmbeddedApp(
  timeoutMs = 300_000,
  /** More configuration for the process (e.g. a short `DEADLINE_WATCH_INTERVAL_MS`). */
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<EmbeddedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-web-'));
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '--conditions=@relapse-watch/source',
      'apps/embedded/src/main.ts',
      '--demo=households',
    ],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: 'apps/embedded/tsconfig.json',
        ...testLogCaptureEnv(),
        PORT: '0',
        DATA_DIR: dataDir,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const passwords = new Map<string, string>();
  let url: string | null = null;
  let seeded = false;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms: ${stderr.join('\n')}`)), timeoutMs);
    const check = () => {
      if (url !== null && seeded && passwords.size === 7) {
        clearTimeout(timer);
        resolve();
      }
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (typeof entry['url'] === 'string') url = entry['url'];
        if (entry['households'] === 3_000) seeded = true;
      } else {
        // The banner: "  <sign-in name>  <one-time password>  <unit>  <role>".
        const match = /^ {2}(\S+\.demo)\s+(\S+)\s/.exec(line);
        if (match) passwords.set(match[1]!, match[2]!);
      }
      check();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before it was ready: ${stderr.join('\n')}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { url: url!, oneTimePasswords: passwords, stop };
}
