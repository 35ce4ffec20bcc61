import { checkStoreFormat, newEventId } from '@relapse-watch/event-store-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { READ_STORE, type ProjectionRunner, type ReadStore } from '@relapse-watch/read-store-core';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { adminTestToken, TEST_ACCESS_TOKEN_ENV, testAccessToken } from '@relapse-watch/testing';
import { addMember } from '../application/add-member.handler';
import { registerHousehold } from '../application/register-household.handler';
import { commandContext } from '../application/testing/handler-test-store';
import { sealingEventStore } from '../cli/personal-data.option';
import {
  addMember as addMemberCommand,
  HEAD,
  registerHousehold as registerCommand,
} from '../domain/testing/household.fixtures';
import { HOUSEHOLDS_COLLECTION, type HouseholdView } from '../read-model/household-register.projection';
import { registryIdentity } from '../registry.identity';
import { RegistryModule } from './registry.module';
import { HOUSEHOLD_REGISTER_RUNNER } from './registry.tokens';

const HOUSEHOLD_ID = '0193a5c2-7e41-7b3a-9c1d-2f6e8a4b5c01';
const dataDir = mkdtempSync(join(tmpdir(), 'rw-registry-erasure-api-'));
const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
let app: NestExpressApplication;
let url: string;

async function post(path: string, body: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  // The household is written before the service starts (as an import would), sealed as the service seals.
  const sealing = await sealingEventStore(
    SqliteEventStore.open({ path: join(dataDir, 'events.db') }),
    config.personalData,
  );
  // As the import does: the empty store stamped with this version's format first.
  await checkStoreFormat(sealing.store, { eventId: newEventId(), now: new Date().toISOString(), stampedBy: 'spec' });
  await registerHousehold(sealing.store, registerCommand({ householdId: HOUSEHOLD_ID }), commandContext());
  await addMember(
    { store: sealing.store, residentIdSalt: 'x'.repeat(16) },
    HOUSEHOLD_ID,
    addMemberCommand(HEAD),
    commandContext(),
  );
  await sealing.close();
  app = await createServiceApp(RegistryModule, { config, identity: registryIdentity() });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function registered(): Promise<HouseholdView> {
  const runner = app.get<ProjectionRunner<HouseholdView>>(HOUSEHOLD_REGISTER_RUNNER);
  await runner.waitUntilCaughtUp(await headOf());
  const doc = await app.get<ReadStore>(READ_STORE).get<HouseholdView>(HOUSEHOLDS_COLLECTION, HOUSEHOLD_ID);
  return doc?.data as HouseholdView;
}

async function headOf(): Promise<number> {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

const ERASURE = `/api/registry/households/${HOUSEHOLD_ID}/erasure`;

describe('POST /api/registry/households/:id/erasure', () => {
  it('needs a token (401) and the privacy.erase permission (403)', async () => {
    expect((await post(ERASURE, { reason: 'r' })).status).toBe(401);
    const county = await testAccessToken({
      sub: 'u-county',
      kind: 'user',
      role: 'county-official',
      unit: '511923000000',
    });
    const refused = await post(ERASURE, { reason: 'r' }, county);
    expect(refused.status).toBe(403);
    expect((await registered()).household.members[0]?.personal).toEqual(HEAD.personal);
  });

  it('refuses a blank reason (400) and an unknown household (404)', async () => {
    const admin = await adminTestToken();
    expect(await post(ERASURE, { reason: '   ' }, admin)).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(
      await post('/api/registry/households/0193a5c2-7e41-7b3a-9c1d-2f6e8a4b5c99/erasure', { reason: 'r' }, admin),
    ).toMatchObject({
      status: 404,
      body: { code: 'household.not-registered' },
    });
  });

  it('erases for an administrator: the member reads 已删除 / erased, the count stays; again is a no-op', async () => {
    const admin = await adminTestToken();
    const first = await post(ERASURE, { reason: 'PIPL 删除请求 17' }, admin);
    expect(first).toMatchObject({ status: 200, body: { id: HOUSEHOLD_ID, events: ['HouseholdPersonalDataErased'] } });
    const view = await registered();
    expect(view.memberCount).toBe(1);
    expect(view.household.members[0]?.personal).toEqual({
      name: '已删除 / erased',
      residentId: '已删除 / erased',
      erased: true,
    });
    expect(JSON.stringify(view)).not.toContain(HEAD.personal.residentId);
    expect(await post(ERASURE, { reason: 'again' }, admin)).toMatchObject({ status: 200, body: { events: [] } });
  });
});
