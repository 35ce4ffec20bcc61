import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fixedOffsetClock, type IsoDate } from '@relapse-watch/domain-kernel';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { adminTestToken, testAccessToken, TEST_ACCESS_TOKEN_ENV, type TestTokenClaims } from '@relapse-watch/testing';
import { CampaignCommands } from '../../application/campaign-commands';
import type { CampaignPolicySource, PolicyInForce } from '../../application/campaign-policy-source';
import { OPERATOR } from '@relapse-watch/access';
import type { CampaignTerms } from '../../domain/campaign/campaign.values';
import { inspectionIdentity } from '../../inspection.identity';
import { InspectionModule } from '../inspection.module';

/** A response as the API specs check it: the status and the JSON body. */
export interface ApiResponse {
  readonly status: number;
  // Bodies are checked with toMatchObject, field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: Record<string, any>;
}

/** The inspection as an embedded app on a free port, its SQLite files in a temp folder of its own. */
export interface InspectionApiHarness {
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
  /** Launches a campaign straight through the use case, with the given policy in force (the HTTP route's source has none yet). */
  launch(terms: CampaignTerms, policy: PolicyInForce): Promise<void>;
  close(): Promise<void>;
}

/** A policy source answering the same policy for every province, year and day. */
export function fixedPolicy(policy: PolicyInForce): CampaignPolicySource {
  return { inForce: (_p: string, _y: number, _on: IsoDate) => Promise.resolve(policy) };
}

/** Starts the inspection's HTTP API for a spec file (call it in `beforeAll`, `close` in `afterAll`). */
export async function startInspectionApi(tempPrefix: string): Promise<InspectionApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
  const app = await createServiceApp(InspectionModule, { config, identity: inspectionIdentity() });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const admin = `Bearer ${await adminTestToken()}`;
  const events = app.get<EventStore>(EVENT_STORE);
  const call: InspectionApiHarness['call'] = async (method, path, body, headers = {}) => {
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
    events,
    call,
    async as(claims, method, path, body, headers = {}) {
      return call(method, path, body, { ...headers, authorization: `Bearer ${await testAccessToken(claims)}` });
    },
    async launch(terms, policy) {
      const commands = new CampaignCommands({
        store: events,
        clock: fixedOffsetClock(480),
        policy: fixedPolicy(policy),
      });
      await commands.launch(terms, { caller: OPERATOR, correlationId: 'spec-launch' });
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
