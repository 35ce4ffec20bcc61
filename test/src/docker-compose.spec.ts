// docker-compose.yml is for users who have Docker; no machine of the project has a container
// engine, so nothing here runs an image. Instead the compose file, its KurrentDB override and
// the Dockerfile they build are checked for the things that would otherwise only show when a
// user runs them: every process of the distributed mode is there and built from a real entry
// point, the URLs parse with the runtime's own parsers and lead to services that exist and
// listen there, start-up waits for health, and no secret is written into a file.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { loadRuntimeConfig, parseBusUrl, parseEventStoreUrl, parseReadStoreUrl } from '@relapse-watch/service-runtime';
import {
  distributedProcesses,
  effectiveEnv,
  effectiveInstruction,
  environmentOf,
  execForm,
  interpolate,
  mergeCompose,
  parseDockerfile,
  parsePort,
  parseVolume,
  readCompose,
  readRepoFile,
  repoPath,
  REPO_ROOT,
  targetStage,
  type ComposeBuild,
  type ComposeFile,
  type ComposeService,
  type DockerStage,
} from './docker-compose.fixture';

const COMPOSE = 'docker-compose.yml';
const KURRENTDB_OVERRIDE = 'infra/docker/compose.kurrentdb.yml';

// DESIGN.md, "Runtime modes": distributed = PostgreSQL or KurrentDB, Apache Kafka, MongoDB, one
// process per service + the gateway.
const DESIGN_DISTRIBUTED = ['kafka', 'kurrentdb', 'mongo', 'postgres', 'gateway', 'household-registry'];

// What a user's .env holds. Values are test-only, and prove nothing is read from anywhere else;
// the access-token pair is made here as scripts/access-token-keys.mjs makes it.
const accessTokenPair = generateKeyPairSync('ed25519');
const USER_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'pw0from0dotenv',
  RESIDENT_ID_SALT: 'salt-from-dotenv',
  ACCESS_TOKEN_SIGNING_KEY: JSON.stringify(accessTokenPair.privateKey.export({ format: 'jwk' })),
  ACCESS_TOKEN_VERIFY_KEY: JSON.stringify(accessTokenPair.publicKey.export({ format: 'jwk' })),
  MASTER_KEYS: 'k0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  AUDIT_SEAL_KEY: 's0:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=',
};

// The port each infrastructure image listens on, derived from its own configuration.
function listeningEndpoints(name: string, service: ComposeService): string[] {
  const env = environmentOf(service);
  const image = service.image ?? '';
  if (service.build !== undefined) return [`${name}:${env.PORT ?? ''}`];
  if (image.startsWith('apache/kafka:')) {
    // Clients bootstrap from BUS_URL and then connect to the advertised listeners: the URL must
    // name one of them, and that listener must be one the broker binds.
    const bound = new Map((env.KAFKA_LISTENERS ?? '').split(',').map((l) => [l.split('://')[0], l.split(':').pop()]));
    return (env.KAFKA_ADVERTISED_LISTENERS ?? '')
      .split(',')
      .map((l) => /^([A-Z_]+):\/\/([^:]+):(\d+)$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null && bound.get(m[1]) === m[3])
      .map((m) => `${m[2]}:${m[3]}`);
  }
  if (image.startsWith('postgres:')) return [`${name}:${env.PGPORT ?? '5432'}`];
  if (image.startsWith('mongo:')) return [`${name}:27017`];
  if (/kurrentdb:/.test(image)) return [`${name}:${env.KURRENTDB_NODE_PORT ?? '2113'}`];
  throw new Error(`${name}: no rule for the port of image "${image}"`);
}

