import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { serviceUrl } from '@relapse-watch/testing';
import { asAdministrator } from './e2e/registry.scenario';
import { startService, type ServiceProcess } from './e2e/service-process.fixture';

// Issue 11, item 1, in distributed mode: the registry and the inspection each their own process,
// wired only by PostgreSQL, FerretDB and Kafka. The inspection never reads the registry's
// database: it folds the registry's integration events from the real Kafka topic. The topic is
// shared by every run on this Kafka, and a new consumer group reads it from its start (thousands
// of events of earlier runs, at tens per second on FerretDB): so the runs share one group, which
// reads only what was published since the last run (two runs of this file at once would split its
// partitions between them).
const E2E_GROUP = 'inspection-e2e';
const running: ServiceProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const service of running.reverse()) await service.stop();
  folders.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rw-e2e-facts-'));
  folders.push(dir);
  return dir;
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await asAdministrator()) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function written(base: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await call(base, method, path, body);
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** The facts once `arrived` holds for them, or the last answer after five minutes (a first run reads the topic's history). */
async function factsOnce(base: string, householdId: string, arrived: (facts: Record<string, unknown>) => boolean) {
  let last = { status: 0, body: {} as Record<string, unknown> };
  for (let attempt = 0; attempt < 3_000; attempt++) {
    const res = await call(base, 'GET', `/api/inspection/households/${householdId}/facts`);
    last = { status: res.status, body: (await res.json()) as Record<string, unknown> };
    if (res.status === 200 && arrived(last.body)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

describe('the inspection’s own view of households, in distributed mode', () => {
  it('follows the registry through Kafka into FerretDB, a later change too', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const mongo = new URL(serviceUrl('MONGODB_URL'));
    mongo.pathname = `/e2e_facts_${id}`;
    const shared = {
      EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_facts_${id}`,
      READ_STORE_URL: mongo.toString(),
      BUS_URL: serviceUrl('KAFKA_URL'),
      KEY_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=e2e_facts_keys_${id}`,
    };
    const registry = await startService('services/household-registry', {
      ...shared,
      DATA_DIR: tempDir(),
      RESIDENT_ID_SALT: `e2e-facts-salt-${id}`,
    });
    running.push(registry);
    const inspection = await startService('services/inspection', {
      ...shared,
      DATA_DIR: tempDir(),
      REGISTRY_URL: registry.url,
      INSPECTION_CONSUMER_GROUP: E2E_GROUP,
    });
    running.push(inspection);

    const created = await written(registry.url, 'POST', '/api/registry/households', {
      villageCode: '511923002201',
      householdNumber: `facts-${id}`,
      status: { kind: 'ordinary' },
    });
    const householdId = String(created['id']);
    await written(registry.url, 'POST', `/api/registry/households/${householdId}/risk-events`, {
      kind: 'illness',
      occurredOn: '2025-03-01',
      lossYuan: '1200',
    });

    const first = await factsOnce(inspection.url, householdId, (f) => (f['riskEvents'] as unknown[]).length === 1);
    expect(first).toMatchObject({
      status: 200,
      body: {
        householdId,
        villageCode: '511923002201',
        status: { kind: 'ordinary' },
        riskEvents: [{ kind: 'illness', occurredOn: '2025-03-01', lossFen: 120_000 }],
      },
    });

    await written(registry.url, 'PUT', `/api/registry/households/${householdId}/status`, {
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
    });
    const later = await factsOnce(
      inspection.url,
      householdId,
      (f) => (f['status'] as { kind: string }).kind === 'poverty-alleviated',
    );
    expect(later.body).toMatchObject({ status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 } });

    const ready = (await (await fetch(`${inspection.url}/health/ready`)).json()) as { info: Record<string, unknown> };
    expect(ready.info[`consumer:${E2E_GROUP}`]).toMatchObject({ status: 'up' });
  }, 900_000);
});
