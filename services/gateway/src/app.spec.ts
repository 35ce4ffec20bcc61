import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { testEvent, uniqueStreamId } from '@relapse-watch/event-store-testing';
import { createServiceApp, loadRuntimeConfig, PublicRoute } from '@relapse-watch/service-runtime';
import { adminTestToken, TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { AppModule } from './app.module';
import { gatewayIdentity } from './gateway.identity';

// A test-only DTO and controller. The ValidationPipe learns a handler's DTO class from
// decorator metadata (`design:paramtypes`); a transpiler that drops it (esbuild) lets every
// body through unchecked, so these tests fail unless the metadata survives swc.
class VisitProbeDto {
  @Matches(/^\d{12}$/)
  divisionCode!: string;

  @IsInt()
  @Min(1)
  @Max(20)
  householdSize!: number;

  @IsString()
  note!: string;
}

// Public: the probe is about the validation pipe, which runs after the access guard.
@Controller('api/test-probe')
@PublicRoute()
class VisitProbeController {
  @Post('visits')
  record(@Body() visit: VisitProbeDto) {
    return { isDto: visit instanceof VisitProbeDto, visit };
  }
}

@Module({ imports: [AppModule], controllers: [VisitProbeController] })
class GatewaySpecModule {}

describe('gateway app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-gateway-spec-'));
  let app: NestExpressApplication;
  let url: string;
  let signedIn: RequestInit;

  beforeAll(async () => {
    signedIn = { headers: { authorization: `Bearer ${await adminTestToken()}` } };
    const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
    app = await createServiceApp(GatewaySpecModule, { config, identity: gatewayIdentity() });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('GET /api/system/info names the build, the embedded mode, the store and its head position', async () => {
    const before = await (await fetch(`${url}/api/system/info`, signedIn)).json();
    expect(before).toEqual({
      name: '@relapse-watch/gateway',
      version: '0.1.0',
      mode: 'embedded',
      eventStore: 'sqlite',
      readStore: 'sqlite',
      bus: 'inproc',
      // The store-format marker stamped at start is a new store's one event.
      headPosition: 1,
    });
    await app
      .get<EventStore>(EVENT_STORE)
      .appendToStream(uniqueStreamId('registry-household'), [testEvent('A', {}), testEvent('B', {})]);
    const after = await (await fetch(`${url}/api/system/info`, signedIn)).json();
    expect(after).toMatchObject({ headPosition: 3 });
  });

  it('GET /api/system/info without a token is a 401: the version and activity are for signed-in users', async () => {
    const res = await fetch(`${url}/api/system/info`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'auth.token-missing' });
  });

  it('documents the system-info endpoint and its response in OpenAPI', async () => {
    const res = await fetch(`${url}/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text());
    expect(doc.info).toEqual(
      expect.objectContaining({ title: 'Relapse Watch API · 防止返贫动态监测系统', version: '0.1.0' }),
    );
    const op = doc.paths['/api/system/info'].get;
    expect(op.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SystemInfoDto',
    });
    expect(doc.components.schemas.SystemInfoDto.required).toEqual([
      'name',
      'version',
      'mode',
      'eventStore',
      'readStore',
      'bus',
      'headPosition',
    ]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  describe('validation pipe with decorator metadata from swc', () => {
    it('refuses bad input with 400, each field and the rule it broke', async () => {
      const res = await fetch(`${url}/api/test-probe/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ divisionCode: '5101', householdSize: 0, note: 7 }),
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: string; errors: { field: string; code: string }[] };
      expect(body.code).toBe('validation.failed');
      expect(body.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
        'divisionCode:matches',
        'householdSize:min',
        'note:is-string',
      ]);
    });

    it('refuses a property the DTO does not declare', async () => {
      const res = await fetch(`${url}/api/test-probe/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ divisionCode: '510101001001', householdSize: 3, note: '', residentIdNumber: 'x' }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'validation.failed', field: 'residentIdNumber' });
    });

    it('passes good input through as an instance of the DTO', async () => {
      const res = await fetch(`${url}/api/test-probe/visits`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ divisionCode: '510101001001', householdSize: 3, note: '走访正常' }),
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({
        isDto: true,
        visit: { divisionCode: '510101001001', householdSize: 3, note: '走访正常' },
      });
    });
  });
});
