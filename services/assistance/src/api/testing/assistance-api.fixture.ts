import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HouseholdMemberV1 } from '@relapse-watch/contracts';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { householdEvent } from '@relapse-watch/household-view/testing';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import {
  adminTestToken,
  testAccessToken,
  TEST_ACCESS_TOKEN_ENV,
  type TestTokenClaims,
  TEST_CLOCK_ENV,
} from '@relapse-watch/testing';
import { assistanceIdentity } from '../../assistance.identity';
import { assistanceFactsEffects } from '../../household-view/assistance-household-view';
import { AssistanceModule } from '../assistance.module';

/** A response as the API specs check it: the status and the JSON body. */
export interface ApiResponse {
  readonly status: number;
  // Bodies are checked with toMatchObject, field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: Record<string, any>;
}

/** A household the spec registers in the service's own view, as the registry's events would. */
export interface RegisteredHousehold {
  readonly householdId: string;
  readonly villageCode: string;
  /** Each member's salted resident-ID hash (`HouseholdMembersChanged`'s personal part). */
  readonly residentIdHashes?: readonly string[];
  readonly members?: readonly HouseholdMemberV1[];
}

/** The assistance service as an app on a free port, its SQLite files in a temp folder of its own. */
export interface AssistanceApiHarness {
  readonly app: NestExpressApplication;
  readonly events: EventStore;
  /** Sends a request as the administrator unless `headers` carry their own `authorization`. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Sends a request with a token of these claims. */
  as(
    claims: TestTokenClaims,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  /** Folds the registry's registration (and members, when given) into the service's household view. */
  register(household: RegisteredHousehold): Promise<void>;
  close(): Promise<void>;
}

/** Starts the assistance service's HTTP API for a spec file (call it in `beforeAll`, `close` in `afterAll`). */
export async function startAssistanceApi(tempPrefix: string): Promise<AssistanceApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const config = loadRuntimeConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...TEST_ACCESS_TOKEN_ENV,
    ...TEST_CLOCK_ENV,
  });
  const app = await createServiceApp(AssistanceModule, { config, identity: assistanceIdentity() });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const admin = `Bearer ${await adminTestToken()}`;
  const reads = app.get<ReadStore>(READ_STORE);
  const call: AssistanceApiHarness['call'] = async (method, path, body, headers = {}) => {
    const { authorization = admin, ...rest } = headers;
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(authorization === '' ? {} : { authorization }), ...rest },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as ApiResponse['body'] };
  };
  return {
    app,
    events: app.get<EventStore>(EVENT_STORE),
    call,
    async as(claims, method, path, body, headers = {}) {
      return call(method, path, body, { ...headers, authorization: `Bearer ${await testAccessToken(claims)}` });
    },
    async register({ householdId, villageCode, residentIdHashes, members }) {
      const registered = householdEvent('HouseholdRegistered', '2024-01-02', { householdId, villageCode });
      await reads.applyBatch(await assistanceFactsEffects(reads, registered));
      if (members === undefined) return;
      const hashes = residentIdHashes ?? [];
      const changed = householdEvent('HouseholdMembersChanged', '2024-01-02', {
        householdId,
        villageCode,
        members,
        residentMemberCount: members.length,
        changes: { addedMemberIds: members.map((m) => m.memberId), updatedMemberIds: [], removedMembers: [] },
        personal: {
          ref: `/api/registry/households/${householdId}/personal-data`,
          members: members.map((m, i) => ({ memberId: m.memberId, residentIdHash: hashes[i] ?? null })),
        },
      });
      await reads.applyBatch(await assistanceFactsEffects(reads, changed));
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
