import { fixedOffsetClock, type Clock } from '@relapse-watch/domain-kernel';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseAuditSealConfig, type AuditSealConfig } from './audit-seal.config';
import { parseAccessTokenKeys, type AccessTokenKeyConfig } from './access-token.config';
import { ConfigError, maskValue } from './config.errors';
import { parseCorsOrigins } from './cors.config';
import { parsePersonalDataConfig, type PersonalDataConfig } from './personal-data.config';
import {
  parseBusUrl,
  parseEventStoreUrl,
  parseReadStoreUrl,
  sqliteUrl,
  type BusTarget,
  type EventStoreTarget,
  type ReadStoreTarget,
} from './store-url.config';

/** Injection token of the {@link RuntimeConfig} the service was started with. */
export const RUNTIME_CONFIG = Symbol.for('relapse-watch.runtime-config');

/** pino's levels; `silent` turns logging off (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * `embedded`: SQLite files and the in-process bus, one process, nothing else installed.
 * `distributed`: at least one server-backed adapter (PostgreSQL, KurrentDB, Kafka, MongoDB).
 */
export type RuntimeMode = 'embedded' | 'distributed';

/** Everything a service reads from its environment, checked once at start-up. */
export interface RuntimeConfig {
  /** TCP port to listen on; 0 lets the OS choose a free one (tests, side-by-side runs). */
  readonly port: number;
  /**
   * Interface to listen on. Defaults to 127.0.0.1: every route needs a signed-in caller, but the
   * API speaks plain HTTP, so it faces the network only when an operator says so (HOST=0.0.0.0
   * behind a proxy that terminates TLS).
   */
  readonly host: string;
  /** Absolute folder of the embedded mode's files. */
  readonly dataDir: string;
  readonly eventStore: EventStoreTarget;
  readonly readStore: ReadStoreTarget;
  readonly bus: BusTarget;
  readonly logLevel: LogLevel;
  /** How long in-flight requests may run on after a shutdown signal before their connections are cut. */
  readonly shutdownTimeoutMs: number;
  /**
   * Offset of the officials' time zone from UTC in minutes, from `TIME_ZONE_OFFSET` (`+08:00`,
   * China Standard Time, by default): what "today" means for a command. The one place it is set.
   */
  readonly utcOffsetMinutes: number;
  /**
   * The instant the service's clock starts from (`CLOCK_START`, RFC 3339 with a zone, e.g.
   * `2026-12-07T10:00:00+08:00`); it then runs on in real time. For a training environment or an
   * end-to-end test that replays a dated scenario (deadlines, "today" of every command, the
   * calendar's years); null — the real time — everywhere else.
   */
  readonly clockStart: Date | null;
  readonly mode: RuntimeMode;
  /** The keys access tokens are signed and verified with (`ACCESS_TOKEN_SIGNING_KEY`, `ACCESS_TOKEN_VERIFY_KEY`). */
  readonly accessTokens: AccessTokenKeyConfig;
  /**
   * Browser origins allowed to call the API across origins (`CORS_ORIGINS`, comma-separated);
   * empty by default: no CORS headers, preflights refused.
   */
  readonly corsOrigins: readonly string[];
  /** Where households' data keys are kept and what wraps them (`KEY_STORE_URL`, `MASTER_KEYS`). */
  readonly personalData: PersonalDataConfig;
  /** The keys and intervals of the seals over the log (`AUDIT_SEAL_KEY`, `AUDIT_SEAL_INTERVAL_EVENTS`, `AUDIT_SEAL_INTERVAL_MS`). */
  readonly auditSeal: AuditSealConfig;
}

/** Value used when `TIME_ZONE_OFFSET` is not set: China Standard Time, UTC+8 all year. */
export const DEFAULT_TIME_ZONE_OFFSET = '+08:00';

/** Value used when `SHUTDOWN_TIMEOUT_MS` is not set: well inside Kubernetes' default 30 s grace period. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Reads and checks the service configuration. This is the only place in a service that reads
 * `process.env`. A variable set to the empty string counts as unset (env files often carry
 * `NAME=` lines).
 *
 * @param env the environment; `process.env` by default, a plain object in tests.
 * @param cwd folder that relative paths (DATA_DIR, `sqlite:` URLs) are taken from.
 * @throws {@link ConfigError} naming the first variable at fault.
 */
export function loadRuntimeConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): RuntimeConfig {
  const config = loadCommandLineConfig(env, cwd);
  return { ...config, accessTokens: parseAccessTokenKeys(reader(env), config.mode === 'embedded', config.dataDir) };
}

/** What a command-line tool reads of the service configuration: everything but the access-token keys. */
export type CommandLineConfig = Omit<RuntimeConfig, 'accessTokens'>;

/**
 * The service configuration as a command-line tool next to a server reads it (the registry CLI:
 * the stores, the time zone, the mode), checked as {@link loadRuntimeConfig} checks it. The tool
 * serves no HTTP and mints no token, so it needs no access-token keys, and a distributed
 * deployment's operator need not hand it the gateway's.
 * @throws {@link ConfigError} naming the first variable at fault.
 */