/** host:port pairs a parsed URL points at. */
function endpointsOf(variable: string, raw: string): string[] {
  const hostPort = (host: string, port: string | undefined, fallback: number) => `${host}:${port || fallback}`;
  if (variable === 'EVENT_STORE_URL' || variable === 'KEY_STORE_URL') {
    const target = parseEventStoreUrl(variable, raw, REPO_ROOT);
    if (target.kind === 'postgres') {
      const url = new URL(target.connectionString);
      return [hostPort(url.hostname, url.port, 5432)];
    }
    if (target.kind === 'kurrentdb') {
      const hosts = /^[a-z+]+:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(target.url)?.[1] ?? '';
      return hosts.split(',').map((h) => hostPort(h.split(':')[0], h.split(':')[1], 2113));
    }
    throw new Error(`${variable} is ${target.kind}: the distributed mode needs PostgreSQL or KurrentDB`);
  }
  if (variable === 'READ_STORE_URL') {
    const target = parseReadStoreUrl(variable, raw, REPO_ROOT);
    if (target.kind !== 'mongodb') throw new Error(`${variable} is ${target.kind}: the distributed mode needs MongoDB`);
    const hosts = /^mongodb(?:\+srv)?:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(target.url)?.[1] ?? '';
    return hosts.split(',').map((h) => hostPort(h.split(':')[0], h.split(':')[1], 27017));
  }
  if (variable === 'BUS_URL') {
    const target = parseBusUrl(variable, raw);
    if (target.kind !== 'kafka') throw new Error(`${variable} is ${target.kind}: the distributed mode needs Kafka`);
    return [...target.brokers];
  }
  // Any other http(s) URL, e.g. the gateway's REGISTRY_URL.
  const url = new URL(raw);
  return [hostPort(url.hostname, url.port, url.protocol === 'https:' ? 443 : 80)];
}

const STORE_VARIABLES = ['EVENT_STORE_URL', 'READ_STORE_URL', 'BUS_URL', 'KEY_STORE_URL'] as const;

