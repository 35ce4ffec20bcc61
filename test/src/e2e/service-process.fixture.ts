// Spec-only support: a service as operators run it, its own process configured by environment
// only, started from source (no build step in `npm test`).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_ACCESS_TOKEN_ENV, testLogCaptureEnv } from '@relapse-watch/testing';

/** The repository root. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** A started service. */
export interface ServiceProcess {
  readonly name: string;
  readonly url: string;
  /** SIGTERM, then the exit code (0 after a graceful shutdown). */
  stop(): Promise<number | null>;
}

/**
 * Starts `<project>/src/main.ts` with exactly `env` (plus PATH and the test access-token key, so
 * the scenario's administrator token verifies everywhere) and resolves once it logs the URL it
 * listens on; rejects with its stderr if it exits first.
 */
export function startService(
  project: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', `${project}/src/main.ts`, ...args],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: `${project}/tsconfig.json`,
        ...testLogCaptureEnv(),
        LOG_LEVEL: 'info',
        PORT: '0',
        ...TEST_ACCESS_TOKEN_ENV,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { url?: unknown };
      if (typeof entry.url !== 'string') return;
      resolve({
        name: project,
        url: entry.url,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`${project} exited (${code}) before listening: ${stderr.join('\n')}`)));
  });
}

/**
 * Runs the `relapse-watch` CLI (from source, as the services run; file arguments absolute) with `env` (plus PATH);
 * resolves with its exit code and output. `project`: the registry's CLI by default, or `apps/cli` (every command group).
 */
export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  project: 'services/household-registry' | 'apps/cli' = 'services/household-registry',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '--conditions=@relapse-watch/source',
      join(repoRoot, project, project === 'apps/cli' ? 'src/main.ts' : 'src/cli/main.ts'),
      ...args,
    ],
    {
      cwd: repoRoot,
      env: {
        PATH: process.env['PATH'],
        SWC_NODE_PROJECT: join(repoRoot, project, 'tsconfig.json'),
        ...testLogCaptureEnv(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
