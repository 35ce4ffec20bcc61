// The embedded process as users run it, for bench/inspection: the repository built (`npm run
// build`), households put into its data folder with the CLI before it starts, then
// `node apps/embedded/dist/main.js --no-demo` on that folder; a province official's token signed
// with the key the process keeps there.
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import { SignJWT } from 'jose';
import { root } from '../event-store/harness.mjs';

/** Salt of the resident ID hashes: fixed, so a run is reproducible (never a deployment's). */
export const BENCH_SALT = 'bench-inspection-salt-0123456789abcdef';

/** `npm run build`: the whole repository compiled to each project's dist/. */
export function buildRepository() {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

/** `relapse-watch generate` and `relapse-watch households import` into `dataDir`'s event store, as an operator would. */
export function seedHouseholds({ dataDir, households, seed, workDir, log }) {
  const cli = join(root, 'apps/cli/dist/main.js');
  const env = { ...process.env, DATA_DIR: dataDir, RESIDENT_ID_SALT: BENCH_SALT };
  const sheet = join(workDir, 'households.csv');
  // The flag the CLI runs with (its shebang and `npm run relapse-watch`).
  const run = (args) =>
    execFileSync(process.execPath, ['--max-semi-space-size=8', cli, ...args], {
      cwd: workDir,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const started = performance.now();
  run(['generate', '--province', '51', '--households', String(households), '--seed', String(seed), '--out', sheet]);
  run(['households', 'import', sheet, '--no-progress-file']);
  log(`seeded ${households} households in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The households imported, in the order of the log: the ids the visits go to. */
export function importedHouseholdIds(dataDir) {
  const db = new DatabaseSync(join(dataDir, 'events.db'), { readOnly: true });
  try {
    return db
      .prepare("SELECT stream_id FROM events WHERE type = 'HouseholdImported' ORDER BY position")
      .all()
      .map((row) => row.stream_id.slice('registry-household-'.length));
  } finally {
    db.close();
  }
}

/** Events of each type in the process's event store (read after it stopped). */
export function countEvents(dataDir, types) {
  const db = new DatabaseSync(join(dataDir, 'events.db'), { readOnly: true });
  try {
    const count = db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?');
    return Object.fromEntries(types.map((type) => [type, Number(count.get(type).n)]));
  } finally {
    db.close();
  }
}

/**
 * Starts `node apps/embedded/dist/main.js --no-demo` on `dataDir`. Resolves with its URL once it
 * listens; its stdout (the JSON log) is drained and counted by level so a busy log cannot stall it.
 */
export function startEmbedded({ dataDir, port, cpuProfDir, log }) {
  const flags = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const child = spawn(process.execPath, [...flags, join(root, 'apps/embedded/dist/main.js'), '--no-demo'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, RESIDENT_ID_SALT: BENCH_SALT, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLevels = {};
  const stderr = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.length < 50 && stderr.push(line));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line);
      logLevels[entry.level] = (logLevels[entry.level] ?? 0) + 1;
      if (typeof entry.url === 'string')
        resolve(entry.url.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1'));
      if (['warn', 'error', 'fatal'].includes(entry.level) || entry.level >= 40)
        log(`server log: ${line.slice(0, 400)}`);
    });
    void exited.then((code) =>
      reject(new Error(`embedded process exited (${code}) before listening: ${stderr.join('\n')}`)),
    );
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { url, stop, kill: () => child.kill('SIGKILL'), logLevels, stderr, pid: child.pid };
}

/**
 * A token of a province official of Sichuan (51) for `ttlSeconds`, signed with the key the
 * embedded process generated in its data folder (the gateway's, in that mode).
 */
export async function provinceOfficialToken(dataDir, ttlSeconds) {
  const jwk = JSON.parse(readFileSync(join(dataDir, 'access-token-signing-key.json'), 'utf8'));
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'bench-province-official', kind: 'user', role: 'province-official', unit: '510000000000' })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
    .setIssuer('relapse-watch-gateway')
    .setAudience('relapse-watch-api')
    .setJti(`bench-${now}`)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(createPrivateKey({ key: jwk, format: 'jwk' }));
}

/** A JSON request to the process: `{ status, body }`. */
export async function call(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Calls until `done(answer)` holds, every `everyMs`, for at most `timeoutMs`; throws with the last answer. */
export async function until(what, attempt, done, { everyMs = 250, timeoutMs = 1_800_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await attempt();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: gave up, last answer ${JSON.stringify(answer).slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
