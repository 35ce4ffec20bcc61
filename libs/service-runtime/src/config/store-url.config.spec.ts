import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config.errors';
import { parseBusUrl, parseEventStoreUrl, parseReadStoreUrl } from './store-url.config';

const cwd = '/srv/relapse-watch';

function refusal(parse: () => unknown): ConfigError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('EVENT_STORE_URL', () => {
  it.each([
    ['postgres://rw:pw@db:5432/relapsewatch', 'postgres://rw:pw@db:5432/relapsewatch', 'event_store'],
    ['postgresql://db/rw?schema=gateway_es', 'postgresql://db/rw', 'gateway_es'],
    ['postgres://db/rw?sslmode=require&schema=s1', 'postgres://db/rw?sslmode=require', 's1'],
  ])('%s → PostgreSQL, schema taken out of the connection string', (url, connectionString, schema) => {
    expect(parseEventStoreUrl('EVENT_STORE_URL', url, cwd)).toEqual({
      kind: 'postgres',
      url,
      connectionString,
      schema,
    });
  });

  it('keeps kurrentdb:// and sqlite: as they were', () => {
    expect(parseEventStoreUrl('EVENT_STORE_URL', 'esdb://es:2113?tls=false', cwd).kind).toBe('kurrentdb');
    expect(parseEventStoreUrl('EVENT_STORE_URL', 'sqlite:e.db', cwd)).toEqual({
      kind: 'sqlite',
      url: 'sqlite:e.db',
      path: '/srv/relapse-watch/e.db',
    });
  });

  it.each([
    ['postgres://', 'must name a host'],
    ['postgres://db/rw?schema=Bad-Name', 'schema parameter'],
    ['postgres://db/rw?schema=', 'schema parameter'],
    ['postgres://db/rw?schema=a;drop', 'schema parameter'],
    ['postgres://db:99999/rw', 'not a valid URL'],
    ['kurrentdb://', 'must name a host'],
  ])('refuses %s (%s)', (url, problem) => {
    const error = refusal(() => parseEventStoreUrl('EVENT_STORE_URL', url, cwd));
    expect(error.variable).toBe('EVENT_STORE_URL');
    expect(error.message).toContain(problem);
    expect(error.message).not.toContain('\n');
  });
});

describe('READ_STORE_URL', () => {
  it.each([
    ['mongodb://127.0.0.1:27018/relapsewatch', 'relapsewatch'],
    ['mongodb://rw:pw@m1:27017,m2:27017/rw_reads?replicaSet=rs0', 'rw_reads'],
    ['mongodb+srv://cluster.example.com/rw', 'rw'],
  ])('%s → MongoDB, database %s', (url, database) => {
    expect(parseReadStoreUrl('READ_STORE_URL', url, cwd)).toEqual({ kind: 'mongodb', url, database });
  });

  it.each([
    ['mongodb://mongo:27017', 'must name a database'],
    ['mongodb://mongo:27017/', 'must name a database'],
    ['mongodb://mongo/a.b', 'must name a database'],
    ['mongodb://mongo/%E0', 'must name a database'],
    ['mongodb:///rw', 'not a valid URL'],
    ['mongodb:mongo/rw', 'not a valid URL'],
  ])('refuses %s (%s)', (url, problem) => {
    const error = refusal(() => parseReadStoreUrl('READ_STORE_URL', url, cwd));
    expect(error.variable).toBe('READ_STORE_URL');
    expect(error.message).toContain(problem);
  });
});

describe('BUS_URL', () => {
  it.each([
    ['kafka://127.0.0.1:19092', ['127.0.0.1:19092']],
    ['kafka://k1:9092,k2:9093/', ['k1:9092', 'k2:9093']],
    ['kafka://[::1]:9092', ['[::1]:9092']],
  ])('%s → Kafka brokers %j', (url, brokers) => {
    expect(parseBusUrl('BUS_URL', url)).toEqual({ kind: 'kafka', url, brokers, client: 'platformatic' });
  });

  it.each([
    ['kafka://k1:9092?client=platformatic', 'platformatic'],
    ['kafka://k1:9092?client=kafkajs', 'kafkajs'],
  ])('%s picks the %s client', (url, client) => {
    expect(parseBusUrl('BUS_URL', url)).toMatchObject({ kind: 'kafka', brokers: ['k1:9092'], client });
  });

  it.each(['kafka://k1:9092?client=rdkafka', 'kafka://k1:9092?acks=1'])('refuses the parameter in %s', (url) => {
    expect(() => parseBusUrl('BUS_URL', url)).toThrow('takes only ?client=kafkajs or ?client=platformatic');
  });

  it.each([
    'kafka://',
    'kafka://broker',
    'kafka://k1:9092,',
    'kafka://k1:70000',
    'kafka:k1:9092',
    'kafka://k1:9092/topic',
  ])('refuses %s', (url) => {
    const error = refusal(() => parseBusUrl('BUS_URL', url));
    expect(error.variable).toBe('BUS_URL');
    expect(error.message).toContain('must be kafka://host:port[,host:port…]');
  });
});
