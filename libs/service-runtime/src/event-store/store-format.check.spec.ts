import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  CURRENT_STORE_FORMAT,
  EVENT_STORE,
  newEventId,
  STORE_FORMAT_STREAM,
  StoreFormatRefused,
  type EventStore,
} from '@relapse-watch/event-store-core';
import { PostgresEventStore } from '@relapse-watch/event-store-postgres';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { loadRuntimeConfig } from '../config/runtime.config';
import { createServiceApp } from '../service-app.factory';
import { startupFailureText } from '../service.bootstrap';
import { bootSpecApp } from '../testing/runtime-spec.harness';

const identity = { name: '@relapse-watch/runtime-spec', version: '9.8.7' };
const silent = { write: () => undefined };

/** One event as a version before the marker wrote it. */
async function writeUnmarkedEvent(store: EventStore): Promise<void> {
  await store.appendToStream(`registry-household-${randomUUID()}`, [
    {
      id: newEventId(),
      type: 'HouseholdRegistered',
      data: {},
      metadata: {
        actor: { userId: 'old', role: 'system' },
        divisionCode: '511923000000',
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: '2025-01-01T00:00:00.000Z',
      },
    },
  ]);
  await store.close();
}

async function startFailure(env: Record<string, string>): Promise<unknown> {
  try {
    const app = await createServiceApp(class {}, { config: loadRuntimeConfig(env), identity, logDestination: silent });
    await app.close();
  } catch (error) {
    return error;
  }
  throw new Error('the service started');
}

function expectOneLineRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(StoreFormatRefused);
  const line = startupFailureText(error);
  expect(line).not.toContain('\n');
  expect(line).toMatch(/^启动失败 \/ start-up failed: 事件库由旧版本写入（格式 1，无格式标记）/);
  expect(line).toContain(`this version needs format ${CURRENT_STORE_FORMAT}`);
  expect(line).toContain('start with an empty DATA_DIR (or an empty event store) and re-import the household sheets');
}

describe('the event store format at start-up', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-store-format-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('stamps a new data dir with the current format at first start, and starts again on it', async () => {
    const first = await bootSpecApp();
    const store = first.app.get<EventStore>(EVENT_STORE);
    const markers = [];
    for await (const event of store.readStream(STORE_FORMAT_STREAM)) markers.push(event);
    expect(markers).toEqual([
      expect.objectContaining({
        type: 'StoreFormatStamped',
        data: { format: CURRENT_STORE_FORMAT, stampedBy: '@relapse-watch/runtime-spec@9.8.7' },
      }),
    ]);
    expect(first.logs().some((line) => line['storeFormat'] === CURRENT_STORE_FORMAT)).toBe(true);
    await first.app.close();
    const again = await createServiceApp(class {}, {
      config: loadRuntimeConfig({ DATA_DIR: first.dataDir }),
      identity,
      logDestination: silent,
    });
    await again.close();
    await first.dispose();
  });

  it('refuses a SQLite file holding events but no marker, in one line', async () => {
    const dataDir = tempDir();
    await writeUnmarkedEvent(await SqliteEventStore.open({ path: join(dataDir, 'events.db') }));
    expectOneLineRefusal(await startFailure({ DATA_DIR: dataDir }));
  });

  it('refuses a PostgreSQL schema holding events but no marker, in one line', async () => {
    const schema = `store_format_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const connectionString = process.env['POSTGRES_URL'] as string;
    await writeUnmarkedEvent(await PostgresEventStore.open({ connectionString, schema }));
    const error = await startFailure({
      DATA_DIR: tempDir(),
      EVENT_STORE_URL: `${connectionString}?schema=${schema}`,
      ...TEST_ACCESS_TOKEN_ENV,
    });
    expectOneLineRefusal(error);
    const admin = await PostgresEventStore.open({ connectionString, schema });
    expect(await admin.headPosition()).toBe(1);
    await admin.close();
  });
});
