import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '@relapse-watch/event-store-core';
import { collect } from '@relapse-watch/event-store-testing';
import { READ_STORE, type ReadStore } from '@relapse-watch/read-store-core';
import { SubscriptionLagRegistry } from './metrics/subscription-lag.registry';
import { bootSpecApp, getJson, post, type SpecApp } from './testing/runtime-spec.harness';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('a service app on the runtime', () => {
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp();
  });
  afterAll(() => spec.dispose());

  describe('health', () => {
    it('GET /health/live answers 200 while the process is up', async () => {
      const res = await getJson(`${spec.url}/health/live`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok' });
    });

    it('GET /health/ready answers 200 with the event store up and its head position', async () => {
      const res = await getJson(`${spec.url}/health/ready`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        info: { eventStore: { status: 'up', headPosition: expect.any(Number) }, readStore: { status: 'up' } },
      });
    });
  });

  describe('correlation id', () => {
    it('echoes a UUID the caller sends, lower-cased, and hands it to handlers and event metadata', async () => {
      const given = '0190A6B2-1C3D-7E4F-8A9B-0C1D2E3F4A5B';
      const res = await post(`${spec.url}/test/items/c1`, { title: 'x', count: 1 }, { 'X-Correlation-Id': given });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-correlation-id')).toBe(given.toLowerCase());
      expect(res.body).toMatchObject({ correlationId: given.toLowerCase(), fromContext: given.toLowerCase() });
      const store = spec.app.get<EventStore>(EVENT_STORE);
      const [event] = await collect(store.readStream('test-item-c1'));
      expect(event.metadata.correlationId).toBe(given.toLowerCase());
    });

    it('generates a UUIDv7 when none is sent', async () => {
      const res = await fetch(`${spec.url}/health/live`);
      expect(res.headers.get('x-correlation-id')).toMatch(UUID_V7);
    });

    it('replaces a header that is not a UUID (no free text reaches logs or events)', async () => {
      const res = await fetch(`${spec.url}/health/live`, { headers: { 'X-Correlation-Id': 'evil","level":"fatal' } });
      expect(res.headers.get('x-correlation-id')).toMatch(UUID_V7);
    });
  });

  describe('logs', () => {
    it('writes one JSON line per request carrying its correlation id, method, path without query, status', async () => {
      const id = '0190a6b2-0000-7000-8000-00000000a001';
      await fetch(`${spec.url}/health/live?idNumber=510101199001011234`, { headers: { 'X-Correlation-Id': id } });
      const line = spec.logs().find((l) => l['correlationId'] === id);
      expect(line).toMatchObject({
        level: 'info',
        req: { method: 'GET', path: '/health/live' },
        res: { statusCode: 200 },
      });
      expect(JSON.stringify(line)).not.toContain('510101199001011234');
    });

    it('redacts personal data in what handlers log, and keeps the correlation id there too', async () => {
      const id = '0190a6b2-0000-7000-8000-00000000a002';
      await post(`${spec.url}/test/resident`, {}, { 'X-Correlation-Id': id });
      const line = spec.logs().find((l) => l['msg'] === 'resident seen' && l['correlationId'] === id);
      expect(line).toMatchObject({
        resident: {
          name: '[已脱敏 redacted]',
          idNumber: '[已脱敏 redacted]',
          phone: '[已脱敏 redacted]',
          village: '某村',
        },
      });
      expect(spec.lines.join('\n')).not.toContain('张三');
    });
  });

  describe('metrics', () => {
    it('exposes process metrics, the HTTP histogram by route template and the append counter', async () => {
      const before = await (await fetch(`${spec.url}/metrics`)).text();
      const appended = 'relapsewatch_event_store_appends_total{outcome="appended"}';
      const res = await post(`${spec.url}/test/items/m1`, { title: 'metrics', count: 2 });
      expect(res.status).toBe(201);
      const after = await (await fetch(`${spec.url}/metrics`)).text();
      expect(metricValue(after, appended)).toBe(metricValue(before, appended) + 1);
      expect(after).toContain('process_cpu_user_seconds_total');
      expect(after).toMatch(
        /relapsewatch_http_request_duration_seconds_count\{method="POST",route="\/test\/items\/:id",status="201"\} \d+/,
      );
      expect(after).toContain('relapsewatch_event_store_append_duration_seconds_bucket');
      expect(after).toContain('relapsewatch_event_store_appended_events_total');
    });

    it('reports the lag of each subscriber as head position minus its checkpoint', async () => {
      await post(`${spec.url}/test/items/lag`, { title: 'lag', count: 3 });
      const head = await spec.app.get<EventStore>(EVENT_STORE).headPosition();
      const lag = spec.app.get(SubscriptionLagRegistry);
      lag.report('projection-runner', head - 1);
      lag.report('relay', 0);
      const text = await (await fetch(`${spec.url}/metrics`)).text();
      expect(metricValue(text, 'relapsewatch_subscription_lag_events{subscriber="projection-runner"}')).toBe(1);
      expect(metricValue(text, 'relapsewatch_subscription_lag_events{subscriber="relay"}')).toBe(head);
      lag.forget('relay');
      expect(await (await fetch(`${spec.url}/metrics`)).text()).not.toContain('subscriber="relay"');
    });
  });

  describe('OpenAPI', () => {
    it('serves the JSON document with the title and version, and Swagger UI', async () => {
      const res = await getJson(`${spec.url}/docs/openapi.json`);
      expect(res.status).toBe(200);
      expect(res.body['info']).toMatchObject({ title: 'Relapse Watch API · 防止返贫动态监测系统', version: '9.8.7' });
      expect(Object.keys(res.body['paths'] as object)).toEqual(
        expect.arrayContaining(['/health/ready', '/test/items/{id}']),
      );
      const ui = await fetch(`${spec.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger-ui');
    });
  });
});

describe('readiness once the read store is gone', () => {
  it('answers 503 naming the read store', async () => {
    const spec = await bootSpecApp();
    try {
      await spec.app.get<ReadStore>(READ_STORE).close();
      const res = await getJson(`${spec.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        error: { readStore: { status: 'down' } },
        info: { eventStore: { status: 'up' } },
      });
    } finally {
      await spec.dispose();
    }
  });
});

describe('readiness once the event store is gone', () => {
  it('answers 503 with the common error body and the failing check', async () => {
    const spec = await bootSpecApp();
    try {
      expect((await fetch(`${spec.url}/health/ready`)).status).toBe(200);
      await spec.app.get<EventStore>(EVENT_STORE).close();
      const res = await getJson(`${spec.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'health.not-ready',
        status: 'error',
        error: { eventStore: { status: 'down' } },
      });
      expect((await fetch(`${spec.url}/health/live`)).status).toBe(200);
    } finally {
      await spec.dispose();
    }
  });
});
