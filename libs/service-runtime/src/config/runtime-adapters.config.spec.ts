import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { TEST_ACCESS_TOKEN_ENV, serviceUrl } from '@relapse-watch/testing';
import { pino } from 'pino';
import { getJson, bootSpecApp } from '../testing/runtime-spec.harness';
import { ConfigError } from './config.errors';
import { loadRuntimeConfig } from './runtime.config';
import { openRuntimeAdapters } from './runtime-adapters.config';

/** URLs of the three real services, each spec on a schema and database of its own. */
function distributedEnv(): Record<string, string> {
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  const mongo = new URL(serviceUrl('MONGODB_URL'));
  mongo.pathname = `/runtime_spec_${id}`;
  return {
    EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=runtime_spec_${id}`,
    READ_STORE_URL: mongo.toString(),
    BUS_URL: serviceUrl('KAFKA_URL'),
    ...TEST_ACCESS_TOKEN_ENV,
  };
}

const silent = pino({ level: 'silent' });
const cwd = process.cwd();

describe('the runtime on PostgreSQL, MongoDB (FerretDB) and Kafka', () => {
  const disposals: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  it('opens all three before serving; readiness lists each adapter up; shutdown stops the log sealer, then closes bus then stores', async () => {
    const spec = await bootSpecApp(undefined, distributedEnv());
    disposals.push(spec.dispose);
    const res = await getJson(`${spec.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: {
        // The format marker stamped at start is the new schema's one event.
        eventStore: { status: 'up', adapter: 'postgres', headPosition: 1 },
        readStore: { status: 'up', adapter: 'mongodb' },
        bus: {
          status: 'up',
          adapter: 'kafka',
          broker: serviceUrl('KAFKA_URL').slice('kafka://'.length),
          apiKeys: expect.any(Number),
        },
      },
    });
    await spec.dispose();
    const closed = spec
      .logs()
      .map((l) => String(l['msg']))
      .filter((m) => m.startsWith('已关闭'));
    expect(closed).toEqual([
      // The sealer started on the event store (AUDIT_SEAL_KEY) stops with the subscribers, first.
      '已关闭 / shutdown: log sealer closed',
      '已关闭 / shutdown: bus closed',
      '已关闭 / shutdown: read store closed',
      '已关闭 / shutdown: event store closed',
      '已关闭 / shutdown: key store closed',
    ]);
  });

  it.each([
    [
      'EVENT_STORE_URL',
      'postgres://postgres:hunter2@127.0.0.1:1/relapsewatch',
      /cannot be reached: connect ECONNREFUSED 127\.0\.0\.1:1 \(got/,
    ],
    // The driver's own server selection or the start-up deadline, whichever ends first, gives the reason.
    [
      'READ_STORE_URL',
      'mongodb://rw:hunter2@127.0.0.1:1/relapsewatch',
      /cannot be reached: (connect ECONNREFUSED 127\.0\.0\.1:1|1\.5 秒内无应答 \/ no answer within 1\.5 s) \(got/,
    ],
    // BUS_URL is covered by the gateway's process spec: kafkajs keeps retrying a dead broker for
    // about 10 s after start-up gives up (its retries are not configurable through KafkaBus), which
    // a process exit ends but would hold this Jest run open.
  ])('refuses an unreachable %s with one line naming it, the others closed again', async (variable, url, problem) => {
    const config = loadRuntimeConfig({ ...distributedEnv(), [variable]: url }, cwd);
    const opening = openRuntimeAdapters(config, { clientId: 'runtime-spec', logger: silent, timeoutMs: 1_500 });
    const error = await opening.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(problem);
    expect((error as ConfigError).message).not.toContain('hunter2');
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('reports a PostgreSQL refusal (unknown database) in the server’s words', async () => {
    const url = serviceUrl('POSTGRES_URL').replace(/\/[^/]*$/, '/no_such_db_for_runtime_spec');
    const config = loadRuntimeConfig({ ...distributedEnv(), EVENT_STORE_URL: url }, cwd);
    await expect(openRuntimeAdapters(config, { clientId: 'runtime-spec', logger: silent })).rejects.toThrow(
      /EVENT_STORE_URL 无法连接 \/ cannot be reached: database "no_such_db_for_runtime_spec" does not exist \(got/,
    );
  });
});
