import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { newDataDir, repoRoot, startEmbedded } from './embedded-process.fixture';

// The OpenAPI document must tell the truth: schemathesis (PyPI, installed by
// infra/schemathesis/install.sh into a git-ignored venv) generates requests from the embedded
// gateway's /docs/openapi.json — every route of every service in it, nothing listed here — and
// runs every check on the answers. Pinned for reproducibility; one worker for two shared cores.
const MAX_EXAMPLES = 30;
const SEED = 20_261_207;
const WORKERS = 1;
const MIN_CASES = 1_000;
const RUN_TIMEOUT_MS = 10 * 60_000;
const ADMINISTRATOR = 'schemathesis.admin';
const ADMIN_PASSWORD = 'schemathesis-Admin-2026!';

/** Installs (once) and returns the schemathesis executable. */
function installSchemathesis(): string {
  const run = spawnSync('bash', ['infra/schemathesis/install.sh'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  if (run.status !== 0) throw new Error(`infra/schemathesis/install.sh failed (${run.status}): ${run.stderr}`);
  return run.stdout.trim().split('\n').pop()!;
}

async function send(
  url: string,
  token: string,
  method: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`seeding ${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * A little data, so generated requests also reach things that exist: a household with its
 * head, a province's threshold, a key region and the household's monitoring case. Their ids join the generated values (half of
 * the time) through the run's dictionaries.
 */
async function seed(url: string, token: string) {
  const household = await send(url, token, 'POST', '/api/registry/households', {
    villageCode: '511923101002',
    householdNumber: 'schemathesis-1',
    status: { kind: 'ordinary' },
  });
  const householdId = String(household['id']);
  const head = await send(url, token, 'POST', `/api/registry/households/${householdId}/members`, {
    personal: { name: '张德明', residentId: '511923196804120318' },
    profile: {
      relationToHead: 'head',
      health: { kind: 'healthy' },
      labourCapacity: 'ordinary',
      employment: { status: 'employed', place: 'within-county', stability: 'stable' },
      schooling: 'not-in-school',
      medicalInsuranceEnrolled: true,
      livesInHousehold: true,
    },
  });
  await send(url, token, 'PUT', '/api/registry/policies/51/2025/monitoring-threshold', {
    amountYuan: '7500',
    effectiveFrom: '2025-01-01',
    sourceDocument: '川乡振发〔2025〕1号',
  });
  const region = await send(url, token, 'POST', '/api/registry/policies/51/2025/key-regions', {
    kind: 'major-natural-disaster',
    divisionCodes: ['511923000000'],
    reason: '洪灾',
    effectiveFrom: '2025-07-01',
  });
  const caseId = await caseOf(url, token, householdId);
  return { householdId, memberId: String(head['createdId']), regionId: String(region['createdId']), caseId };
}

/**
 * The household's monitoring case, from a cadre's lead once the assistance service has learnt of
 * the household (its view answers 404 `household.unknown` until the registry's events arrive).
 */
async function caseOf(url: string, token: string, householdId: string): Promise<string> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const res = await fetch(`${url}/api/assistance/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ householdId, source: 'cadre-inspection', referenceId: 'schemathesis-seed' }),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status === 201 && body.id !== undefined) return body.id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the assistance service never learnt of household ${householdId}`);
}

/** The project's schemathesis settings plus dictionaries of the seeded ids. */
function runConfig(dir: string, ids: Awaited<ReturnType<typeof seed>>): string {
  const base = readFileSync(join(repoRoot, 'infra', 'schemathesis', 'schemathesis.toml'), 'utf8');
  const dictionaries = {
    households: ids.householdId,
    members: ids.memberId,
    regions: ids.regionId,
    cases: ids.caseId,
    provinces: '51',
    divisions: '511923101002',
  };
  const parameters = {
    'path.householdId': 'households',
    'path.memberId': 'members',
    'path.regionId': 'regions',
    'path.caseId': 'cases',
    'path.provinceCode': 'provinces',
    'path.code': 'divisions',
  };
  const file = join(dir, 'schemathesis.toml');
  writeFileSync(
    file,
    [
      base,
      ...Object.entries(dictionaries).map(([name, value]) => `[dictionaries.${name}]\nvalues = ["${value}"]\n`),
      '[parameters]',
      ...Object.entries(parameters).map(([key, name]) => `"${key}" = { dictionary = "${name}", probability = 0.5 }`),
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * The administrator as an operator makes one (`relapse-watch users add`) and the administrator
 * then signs in: the one-time password changed first, then `POST /api/auth/sign-in`.
 */
async function signInAsAdministrator(url: string, dataDir: string): Promise<string> {
  const added = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', '--conditions=@relapse-watch/source', 'apps/cli/src/main.ts', 'users', 'add'].concat(
      ['--sign-in-name', ADMINISTRATOR, '--role', 'administrator', '--unit', '510000000000'],
      ['--reason', 'schemathesis 一致性测试 / conformance run'],
    ),
    {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: 'apps/cli/tsconfig.json', DATA_DIR: dataDir },
    },
  );
  // Printed once: `…: <sign-in name> <password>`.
  const oneTime = /: schemathesis\.admin ([A-Za-z2-9]{16})$/m.exec(added.stdout)?.[1];
  if (added.status !== 0 || oneTime === undefined)
    throw new Error(`users add failed (${added.status}): ${added.stderr}`);
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const changed = await post('/api/auth/password', {
    signInName: ADMINISTRATOR,
    password: oneTime,
    newPassword: ADMIN_PASSWORD,
  });
  if (changed.status !== 204) throw new Error(`password change: ${changed.status} ${await changed.text()}`);
  const signedIn = await post('/api/auth/sign-in', { signInName: ADMINISTRATOR, password: ADMIN_PASSWORD });
  const body = (await signedIn.json()) as { access_token?: string };
  if (signedIn.status !== 200 || body.access_token === undefined) throw new Error(`sign-in: ${signedIn.status}`);
  return body.access_token;
}

/**
 * Runs a command to its end without blocking this process: the embedded app's log lines keep
 * being read meanwhile (a blocked reader would fill its pipe and stall the app).
 */
function runToEnd(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** Test cases, failures and errors of the run, from its summary line and its JUnit report. */
function outcome(output: string, junit: string) {
  const generated = /(\d+) generated/.exec(output);
  const sum = (attribute: string) =>
    [...junit.matchAll(new RegExp(`<testsuite [^>]*${attribute}="(\\d+)"`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);
  return { cases: generated === null ? 0 : Number(generated[1]), failures: sum('failures'), errors: sum('errors') };
}

describe('the OpenAPI document of the embedded gateway', () => {
  it(
    `schemathesis --checks all: at least ${MIN_CASES} generated cases, no failure of any check`,
    async () => {
      const schemathesis = installSchemathesis();
      const dir = newDataDir('rw-schemathesis-');
      // The administrator reaches every route; the token lives the run out (an hour at most).
      const app = startEmbedded(join(dir, 'data'), ['--no-demo'], { AUTH_ACCESS_TOKEN_TTL_SECONDS: '3600' });
      const url = await app.url;
      const token = await signInAsAdministrator(url, join(dir, 'data'));
      const config = runConfig(dir, await seed(url, token));
      const junitPath = join(dir, 'junit.xml');
      const started = Date.now();
      const run = await runToEnd(
        schemathesis,
        [
          ...['--config-file', config, 'run', `${url}/docs/openapi.json`, '--checks', 'all'],
          ...['-H', `Authorization: Bearer ${token}`],
          ...['--max-examples', String(MAX_EXAMPLES), '--seed', String(SEED), '--workers', String(WORKERS)],
          ...['--generation-database', 'none', '--report', 'junit', '--report-junit-path', junitPath, '--no-color'],
        ],
        dir,
      );
      const seconds = Math.round((Date.now() - started) / 1000);
      expect(await app.stop()).toBe(0);
      const output = run.output;
      const result = outcome(output, readFileSync(junitPath, 'utf8'));
      console.log(
        `schemathesis: ${result.cases} cases, ${result.failures} failures, ${result.errors} errors in ${seconds} s`,
      );
      if (run.status !== 0 || result.failures > 0 || result.errors > 0)
        throw new Error(`schemathesis found problems (exit ${run.status}):\n${output.slice(-20_000)}`);
      expect(result.cases).toBeGreaterThanOrEqual(MIN_CASES);
    },
    RUN_TIMEOUT_MS + 2 * 60_000,
  );
});
