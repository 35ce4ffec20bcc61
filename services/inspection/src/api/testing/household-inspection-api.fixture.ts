import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { adminTestToken, TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { inspectionIdentity } from '../../inspection.identity';
import { InspectionModule, type InspectionSources } from '../inspection.module';

/** A response as the API specs check it: the status and the JSON body. */
export interface ApiResponse {
  readonly status: number;
  // Bodies are checked with toMatchObject, field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: Record<string, any>;
}

/** The inspection as an app on a free port, its SQLite files in a temp folder of its own. */
export interface InspectionApiHarness {
  readonly app: NestExpressApplication;
  readonly url: string;
  /** Sends a request as the administrator unless `headers` carry their own `authorization`. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Starts the inspection's HTTP API with the given sources of campaigns and households' facts. */
export async function startInspectionApi(
  tempPrefix: string,
  sources: InspectionSources,
): Promise<InspectionApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
  const app = await createServiceApp(InspectionModule.withSources(sources), { config, identity: inspectionIdentity() });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const admin = `Bearer ${await adminTestToken()}`;
  return {
    app,
    url,
    async call(method, path, body, headers = {}) {
      const { authorization = admin, ...rest } = headers;
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(authorization === '' ? {} : { authorization }), ...rest },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as ApiResponse['body'] };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
