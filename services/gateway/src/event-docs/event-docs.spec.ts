import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ALL_CONTRACTS, messageName } from '@relapse-watch/contracts';
import { checkAsyncApiDocument } from '@relapse-watch/contracts/testing';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { gatewayIdentity } from '../gateway.identity';
import { EventDocsModule } from './event-docs.module';

// Boots the module inside the gateway's full runtime (createServiceApp adds config, logging,
// errors and the Swagger UI at /docs), as app.spec.ts does, but without the rest of AppModule,
// so this spec does not depend on the proxy routes' own set-up.
describe('GET /docs/events', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-gateway-event-docs-'));
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    app = await createServiceApp(EventDocsModule, { config, identity: gatewayIdentity() });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves an AsyncAPI 3.0.0 document that parses without errors and lists every contract', async () => {
    const res = await fetch(`${url}/docs/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await res.json()) as { asyncapi: string };
    expect(document.asyncapi).toBe('3.0.0');
    const check = await checkAsyncApiDocument(document);
    expect(check.errors).toEqual([]);
    expect([...check.messageNames].sort()).toEqual(ALL_CONTRACTS.map(messageName).sort());
  }, 30_000);

  it('serves the same document at /docs/events.json', async () => {
    const [plain, json] = await Promise.all([fetch(`${url}/docs/events`), fetch(`${url}/docs/events.json`)]);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(await plain.json());
  });

  it('leaves the Swagger UI and the OpenAPI document where they were, and lists the route there', async () => {
    const ui = await fetch(`${url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    const openapi = (await (await fetch(`${url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/docs/events']));
  });
});