/** Every variable of an app service that names another service: the store URLs and http(s) URLs. */
function urlVariables(env: Record<string, string>): string[] {
  return Object.keys(env).filter(
    (k) => (STORE_VARIABLES as readonly string[]).includes(k) || (/_URL$/.test(k) && /^https?:\/\//.test(env[k])),
  );
}

function buildOf(service: ComposeService): ComposeBuild | undefined {
  if (service.build === undefined) return undefined;
  return typeof service.build === 'string' ? { context: service.build } : service.build;
}

function dockerfilePath(build: ComposeBuild): string {
  return [build.context ?? '.', build.dockerfile ?? 'Dockerfile'].join('/');
}

interface AppImage {
  stages: DockerStage[];
  final: DockerStage;
  main: string | undefined;
  env: Record<string, string>;
}

function appImage(name: string, service: ComposeService): AppImage {
  const build = buildOf(service);
  if (!build) throw new Error(`${name} has no build`);
  const path = dockerfilePath(build);
  if (!existsSync(repoPath(path))) throw new Error(`${name}: ${path} does not exist`);
  const stages = parseDockerfile(readRepoFile(path));
  const final = targetStage(stages, build.target);
  if (!final) throw new Error(`${name}: ${path} has no stage "${build.target}"`);
  const cmd = execForm(effectiveInstruction(stages, final, 'CMD'));
  const main = cmd && cmd.length === 2 && cmd[0] === 'node' ? cmd[1] : undefined;
  return { stages, final, main, env: effectiveEnv(stages, final) };
}

/** The environment a container gets: the image's ENV, then compose's `environment`, interpolated. */
function containerEnv(name: string, service: ComposeService): Record<string, string> {
  const env: Record<string, string> = service.build !== undefined ? { ...appImage(name, service).env } : {};
  for (const [key, value] of Object.entries(environmentOf(service))) env[key] = interpolate(value, USER_ENV).value;
  return env;
}

const compose = readCompose(COMPOSE);
const services = compose.services;
const appServices = Object.keys(services).filter((n) => services[n].build !== undefined);
// The distributed mode's processes: app services outside the `embedded` profile.
const distributedApps = appServices.filter((n) => !(services[n].profiles ?? []).includes('embedded'));

/** The compose services an app service's URLs point at, checked to exist and listen there. */
function urlTargets(file: ComposeFile, name: string): { targets: Set<string>; problems: string[] } {
  const env = containerEnv(name, file.services[name]);
  const problems: string[] = [];
  const targets = new Set<string>();
  for (const variable of urlVariables(env)) {
    let endpoints: string[];
    try {
      endpoints = endpointsOf(variable, env[variable]);
    } catch (error) {
      problems.push(`${name}: ${variable}: ${(error as Error).message}`);
      continue;
    }
    for (const endpoint of endpoints) {
      const host = endpoint.slice(0, endpoint.lastIndexOf(':'));
      const target = file.services[host];
      if (!target) {
        problems.push(`${name}: ${variable} points at ${endpoint}, but there is no compose service "${host}"`);
        continue;
      }
      targets.add(host);
      const listening = listeningEndpoints(host, target);
      if (!listening.includes(endpoint))
        problems.push(
          `${name}: ${variable} points at ${endpoint}, but ${host} listens at ${listening.join(', ') || 'nothing'}`,
        );
    }
  }
  return { targets, problems };
}

describe('docker-compose.yml: the services of the distributed mode', () => {
  it('has every service of DESIGN.md’s distributed mode', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(DESIGN_DISTRIBUTED));
  });

  it('runs the same processes as scripts/start-distributed.mjs, with the same entry points', () => {
    const script = readRepoFile('scripts/start-distributed.mjs');
    const processes = distributedProcesses(script);
    const declared = /const\s+PROCESSES\s*=\s*\[([\s\S]*?)\n\];/.exec(script)?.[1].match(/\bname:/g) ?? [];
    expect(processes.length).toBe(declared.length); // every entry was read
    expect(distributedApps.slice().sort()).toEqual(processes.map((p) => p.name).sort());
    for (const { name, main } of processes) {
      if (services[name]) expect({ name, main: appImage(name, services[name]).main }).toEqual({ name, main });
    }
  });

  it('uses apache/kafka 4.x at the version of the local broker (infra/kafka/pom.xml)', () => {
    const pomVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readRepoFile('infra/kafka/pom.xml'))?.[1];
    expect(services.kafka.image).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    expect(services.kafka.image).toBe(`apache/kafka:${pomVersion}`);
  });

  it('uses the official KurrentDB, MongoDB 7 or 8 and PostgreSQL 15 or later images', () => {
    expect(services.kurrentdb.image).toMatch(
      /^(docker\.kurrent\.io\/kurrent-latest\/kurrentdb|kurrentplatform\/kurrentdb):\d+\.\d+(\.\d+)?$/,
    );
    expect(services.mongo.image).toMatch(/^mongo:[78](\.\d+)*$/);
    const pg = /^postgres:(\d+)/.exec(services.postgres.image ?? '');
    expect(Number(pg?.[1])).toBeGreaterThanOrEqual(15);
  });

  it('runs Kafka in KRaft mode, one node as broker and controller', () => {
    const env = environmentOf(services.kafka);
    expect(env.KAFKA_PROCESS_ROLES?.split(',').sort()).toEqual(['broker', 'controller']);
    const controller = env.KAFKA_CONTROLLER_LISTENER_NAMES;
    const controllerPort = (env.KAFKA_LISTENERS ?? '')
      .split(',')
      .find((l) => l.startsWith(`${controller}://`))
      ?.split(':')
      .pop();
    expect(controllerPort).toMatch(/^\d+$/);
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(`${env.KAFKA_NODE_ID}@kafka:${controllerPort}`);
    expect(env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP).toContain(`${controller}:`);
  });

  it('gives every internal Kafka topic one replica', () => {
    const env = environmentOf(services.kafka);
    expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    const wrong = Object.entries(env).filter(
      ([k, v]) => (/REPLICATION_FACTOR$/.test(k) && v !== '1') || (/MIN_ISR$/.test(k) && Number(v) > 1),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps KurrentDB behind the `kurrentdb` profile: PostgreSQL is the default event store', () => {
    expect(services.kurrentdb.profiles).toEqual(['kurrentdb']);
    for (const name of distributedApps) {
      expect({
        name,
        kind: parseEventStoreUrl('EVENT_STORE_URL', containerEnv(name, services[name]).EVENT_STORE_URL ?? '', REPO_ROOT)
          .kind,
      }).toEqual({ name, kind: 'postgres' });
    }
  });

  it('restarts every service and keeps every data folder in a named volume', () => {
    const problems: string[] = [];
    const dataDirs: Record<string, string | undefined> = {
      kafka: environmentOf(services.kafka).KAFKA_LOG_DIRS,
      postgres: environmentOf(services.postgres).PGDATA ?? '/var/lib/postgresql/data',
      mongo: '/data/db',
      kurrentdb: '/var/lib/kurrentdb',
      embedded: services.embedded ? environmentOf(services.embedded).DATA_DIR : undefined,
    };
    for (const [name, service] of Object.entries(services)) {
      if (!['always', 'unless-stopped', 'on-failure'].includes(service.restart ?? ''))
        problems.push(`${name}: restart is ${service.restart}`);
      const mounts = (service.volumes ?? []).map(parseVolume);
      for (const mount of mounts) {
        if (mount.source && !/^[./~]/.test(mount.source) && !(compose.volumes && mount.source in compose.volumes)) {
          problems.push(`${name}: volume ${mount.source} is not declared under top-level volumes`);
        }
      }
      const dir = dataDirs[name];
      if (name in dataDirs) {
        const mount = mounts.find((m) => m.target === dir);
        if (!dir || !mount?.source || !compose.volumes || !(mount.source in compose.volumes))
          problems.push(`${name}: no named volume at its data folder ${dir}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every infrastructure service a health check', () => {
    for (const name of ['kafka', 'postgres', 'mongo', 'kurrentdb']) {
      const test = services[name].healthcheck?.test;
      expect({ name, test: Array.isArray(test) && test.length > 1 && test[0] !== 'NONE' }).toEqual({
        name,
        test: true,
      });
    }
  });
});

describe.each(appServices)('docker-compose.yml: the %s image', (name) => {
  const service = services[name];

  it('is built from a multi-stage Dockerfile in the repository, from the repository root', () => {
    const build = buildOf(service);
    expect(build?.context).toBe('.');
    expect(build?.dockerfile).toMatch(/^infra\/docker\/.+/);
    expect(existsSync(repoPath(dockerfilePath(build ?? {})))).toBe(true);
    const { stages, final } = appImage(name, service);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    // The runtime stage copies build output; it does not compile.
    expect(effectiveInstruction(stages, final, 'COPY')).toMatch(/--from=/);
    expect(existsSync(repoPath('.dockerignore'))).toBe(true);
    const ignored = readRepoFile('.dockerignore')
      .split(/\r?\n/)
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.env']));
  });

  it('runs as a user other than root', () => {
    const { stages, final } = appImage(name, service);
    const user = effectiveInstruction(stages, final, 'USER');
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('runs `node <main>` of a workspace that `npm run build` compiles', () => {
    const { main } = appImage(name, service);
    expect(main).toMatch(/^(services|apps)\/[a-z0-9-]+\/dist\/main\.js$/);
    const workspace = (main ?? '').replace(/\/dist\/main\.js$/, '');
    // The source of the entry point exists, and the build (tsconfig.build.json) includes its project.
    expect({ workspace, source: existsSync(repoPath(workspace, 'src', 'main.ts')) }).toEqual({
      workspace,
      source: true,
    });
    const references = (
      JSON.parse(readRepoFile('tsconfig.build.json')) as { references: { path: string }[] }
    ).references.map((r) => r.path);
    expect(references).toContain(`${workspace}/tsconfig.lib.json`);
    // `npm run build` compiles every project of tsconfig.build.json first (then the web app's bundle).
    expect(JSON.parse(readRepoFile('package.json')).scripts.build).toMatch(/^tsc -b tsconfig\.build\.json(?: && .+)?$/);
  });

  it('ships the registry’s reference data when it runs the registry', () => {
    if (name === 'gateway') return;
    const build = buildOf(service) ?? {};
    expect(existsSync(repoPath('services/household-registry/reference'))).toBe(true);
    expect(readRepoFile(dockerfilePath(build))).toMatch(/\bservices\/household-registry\/reference\b/);
  });

  it('is checked for readiness on /health/ready with node (the image has no curl)', () => {
    const test = service.healthcheck?.test;
    expect(Array.isArray(test)).toBe(true);
    expect((test as string[]).slice(0, 2)).toEqual(['CMD', 'node']);
    expect((test as string[]).join(' ')).toContain('/health/ready');
  });

  it('takes every secret from the user’s environment (.env), none written down', () => {
    const secret = /(SALT|SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY)/;
    const problems: string[] = [];
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (secret.test(key) && !new RegExp(`^\\$\\{${key}:?\\?[^}]*\\}$`).test(value))
        problems.push(`${key} is not \${${key}:?…}`);
      const password = /^[a-z+]+:\/\/[^:/@]*:([^@/]*)@/i.exec(value)?.[1];
      if (password !== undefined && !/^\$\{[A-Z_]+:?\?[^}]*\}$/.test(password))
        problems.push(`${key} has a password written in it`);
    }
    const { stages, final } = appImage(name, service);
    for (const stage of stages) {
      for (const { keyword, args } of stage.instructions) {
        if ((keyword === 'ENV' || keyword === 'ARG') && secret.test(args))
          problems.push(`Dockerfile stage ${stage.name ?? stage.index}: ${keyword} ${args}`);
      }
    }
    expect(final).toBeDefined();
    expect(problems).toEqual([]);
    // The salt the registry needs (the embedded process runs the registry too) comes from .env, and
    // the assistance service's (warnings name a person by the registry's hash);
    // the gateway and the inspection never see a resident ID number, so they get none.
    if (name === 'household-registry' || name === 'embedded' || name === 'assistance') {
      const env = environmentOf(service);
      expect(env.RESIDENT_ID_SALT ?? '').toMatch(/^\$\{RESIDENT_ID_SALT:\?[^}]+\}$/);
      expect(() => interpolate(env.RESIDENT_ID_SALT, {})).toThrow(/RESIDENT_ID_SALT/);
    }
  });
});

describe.each(distributedApps)('docker-compose.yml: the %s service (distributed mode)', (name) => {
  const service = services[name];

  it('has EVENT_STORE_URL, READ_STORE_URL and BUS_URL that the runtime accepts as the distributed mode', () => {
    const env = containerEnv(name, service);
    for (const variable of STORE_VARIABLES)
      expect({ variable, set: env[variable] !== undefined }).toEqual({ variable, set: true });
    const config = loadRuntimeConfig(env, REPO_ROOT);
    expect(config.mode).toBe('distributed');
    expect(config.host).toBe('0.0.0.0');
  });

  it('gives the private access-token key to the gateway only, and every other service the public one', () => {
    const env = environmentOf(service);
    if (name === 'gateway') {
      expect(env.ACCESS_TOKEN_SIGNING_KEY).toMatch(/^\$\{ACCESS_TOKEN_SIGNING_KEY:\?[^}]+\}$/);
    } else {
      expect(env.ACCESS_TOKEN_SIGNING_KEY).toBeUndefined();
      expect(env.ACCESS_TOKEN_VERIFY_KEY).toMatch(/^\$\{ACCESS_TOKEN_VERIFY_KEY:\?[^}]+\}$/);
    }
    const keys = loadRuntimeConfig(containerEnv(name, service), REPO_ROOT).accessTokens;
    expect(keys.kind).toBe('configured');
    expect(keys.kind === 'configured' && keys.signing !== undefined).toBe(name === 'gateway');
  });

  it('points every URL at a compose service, at the port that service listens on', () => {
    const { targets, problems } = urlTargets(compose, name);
    expect(problems).toEqual([]);
    expect([...targets]).toEqual(expect.arrayContaining(['postgres', 'mongo', 'kafka']));
  });

  it('starts only after every service its URLs point at is healthy', () => {
    const { targets } = urlTargets(compose, name);
    const dependsOn = service.depends_on;
    expect(Array.isArray(dependsOn)).toBe(false); // the list form cannot wait for health
    const missing = [...targets].filter(
      (t) => (dependsOn as Record<string, { condition?: string }> | undefined)?.[t]?.condition !== 'service_healthy',
    );
    expect(missing).toEqual([]);
    for (const target of targets)
      expect({ target, healthcheck: services[target].healthcheck !== undefined }).toEqual({
        target,
        healthcheck: true,
      });
  });
});

describe('docker-compose.yml: the one HTTP entry point', () => {
  it('publishes the gateway’s port 3000 on the host', () => {
    const env = containerEnv('gateway', services.gateway);
    expect(env.PORT).toBe('3000');
    const ports = (services.gateway.ports ?? []).map(parsePort);
    expect(ports).toEqual(expect.arrayContaining([expect.objectContaining({ target: 3000, published: '3000' })]));
  });

  it('publishes no other service of the distributed mode', () => {
    const published = Object.entries(services)
      .filter(([n, s]) => n !== 'gateway' && !(s.profiles ?? []).length && (s.ports ?? []).length > 0)
      .map(([n]) => n);
    expect(published).toEqual([]);
  });

  it('proxies the registry through REGISTRY_URL to the household-registry service', () => {
    expect(containerEnv('gateway', services.gateway).REGISTRY_URL).toBeDefined();
    const { targets } = urlTargets(compose, 'gateway');
    expect(targets.has('household-registry')).toBe(true);
  });
});

describe('docker-compose.yml: the embedded profile', () => {
  it('runs the single process on SQLite and the in-process bus, with nothing to wait for', () => {
    const embedded = services.embedded;
    expect(embedded?.profiles).toEqual(['embedded']);
    const config = loadRuntimeConfig(containerEnv('embedded', embedded), REPO_ROOT);
    expect(config.mode).toBe('embedded');
    expect(config.dataDir).toBe('/data');
    expect(embedded.depends_on).toBeUndefined();
    expect(appImage('embedded', embedded).main).toBe('apps/embedded/dist/main.js');
  });

  it('is what `npm start` runs', () => {
    const start = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')).scripts.start as string;
    expect(start).toContain(`node ${appImage('embedded', services.embedded).main}`);
  });
});

describe('infra/docker/compose.kurrentdb.yml: KurrentDB instead of PostgreSQL', () => {
  const merged = mergeCompose(compose, readCompose(KURRENTDB_OVERRIDE));

  it.each(distributedApps)('points %s’s EVENT_STORE_URL at the kurrentdb service and waits for it', (name) => {
    const env = containerEnv(name, merged.services[name]);
    expect(parseEventStoreUrl('EVENT_STORE_URL', env.EVENT_STORE_URL, REPO_ROOT).kind).toBe('kurrentdb');
    const { targets, problems } = urlTargets(merged, name);
    expect(problems).toEqual([]);
    expect(targets.has('kurrentdb')).toBe(true);
    const dependsOn = merged.services[name].depends_on as Record<string, { condition?: string }>;
    expect(dependsOn.kurrentdb?.condition).toBe('service_healthy');
  });
});
