// Spec-only support (excluded from the build): the gateway as operators run it, its own
// process, configured by environment only.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_ACCESS_TOKEN_ENV, testLogCaptureEnv } from '@relapse-watch/testing';

/** The repository root, where the gateway is started from. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** A running (or exited) gateway process and its output so far. */
export interface GatewayProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the first stdout line (parsed) that `match` accepts. */
  line(match: (entry: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts services/gateway/src/main.ts from source with exactly `env` (plus PATH and the test
 * access-token key, so specs sign what they send with `testAccessToken`; `env` may override it).
 */
export function startGateway(env: Record<string, string>): GatewayProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', 'services/gateway/src/main.ts'],
    {
      cwd: repoRoot,
      // A clean environment: only what the gateway is given here, plus what node needs.
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: 'services/gateway/tsconfig.json',
        ...testLogCaptureEnv(),
        ...TEST_ACCESS_TOKEN_ENV,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiting: {
    match: (entry: Record<string, unknown>) => boolean;
    resolve: (entry: Record<string, unknown>) => void;
  }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    stdout.push(text);
    const entry = JSON.parse(text) as Record<string, unknown>;
    for (const w of waiting.filter((w) => w.match(entry))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(entry);
    }
  });
  createInterface({ input: child.stderr! }).on('line', (text) => stderr.push(text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout,
    stderr,
    exited,
    line: (match) =>
      new Promise((resolve, reject) => {
        const seen = stdout.map((t) => JSON.parse(t) as Record<string, unknown>).find(match);
        if (seen) return resolve(seen);
        waiting.push({ match, resolve });
        void exited.then(({ code }) =>
          reject(new Error(`gateway exited (${code}) first; stderr: ${stderr.join('\n')}`)),
        );
      }),
  };
}