export function loadCommandLineConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): CommandLineConfig {
  const read = reader(env);
  const port = integer('PORT', read('PORT'), 3000, 0, 65535, '0–65535');
  const host = parseHost(read('HOST') ?? '127.0.0.1');
  const dataDir = parseDataDir(read('DATA_DIR') ?? './data', cwd);
  const eventStore = parseEventStoreUrl(
    'EVENT_STORE_URL',
    read('EVENT_STORE_URL') ?? sqliteUrl(join(dataDir, 'events.db')),
    cwd,
  );
  const readStore = parseReadStoreUrl(
    'READ_STORE_URL',
    read('READ_STORE_URL') ?? sqliteUrl(join(dataDir, 'read.db')),
    cwd,
  );
  const bus = parseBusUrl('BUS_URL', read('BUS_URL') ?? 'inproc:');
  const logLevel = parseLogLevel(read('LOG_LEVEL') ?? 'info');
  const shutdownTimeoutMs = integer(
    'SHUTDOWN_TIMEOUT_MS',
    read('SHUTDOWN_TIMEOUT_MS'),
    DEFAULT_SHUTDOWN_TIMEOUT_MS,
    0,
    600_000,
    '0–600000',
  );
  const utcOffsetMinutes = parseUtcOffset(read('TIME_ZONE_OFFSET') ?? DEFAULT_TIME_ZONE_OFFSET);
  const clockStart = parseClockStart(read('CLOCK_START'));
  const embedded = eventStore.kind === 'sqlite' && readStore.kind === 'sqlite' && bus.kind === 'inproc';
  return {
    port,
    host,
    dataDir,
    eventStore,
    readStore,
    bus,
    logLevel,
    shutdownTimeoutMs,
    utcOffsetMinutes,
    clockStart,
    mode: embedded ? 'embedded' : 'distributed',
    corsOrigins: parseCorsOrigins(read('CORS_ORIGINS')),
    personalData: parsePersonalDataConfig(read, embedded, dataDir, cwd),
    auditSeal: parseAuditSealConfig(read, embedded, dataDir),
  };
}

const INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseClockStart(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const instant = INSTANT_WITH_ZONE.test(value) ? new Date(value) : null;
  if (instant === null || Number.isNaN(instant.getTime()))
    throw new ConfigError(
      'CLOCK_START',
      '须为带时区的时刻，如 2026-12-07T10:00:00+08:00 / must be an instant with its zone, e.g. 2026-12-07T10:00:00+08:00',
      value,
    );
  return instant;
}

/**
 * The one clock a service's use cases read: the officials' time zone, and the real time or, with
 * `CLOCK_START`, the real time shifted so that the service started at that instant.
 */
export function runtimeClock(config: Pick<RuntimeConfig, 'utcOffsetMinutes' | 'clockStart'>): Clock {
  if (config.clockStart === null) return fixedOffsetClock(config.utcOffsetMinutes);
  const shift = config.clockStart.getTime() - Date.now();
  return fixedOffsetClock(config.utcOffsetMinutes, () => new Date(Date.now() + shift));
}

// A variable set to the empty string counts as unset (env files often carry `NAME=` lines).
function reader(env: Readonly<Record<string, string | undefined>>): (name: string) => string | undefined {
  return (name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
}

/**
 * Test-only: the folder named by `RELAPSE_WATCH_TEST_LOG_DIR`, set by `npm test`
 * (tools/run-tests.mjs) so that every log line of the run is also written there and scanned
 * for personal data at the end. It belongs to the process, not to one service's settings:
 * it is read from `process.env` even where a spec builds a service's configuration from an
 * object of its own, and processes a spec spawns inherit it. Never set it in production.
 */
export function testLogCaptureDir(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = env[TEST_LOG_DIR_VARIABLE]?.trim();
  return value === undefined || value === '' ? undefined : resolve(value);
}

/** The variable of {@link testLogCaptureDir}. */
export const TEST_LOG_DIR_VARIABLE = 'RELAPSE_WATCH_TEST_LOG_DIR';

function integer(
  variable: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  range: string,
): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigError(variable, `必须是 ${range} 之间的整数 / must be an integer ${range}`, maskValue(value));
  }
  return n;
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parseHost(value: string): string {
  if (isIP(value) === 0 && !HOSTNAME.test(value)) {
    throw new ConfigError('HOST', '必须是 IP 地址或主机名 / must be an IP address or a host name', maskValue(value));
  }
  return value;
}

function parseDataDir(value: string, cwd: string): string {
  if (value.includes('\0')) throw new ConfigError('DATA_DIR', '不是有效的路径 / is not a valid path', maskValue(value));
  return resolve(cwd, value);
}

// ±HH:MM as ISO 8601 writes it; real offsets run from -12:00 to +14:00.
function parseUtcOffset(value: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(value);
  const minutes = match === null ? NaN : Number(match[2]) * 60 + Number(match[3]);
  const signed = match?.[1] === '-' ? -minutes : minutes;
  if (match === null || Number(match[3]) > 59 || signed < -12 * 60 || signed > 14 * 60) {
    throw new ConfigError(
      'TIME_ZONE_OFFSET',
      '必须是 -12:00 到 +14:00 之间的 ±HH:MM / must be ±HH:MM between -12:00 and +14:00',
      maskValue(value),
    );
  }
  return signed;
}

function parseLogLevel(value: string): LogLevel {
  const level = value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `必须是 ${LOG_LEVELS.join('|')} 之一 / must be one of ${LOG_LEVELS.join('|')}`,
      maskValue(value),
    );
  }
  return level as LogLevel;
}
