#!/usr/bin/env node
// `npm run start:distributed`: the distributed mode on this machine. Starts (or reuses) the
// local Kafka, FerretDB and PostgreSQL through infra/up.sh, then every service as its own
// process on the built JavaScript (npm run build first), wired only by EVENT_STORE_URL,
// READ_STORE_URL and BUS_URL. SIGTERM/SIGINT are passed on to every process once; the script
// exits with the first non-zero exit code, else 0.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newAccessTokenKeyPair } from './access-token-keys.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

// Access tokens: the caller's keys when set, else a pair made for this run only (tokens and
// refresh tokens then end with the run). The gateway alone gets the private key; the services
// get only the public one, so they verify tokens and cannot mint them.
const accessTokenKeys =
  process.env.ACCESS_TOKEN_SIGNING_KEY && process.env.ACCESS_TOKEN_VERIFY_KEY
    ? { signing: process.env.ACCESS_TOKEN_SIGNING_KEY, verify: process.env.ACCESS_TOKEN_VERIFY_KEY }
    : newAccessTokenKeyPair();

// On this machine only: a deployment sets its own secret. One value for the registry and the
// assistance service, which finds a warning's person by the registry's hash.
const LOCAL_SALT = process.env.RESIDENT_ID_SALT ?? 'local-distributed-development-salt';

// One line per process. `env` is added to the shared variables; PORT may be overridden by the
// caller's environment for the gateway only, the one port users talk to.
const PROCESSES = [
  {
    name: 'gateway',
    main: 'services/gateway/dist/main.js',
    env: {
      PORT: process.env.PORT ?? '3000',
      REGISTRY_URL: 'http://127.0.0.1:3001',
      INSPECTION_URL: 'http://127.0.0.1:3002',
      ASSISTANCE_URL: 'http://127.0.0.1:3003',
      REPORTING_URL: 'http://127.0.0.1:3004',
      ACCESS_TOKEN_SIGNING_KEY: accessTokenKeys.signing,
    },
  },
  // docker-compose reads the salt from .env.
  {
    name: 'household-registry',
    main: 'services/household-registry/dist/main.js',
    env: {
      PORT: '3001',
      RESIDENT_ID_SALT: LOCAL_SALT,
      ACCESS_TOKEN_VERIFY_KEY: accessTokenKeys.verify,
    },
  },
  {
    name: 'inspection',
    main: 'services/inspection/dist/main.js',
    env: { PORT: '3002', REGISTRY_URL: 'http://127.0.0.1:3001', ACCESS_TOKEN_VERIFY_KEY: accessTokenKeys.verify },
  },
  {
    name: 'assistance',
    main: 'services/assistance/dist/main.js',
    // The registry's salt: a department's warning naming a person is found by the registry's hash.
    env: { PORT: '3003', RESIDENT_ID_SALT: LOCAL_SALT, ACCESS_TOKEN_VERIFY_KEY: accessTokenKeys.verify },
  },
  {
    name: 'reporting',
    main: 'services/reporting/dist/main.js',
    // Its inbox log goes to the reporting_inbox schema of the same PostgreSQL.
    env: { PORT: '3004', ACCESS_TOKEN_VERIFY_KEY: accessTokenKeys.verify },
  },
];

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 };

// The caller's keys reach each process only as PROCESSES gives them: never the private key to a service.
function withoutAccessTokenKeys(env) {
  const { ACCESS_TOKEN_SIGNING_KEY: _signing, ACCESS_TOKEN_VERIFY_KEY: _verify, ...rest } = env;
  return rest;
}

function fail(message) {
  process.stderr.write(`start-distributed: ${message}\n`);
  process.exit(1);
}

function startInfra() {
  const up = spawnSync('bash', [join(repoRoot, 'infra', 'up.sh'), 'kafka', 'ferretdb', 'postgres'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (up.status !== 0) fail(`infra/up.sh failed (${up.status ?? up.signal})`);
  const env = spawnSync('bash', [join(repoRoot, 'infra', 'env.sh')], { cwd: repoRoot, encoding: 'utf8' });
  if (env.status !== 0) fail(`infra/env.sh failed: ${env.stderr.trim()}`);
  const urls = Object.fromEntries([...env.stdout.matchAll(/^export ([A-Z_]+)=(.+)$/gm)].map((m) => [m[1], m[2]]));
  for (const key of ['POSTGRES_URL', 'MONGODB_URL', 'KAFKA_URL'])
    if (!urls[key]) fail(`infra/env.sh printed no ${key}`);
  return urls;
}

// On this machine only: without MASTER_KEYS (AUDIT_SEAL_KEY), a key made once under the
// git-ignored data/ folder (owner-only), so restarts read the data keys it wrapped (verify the
// seals it signed). A deployment sets its own.
function localKey(variable, fileName, keyId) {
  if (process.env[variable]?.trim()) return process.env[variable].trim();
  const file = join(repoRoot, 'data', fileName);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${keyId}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

function withSchema(url, schema) {
  return `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
}

function main() {
  for (const { name, main: entry } of PROCESSES) {
    if (!existsSync(join(repoRoot, entry))) fail(`${name}: ${entry} is missing; run \`npm run build\` first`);
  }
  const urls = startInfra();
  const shared = {
    EVENT_STORE_URL: urls.POSTGRES_URL,
    READ_STORE_URL: urls.MONGODB_URL,
    BUS_URL: urls.KAFKA_URL,
    // The households' data keys: PostgreSQL too, in a schema of their own, apart from the event log.
    KEY_STORE_URL: withSchema(urls.POSTGRES_URL, 'key_store'),
    MASTER_KEYS: localKey('MASTER_KEYS', 'distributed-master-keys', 'local'),
    // Every process seals the shared log with it; `relapse-watch audit verify` needs it too.
    AUDIT_SEAL_KEY: localKey('AUDIT_SEAL_KEY', 'distributed-audit-seal-key', 'local-seal'),
  };
  const running = new Map();
  let exitCode = 0;
  let stopping = false;

  const stopAll = (signal) => {
    stopping = true;
    for (const child of running.values()) child.kill(signal);
  };

  for (const { name, main: entry, env } of PROCESSES) {
    const child = spawn(process.execPath, [entry], {
      cwd: repoRoot,
      env: { ...withoutAccessTokenKeys(process.env), ...shared, ...env },
      stdio: 'inherit',
      // Its own process group: a Ctrl-C in the terminal reaches only this script, which passes
      // it on once. A second SIGINT would make a service skip its graceful shutdown.
      detached: true,
    });
    running.set(name, child);
    child.once('exit', (code, signal) => {
      running.delete(name);
      const status = code ?? 128 + (SIGNAL_NUMBERS[signal] ?? 1);
      if (status !== 0 && exitCode === 0) exitCode = status;
      // One process gone means the system is incomplete: stop the others too.
      if (!stopping) stopAll('SIGTERM');
      if (running.size === 0) process.exit(exitCode);
    });
  }

  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal));
}

main();
