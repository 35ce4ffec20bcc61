import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { adminTestToken, serviceUrl } from '@relapse-watch/testing';
import { startGateway } from './gateway-process.fixture';

// The gateway in distributed mode on the real PostgreSQL, FerretDB and Kafka that
// jest.global-setup.ts starts, each run on a schema and database of its own.
const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function distributedEnv(): Record<string, string> {
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-gateway-distributed-'));
  dataDirs.push(dataDir);
  const mongo = new URL(serviceUrl('MONGODB_URL'));
  mongo.pathname = `/gateway_spec_${id}`;
  return {
    PORT: '0',
    DATA_DIR: dataDir,
    EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=gateway_spec_${id}`,
    READ_STORE_URL: mongo.toString(),
    BUS_URL: serviceUrl('KAFKA_URL'),
  };
}

describe('the gateway process in distributed mode', () => {
  it('serves on PostgreSQL, MongoDB and Kafka, is ready on all three, and exits 0 on SIGTERM', async () => {
    const env = distributedEnv();
    const gateway = startGateway(env);
    const started = await gateway.line((l) => typeof l['url'] === 'string');
    expect(started).toMatchObject({
      mode: 'distributed',
      eventStore: env['EVENT_STORE_URL'],
      readStore: env['READ_STORE_URL'],
      bus: env['BUS_URL'],
    });
    const url = started['url'] as string;

    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: {
        // The store-format marker stamped at start is the new schema's one event.
        eventStore: { status: 'up', adapter: 'postgres', headPosition: 1 },
        readStore: { status: 'up', adapter: 'mongodb' },
        bus: { status: 'up', adapter: 'kafka' },
      },
    });
    expect(
      await (
        await fetch(`${url}/api/system/info`, { headers: { authorization: `Bearer ${await adminTestToken()}` } })
      ).json(),
    ).toEqual({
      name: '@relapse-watch/gateway',
      version: '0.1.0',
      mode: 'distributed',
      eventStore: 'postgres',
      readStore: 'mongodb',
      bus: 'kafka',
      headPosition: 1,
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(gateway.stderr).toEqual([]);
    const closed = gateway.stdout
      .map((t) => String((JSON.parse(t) as Record<string, unknown>)['msg']))
      .filter((m) => m.startsWith('已关闭'));
    expect(closed).toEqual([
      // The sealer of the shared log (AUDIT_SEAL_KEY) stops with the subscribers, before the stores.
      '已关闭 / shutdown: log sealer closed',
      // The consumer of the inspection's team events (group gateway) drains before the bus closes.
      '已关闭 / shutdown: bus transport (group gateway) closed',
      '已关闭 / shutdown: bus closed',
      '已关闭 / shutdown: read store closed',
      '已关闭 / shutdown: event store closed',
      // After the event store, whose sealing reads needed it to the end.
      '已关闭 / shutdown: key store closed',
    ]);
  });

  it.each([
    ['EVENT_STORE_URL', 'postgres://postgres:topsecret@127.0.0.1:1/relapsewatch'],
    ['READ_STORE_URL', 'mongodb://rw:topsecret@127.0.0.1:1/relapsewatch'],
    ['BUS_URL', 'kafka://127.0.0.1:1'],
  ])(
    'refuses an unreachable %s: exit code 1, one stderr line naming it, password masked',
    async (variable, unreachable) => {
      const gateway = startGateway({ ...distributedEnv(), [variable]: unreachable });
      expect((await gateway.exited).code).toBe(1);
      expect(gateway.stderr).toHaveLength(1);
      expect(gateway.stderr[0]).toMatch(
        new RegExp(`^配置错误 / configuration error: ${variable} 无法连接 / cannot be reached: .+ \\(got "`),
      );
      expect(gateway.stderr[0]).not.toContain('topsecret');
      expect(gateway.stdout.some((l) => l.includes('started'))).toBe(false);
    },
  );

  it('refuses a malformed URL before connecting to anything', async () => {
    const gateway = startGateway({ ...distributedEnv(), READ_STORE_URL: 'mongodb://127.0.0.1:27018' });
    expect((await gateway.exited).code).toBe(1);
    expect(gateway.stderr).toEqual([
      '配置错误 / configuration error: READ_STORE_URL 应为 mongodb://主机:端口/数据库 / must name a database: mongodb://host:port/database (got "mongodb://127.0.0.1:27018")',
    ]);
  });
});
