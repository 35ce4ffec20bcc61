import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect, testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { adminTestToken } from '@relapse-watch/testing';
import { startGateway } from './gateway-process.fixture';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-gateway-process-'));
  dataDirs.push(dir);
  return dir;
}

describe('the gateway process', () => {
  it('refuses PORT=abc: exit code 1 and exactly one line on stderr naming PORT', async () => {
    const gateway = startGateway({ PORT: 'abc', DATA_DIR: newDataDir() });
    const { code } = await gateway.exited;
    expect(code).toBe(1);
    expect(gateway.stderr).toEqual([
      '配置错误 / configuration error: PORT 必须是 0–65535 之间的整数 / must be an integer 0–65535 (got "abc")',
    ]);
    expect(gateway.stdout).toEqual([]);
  });

  it('an unreachable KurrentDB stops start-up with one line naming EVENT_STORE_URL, masking the password', async () => {
    const gateway = startGateway({
      DATA_DIR: newDataDir(),
      EVENT_STORE_URL: 'kurrentdb://rw:topsecret@127.0.0.1:1?tls=false',
    });
    expect((await gateway.exited).code).toBe(1);
    expect(gateway.stderr).toHaveLength(1);
    expect(gateway.stderr[0]).toMatch(/^配置错误 \/ configuration error: EVENT_STORE_URL /);
    expect(gateway.stderr[0]).not.toContain('topsecret');
  });

  it('serves, logs JSON with correlation ids, and on SIGTERM shuts down cleanly with its data intact', async () => {
    const dataDir = newDataDir();
    const gateway = startGateway({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const started = await gateway.line((l) => typeof l['url'] === 'string');
    expect(started).toMatchObject({
      level: 'info',
      mode: 'embedded',
      dataDir,
      eventStore: `sqlite:${join(dataDir, 'events.db')}`,
    });
    const url = started['url'] as string;

    const correlationId = '0190a6b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b';
    const ready = await fetch(`${url}/health/ready`, { headers: { 'X-Correlation-Id': correlationId } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-correlation-id')).toBe(correlationId);
    const requestLine = await gateway.line((l) => l['correlationId'] === correlationId);
    expect(requestLine).toMatchObject({ req: { method: 'GET', path: '/health/ready' }, res: { statusCode: 200 } });

    // Another writer on the same file (a CLI import next to the server) is seen by the gateway.
    const streamId = uniqueStreamId('registry-household');
    const writer = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
    await writer.appendToStream(streamId, [
      testEvent('HouseholdRegistered', { 户主: '某某' }),
      testEvent('MemberAdded', {}),
    ]);
    await writer.close();
    expect(
      await (
        await fetch(`${url}/api/system/info`, { headers: { authorization: `Bearer ${await adminTestToken()}` } })
      ).json(),
    ).toMatchObject({
      mode: 'embedded',
      eventStore: 'sqlite',
      // Two events after the store-format marker the gateway stamped at start.
      headPosition: 3,
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(gateway.stderr).toEqual([]);
    const logs = gateway.stdout.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(logs.map((l) => l['msg'])).toEqual(
      expect.arrayContaining([
        expect.stringContaining('shutdown: event store closed'),
        expect.stringContaining('shutdown complete'),
      ]),
    );
    expect(logs.find((l) => String(l['msg']).includes('shutdown requested'))).toMatchObject({ reason: 'SIGTERM' });

    const reopened = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
    try {
      expect((await collect(reopened.readStream(streamId))).map((e) => e.type)).toEqual([
        'HouseholdRegistered',
        'MemberAdded',
      ]);
      expect(await reopened.headPosition()).toBe(3);
    } finally {
      await reopened.close();
    }
  });

  it('exits 0 on SIGINT (Ctrl-C) as well', async () => {
    const gateway = startGateway({ PORT: '0', DATA_DIR: newDataDir() });
    const started = await gateway.line((l) => typeof l['url'] === 'string');
    expect((await fetch(`${started['url']}/health/live`)).status).toBe(200);
    gateway.child.kill('SIGINT');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(gateway.stdout.some((l) => l.includes('shutdown complete'))).toBe(true);
  });
});
