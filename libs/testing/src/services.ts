import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The real services that infra/up.sh starts on 127.0.0.1 (no container engine needed). */
export type ServiceName = 'kafka' | 'ferretdb' | 'postgres';

export const ALL_SERVICES: readonly ServiceName[] = ['kafka', 'ferretdb', 'postgres'];

/** The URLs printed by infra/env.sh; the same names are set in `process.env`. */
export interface ServiceUrls {
  /** `kafka://127.0.0.1:19092` */
  KAFKA_URL: string;
  /** `mongodb://127.0.0.1:27018/relapsewatch` (FerretDB, MongoDB wire protocol) */
  MONGODB_URL: string;
  /** `postgres://postgres@127.0.0.1:15432/relapsewatch` */
  POSTGRES_URL: string;
}

export interface EnsureServicesOptions {
  /** Repository root holding infra/up.sh; found by walking up from this file when omitted. */
  repoRoot?: string;
  /** Longest infra/up.sh may take (a cold install builds FerretDB and fetches Kafka): default 20 min. */
  timeoutMs?: number;
}

/**
 * Services already ensured in this Jest run. An environment variable, not module state: Jest
 * gives each test file a fresh module registry, and its workers inherit the environment that
 * the global setup leaves behind.
 */
export const ENSURED_ENV = 'RELAPSE_WATCH_INFRA_UP';

const URL_KEYS: readonly (keyof ServiceUrls)[] = ['KAFKA_URL', 'MONGODB_URL', 'POSTGRES_URL'];

/** The repository root: the nearest folder above `from` that holds infra/up.sh. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'infra', 'up.sh'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no infra/up.sh in ${from} or any folder above it`);
  }
}

/**
 * One service's URL in a spec, as the project's Jest global setup exported it after starting
 * the services (see `jestGlobalSetup`).
 * @throws when the spec runs without that setup.
 */
export function serviceUrl(name: keyof ServiceUrls): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run through jest.config.cjs, whose global setup starts the services`);
  return url;
}

/** The service URLs, read from infra/env.sh (the one place that names the ports). */
export function serviceUrls(options: Pick<EnsureServicesOptions, 'repoRoot'> = {}): ServiceUrls {
  const root = options.repoRoot ?? findRepoRoot();
  const run = spawnSync('bash', [path.join(root, 'infra', 'env.sh')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`infra/env.sh failed (${run.status ?? run.signal}): ${run.stderr.trim()}`);
  const found: Partial<Record<string, string>> = {};
  for (const line of run.stdout.split('\n')) {
    const m = /^export ([A-Z_]+)=(.+)$/.exec(line.trim());
    if (m) found[m[1]] = m[2];
  }
  const get = (key: keyof ServiceUrls): string => {
    const value = found[key];
    if (!value) throw new Error(`infra/env.sh printed no ${key}`);
    return value;
  };
  return { KAFKA_URL: get('KAFKA_URL'), MONGODB_URL: get('MONGODB_URL'), POSTGRES_URL: get('POSTGRES_URL') };
}

/**
 * Makes sure the named services run on 127.0.0.1 and returns their URLs (also set in
 * `process.env` where not already set). Runs `infra/up.sh` once for the services not yet
 * ensured in this Jest run — it installs what is missing and reuses instances already
 * running — with its output on stderr. Throws when a service does not come up.
 */
export function ensureServices(services: readonly ServiceName[], options: EnsureServicesOptions = {}): ServiceUrls {
  for (const s of services) {
    if (!ALL_SERVICES.includes(s)) throw new Error(`unknown service '${s}' (known: ${ALL_SERVICES.join(', ')})`);
  }
  const root = options.repoRoot ?? findRepoRoot();
  const ensured = new Set((process.env[ENSURED_ENV] ?? '').split(',').filter(Boolean));
  const missing = [...new Set(services)].filter((s) => !ensured.has(s));

  if (missing.length > 0) {
    const run = spawnSync('bash', [path.join(root, 'infra', 'up.sh'), ...missing], {
      cwd: root,
      // stdout too goes to stderr: Jest's reporters own stdout.
      stdio: ['ignore', process.stderr, process.stderr],
      timeout: options.timeoutMs ?? 20 * 60_000,
    });
    if (run.error) throw new Error(`infra/up.sh ${missing.join(' ')} could not run: ${run.error.message}`);
    if (run.status !== 0) {
      throw new Error(`infra/up.sh ${missing.join(' ')} failed (${run.status ?? run.signal}); its output is above`);
    }
    for (const s of missing) ensured.add(s);
    process.env[ENSURED_ENV] = [...ensured].join(',');
  }

  const urls = serviceUrls({ repoRoot: root });
  for (const key of URL_KEYS) process.env[key] ??= urls[key];
  return urls;
}
