import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { adminTestToken } from '@relapse-watch/testing';
import { PROFILE } from './access-matrix.routes.fixture';
import { newDataDir, startEmbedded } from './embedded-process.fixture';

// Issue 11, item 1, in embedded mode: the inspection learns households only from the registry's
// integration events, through the in-process bus inside the one process. A household registered
// and changed through the registry's HTTP API reaches the inspection's facts route, and so does a
// change made later.
const VILLAGE = '511923002201';

async function call(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminTestToken()}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function written(url: string, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await call(url, method, path, body);
  const answer = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** The facts once `arrived` holds for them; the last answer otherwise (the bus delivers asynchronously). */
async function factsOnce(
  url: string,
  householdId: string,
  arrived: (facts: Record<string, unknown>) => boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let last = { status: 0, body: {} as Record<string, unknown> };
  for (let attempt = 0; attempt < 200; attempt++) {
    const res = await call(url, 'GET', `/api/inspection/households/${householdId}/facts`);
    last = { status: res.status, body: (await res.json()) as Record<string, unknown> };
    if (res.status === 200 && arrived(last.body)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

describe('the inspection’s own view of households, in the embedded process', () => {
  it('follows the registry’s HTTP changes through the in-process bus, a later change too', async () => {
    const app = startEmbedded(newDataDir(), ['--no-demo']);
    const url = await app.url;

    const unknown = await call(url, 'GET', `/api/inspection/households/${randomUUID()}/facts`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'household.not-known', field: 'householdId' });

    const created = await written(url, 'POST', '/api/registry/households', {
      villageCode: VILLAGE,
      householdNumber: `facts-${randomUUID().slice(0, 8)}`,
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2018 },
    });
    const householdId = String(created['id']);
    const path = `/api/registry/households/${householdId}`;
    const head = await written(url, 'POST', `${path}/members`, {
      personal: { name: '王测试', residentId: '511923196804120318' },
      profile: PROFILE,
    });
    await written(url, 'PUT', `${path}/income`, {
      period: { kind: 'calendar-year', year: 2025 },
      components: {
        wagesYuan: '9000',
        grossBusinessYuan: 0,
        propertyYuan: 0,
        transferYuan: '600',
        productionCostsYuan: 0,
      },
    });

    const first = await factsOnce(url, householdId, (f) => (f['incomes'] as unknown[]).length === 1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      householdId,
      villageCode: VILLAGE,
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2018 },
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
      members: [{ memberId: head['createdId'], relationToHead: 'head', labourCapacity: 'ordinary' }],
      incomes: [
        {
          period: { kind: 'calendar-year', year: 2025 },
          netIncomeFen: 960_000,
          perCapitaNetIncomeFen: 960_000,
          divisorMembers: 1,
          transferFen: 60_000,
        },
      ],
    });
    // The inspection keeps no personal data: neither the name nor the ID number nor its hash.
    const text = JSON.stringify(first.body);
    for (const personal of ['王测试', '511923196804120318', 'residentIdHash', 'personal'])
      expect(text).not.toContain(personal);

    // A change made later (during a campaign) reaches it too.
    await written(url, 'PUT', `${path}/flags`, { relocatedToResettlementSite: true, urbanHukou: false });
    const later = await factsOnce(
      url,
      householdId,
      (f) => (f['flags'] as { relocatedToResettlementSite: boolean }).relocatedToResettlementSite,
    );
    expect(later.body).toMatchObject({ flags: { relocatedToResettlementSite: true, urbanHukou: false } });

    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { info: Record<string, unknown> };
    expect(ready.info['consumer:inspection']).toMatchObject({ status: 'up', group: 'inspection' });
    expect((ready.info['consumer:inspection'] as { finished: number }).finished).toBeGreaterThanOrEqual(4);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/relapsewatch_bus_consumer_delay_seconds\{group="inspection"\} \d/);
    expect(await app.stop()).toBe(0);
  });
});
