import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { TEST_ACCESS_TOKEN_ENV, TEST_AUDIT_SEAL_KEY, TEST_MASTER_KEYS } from '@relapse-watch/testing';
import { checkAdaptersAvailable } from './adapter-availability.config';
import { ConfigError } from './config.errors';
import { loadCommandLineConfig, loadRuntimeConfig, runtimeClock } from './runtime.config';
import { openRuntimeAdapters } from './runtime-adapters.config';

const cwd = '/srv/relapse-watch';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadRuntimeConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no ConfigError for ${JSON.stringify(env)}`);
}

describe('loadRuntimeConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    expect(loadRuntimeConfig({}, cwd)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/relapse-watch/data',
      eventStore: {
        kind: 'sqlite',
        url: 'sqlite:/srv/relapse-watch/data/events.db',
        path: '/srv/relapse-watch/data/events.db',
      },
      readStore: {
        kind: 'sqlite',
        url: 'sqlite:/srv/relapse-watch/data/read.db',
        path: '/srv/relapse-watch/data/read.db',
      },
      bus: { kind: 'inproc', url: 'inproc:' },
      logLevel: 'info',
      shutdownTimeoutMs: 10_000,
      utcOffsetMinutes: 480,
      clockStart: null,
      mode: 'embedded',
      accessTokens: { kind: 'generated', file: '/srv/relapse-watch/data/access-token-signing-key.json' },
      corsOrigins: [],
      personalData: {
        keyStore: {
          kind: 'sqlite',
          url: 'sqlite:/srv/relapse-watch/data/keys.db',
          path: '/srv/relapse-watch/data/keys.db',
        },
        masterKeys: { kind: 'generated', file: '/srv/relapse-watch/data/master-keys' },
      },
      auditSeal: {
        key: { kind: 'generated', file: '/srv/relapse-watch/data/audit-seal-key' },
        intervalEvents: 10_000,
        intervalMs: 60_000,
      },
    });
  });

  it('derives the store files from DATA_DIR and treats empty variables as unset', () => {
    const config = loadRuntimeConfig({ DATA_DIR: 'var/rw', PORT: '', HOST: '  ' }, cwd);
    expect(config.dataDir).toBe('/srv/relapse-watch/var/rw');
    expect(config.eventStore).toMatchObject({ kind: 'sqlite', path: '/srv/relapse-watch/var/rw/events.db' });
    expect(config.readStore).toMatchObject({ kind: 'sqlite', path: '/srv/relapse-watch/var/rw/read.db' });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
  });

  it('reads every variable', () => {
    const config = loadRuntimeConfig(
      {
        PORT: '0',
        HOST: '::1',
        EVENT_STORE_URL: 'sqlite:relative/e.db',
        READ_STORE_URL: 'sqlite:///abs/r.db',
        LOG_LEVEL: 'DEBUG',
        SHUTDOWN_TIMEOUT_MS: '2500',
      },
      cwd,
    );
    expect(config).toMatchObject({
      port: 0,
      host: '::1',
      eventStore: { kind: 'sqlite', path: '/srv/relapse-watch/relative/e.db' },
      readStore: { kind: 'sqlite', path: '/abs/r.db' },
      logLevel: 'debug',
      shutdownTimeoutMs: 2500,
      mode: 'embedded',
    });
  });

  it('parses the distributed adapters and calls the mode distributed', () => {
    const config = loadRuntimeConfig(
      {
        EVENT_STORE_URL: 'postgres://rw:s3cret@db.internal:5432/relapsewatch',
        READ_STORE_URL: 'mongodb://mongo.internal:27017/rw',
        BUS_URL: 'kafka://k1.internal:9092,k2.internal:9092',
        ...TEST_ACCESS_TOKEN_ENV,
      },
      cwd,
    );
    expect(config.eventStore).toEqual({
      kind: 'postgres',
      url: 'postgres://rw:s3cret@db.internal:5432/relapsewatch',
      connectionString: 'postgres://rw:s3cret@db.internal:5432/relapsewatch',
      schema: 'event_store',
    });
    expect(config.readStore).toEqual({ kind: 'mongodb', url: 'mongodb://mongo.internal:27017/rw', database: 'rw' });
    expect(config.bus).toEqual({
      kind: 'kafka',
      url: 'kafka://k1.internal:9092,k2.internal:9092',
      brokers: ['k1.internal:9092', 'k2.internal:9092'],
      client: 'platformatic',
    });
    expect(config.mode).toBe('distributed');
    expect(
      loadRuntimeConfig({ EVENT_STORE_URL: 'kurrentdb://es.internal:2113?tls=false', ...TEST_ACCESS_TOKEN_ENV }, cwd)
        .eventStore.kind,
    ).toBe('kurrentdb');
  });

  it('gives a command-line tool the distributed stores without the access-token keys a server must have', () => {
    const env = {
      EVENT_STORE_URL: 'postgres://rw@db.internal:5432/relapsewatch',
      READ_STORE_URL: 'mongodb://m/rw',
      MASTER_KEYS: TEST_MASTER_KEYS,
      AUDIT_SEAL_KEY: TEST_AUDIT_SEAL_KEY,
    };
    expect(configError(env).variable).toBe('ACCESS_TOKEN_VERIFY_KEY');
    const config = loadCommandLineConfig(env, cwd);
    expect(config).toMatchObject({ mode: 'distributed', eventStore: { kind: 'postgres' } });
    expect(config).not.toHaveProperty('accessTokens');
    expect(() => loadCommandLineConfig({ ...env, PORT: 'abc' }, cwd)).toThrow(ConfigError);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['HOST', 'not a host'],
    ['HOST', 'exa_mple.com'],
    ['DATA_DIR', 'a\0b'],
    ['EVENT_STORE_URL', 'mysql://db/rw'],
    ['EVENT_STORE_URL', 'events.db'],
    ['EVENT_STORE_URL', 'sqlite:'],
    ['EVENT_STORE_URL', 'postgres://'],
    ['READ_STORE_URL', 'redis://cache'],
    ['BUS_URL', 'kafka://'],
    ['BUS_URL', 'kafka://broker'],
    ['BUS_URL', 'inproc:extra'],
    ['BUS_URL', 'amqp://mq'],
    ['LOG_LEVEL', 'loud'],
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
    ['SHUTDOWN_TIMEOUT_MS', '600001'],
    ['TIME_ZONE_OFFSET', '8'],
    ['TIME_ZONE_OFFSET', '+8:00'],
    ['TIME_ZONE_OFFSET', '+08:60'],
    ['TIME_ZONE_OFFSET', '+14:30'],
    ['TIME_ZONE_OFFSET', '-12:01'],
    ['TIME_ZONE_OFFSET', 'Asia/Shanghai'],
    ['CLOCK_START', '2026-12-07'],
    ['CLOCK_START', '2026-12-07T10:00:00'],
    ['CLOCK_START', '2026-13-07T10:00:00Z'],
    ['CLOCK_START', 'yesterday'],
  ])('refuses %s=%j with one line naming the variable', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`配置错误 / configuration error: ${variable} `)).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.message).toContain(' / ');
  });

  it.each([
    ['+08:00', 480],
    ['+05:45', 345],
    ['-03:30', -210],
    ['+00:00', 0],
    ['+14:00', 840],
    ['-12:00', -720],
  ])('reads TIME_ZONE_OFFSET=%s as %i minutes east of UTC', (value, minutes) => {
    expect(loadRuntimeConfig({ TIME_ZONE_OFFSET: value }, cwd).utcOffsetMinutes).toBe(minutes);
  });

  it('runs the real clock without CLOCK_START', () => {
    const config = loadRuntimeConfig({}, cwd);
    expect(config.clockStart).toBeNull();
    const before = Date.now();
    const now = runtimeClock(config).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts the clock at CLOCK_START, in the officials’ zone, and lets it run on', async () => {
    const config = loadRuntimeConfig({ CLOCK_START: '2026-12-07T23:30:00+08:00' }, cwd);
    expect(config.clockStart?.toISOString()).toBe('2026-12-07T15:30:00.000Z');
    const clock = runtimeClock(config);
    const first = clock.now();
    expect(first.getTime() - Date.parse('2026-12-07T15:30:00Z')).toBeLessThan(60_000);
    expect(clock.dateAt(first)).toBe('2026-12-07');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first.getTime());
  });

  it('prints the example message for PORT=abc', () => {
    expect(configError({ PORT: 'abc' }).message).toBe(
      '配置错误 / configuration error: PORT 必须是 0–65535 之间的整数 / must be an integer 0–65535 (got "abc")',
    );
  });

  it('masks the password of a URL and escapes control characters in the message', () => {
    const error = configError({ EVENT_STORE_URL: 'mysql://admin:hunter2@db/rw' });
    expect(error.message).toContain('mysql://admin:***@db/rw');
    expect(error.message).not.toContain('hunter2');
    expect(configError({ LOG_LEVEL: 'info\nFAKE LINE' }).message).not.toContain('\n');
  });
});

describe('KurrentDB', () => {
  it('EVENT_STORE_URL=kurrentdb:// is accepted by the availability check', () => {
    const config = loadRuntimeConfig(
      { EVENT_STORE_URL: 'kurrentdb://admin:pw@es:2113', ...TEST_ACCESS_TOKEN_ENV },
      cwd,
    );
    expect(() => checkAdaptersAvailable(config)).not.toThrow();
    expect(config.mode).toBe('distributed');
  });

  it('an unreachable KurrentDB stops start-up with one line naming EVENT_STORE_URL, password masked', async () => {
    const config = loadRuntimeConfig(
      { EVENT_STORE_URL: 'kurrentdb://admin:pw@127.0.0.1:1?tls=false', ...TEST_ACCESS_TOKEN_ENV },
      cwd,
    );
    const caught = await openRuntimeAdapters(config, {
      clientId: 'spec',
      logger: pino({ level: 'silent' }),
      timeoutMs: 3_000,
    }).catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe('EVENT_STORE_URL');
    expect((caught as ConfigError).message).not.toContain(':pw@');
    expect((caught as ConfigError).message).not.toContain('\n');
  });
});

describe('adapter availability', () => {
  it.each([
    ['embedded defaults', {}],
    [
      'PostgreSQL, MongoDB and Kafka',
      {
        EVENT_STORE_URL: 'postgres://db/rw',
        READ_STORE_URL: 'mongodb://m/rw',
        BUS_URL: 'kafka://k:9092',
        ...TEST_ACCESS_TOKEN_ENV,
      },
    ],
  ])('passes the %s', (_, env) => {
    expect(() => checkAdaptersAvailable(loadRuntimeConfig(env, cwd))).not.toThrow();
  });
});
