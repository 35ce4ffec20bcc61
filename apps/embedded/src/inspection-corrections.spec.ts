import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@relapse-watch/event-store-core';
import { RegistryModule } from '@relapse-watch/household-registry';
import { InspectionModule, type CampaignView, type HouseholdFactsSource } from '@relapse-watch/inspection';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { adminTestToken, TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { embeddedIdentity } from './embedded.identity';

// Issue 11 item 4: corrections found at a visit go to the registry as its own commands, in the
// same process (embedded: the process's own address), with the official's token, the correlation
// id and the inspection's contact as causation; the inspection records each answer. The campaign
// and the household's facts are given to the inspection directly (their own sources are other parts).
const VILLAGE = '511923002201';
const CAMPAIGN: CampaignView = {
  campaignId: '51-2024',
  provinceCode: '51',
  year: 2024,
  launchedOn: '2024-09-01',
  teamsInPlaceBy: '2024-09-15',
  inspectBy: '2099-11-30',
  checklistVersion: '2024.1',
  ruleSetVersion: '51-2024.1',
  keyGroupRuleIds: [],
  keyRegions: [],
  // None published: the rules keep their rule set's own lines.
  lines: { monitoringLineFen: null, inspectionFilterLineFen: null },
  closed: false,
};
type HouseholdFacts = NonNullable<Awaited<ReturnType<HouseholdFactsSource['get']>>>;
const facts = new Map<string, HouseholdFacts>();
let app: NestExpressApplication;
let url: string;
let dataDir: string;
let admin: string;

@Module({
  imports: [
    RegistryModule,
    InspectionModule.withSources({
      campaigns: { get: (id) => Promise.resolve(id === CAMPAIGN.campaignId ? CAMPAIGN : null) },
      households: { get: (id) => Promise.resolve(facts.get(id) ?? null) },
    }),
  ],
})
class RegistryAndInspection {}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rw-inspection-corrections-'));
  const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...TEST_ACCESS_TOKEN_ENV });
  app = await createServiceApp(RegistryAndInspection, { config, identity: embeddedIdentity() });
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  admin = await adminTestToken();
}, 60_000);
afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function eventsOf(streamId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const e of app.get<EventStore>(EVENT_STORE).readStream(streamId)) events.push(e);
  return events;
}

const NO_ISSUE = {
  'relapse-risk': { 'risk-present': false, 'sudden-hardship': false },
  income: { 'per-capita-estimate': 1_500_000, 'income-dropped': false },
  'assistance-measures': { 'measures-in-place': true, 'development-measure': 'yes', 'new-social-assistance': 'none' },
  'elimination-stability': { 'monitoring-state': 'not-monitored' },
  'latent-risks': {
    'housing-safe': true,
    'drinking-water-safe': true,
    'child-dropped-out': false,
    'all-insured': true,
  },
  'data-quality': { 'record-matches': true, 'ledger-matches': true },
  'policy-awareness': { 'application-guide': true },
};

describe('field corrections', () => {
  it('sends each correction as the registry’s command with the contact as causation, records the answers, and sends nothing twice', async () => {
    const registered = await call('POST', '/api/registry/households', {
      villageCode: VILLAGE,
      householdNumber: `corrections-${Date.now()}`,
      status: { kind: 'ordinary' },
    });
    const householdId = String(registered.body['id']);
    facts.set(householdId, {
      householdId,
      villageCode: VILLAGE,
      householdNumber: 'n',
      status: { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
      members: [],
      incomes: [],
      rigidExpenditures: [],
      riskEvents: [],
      threePlusOne: null,
      openWarnings: [],
      warningsRaised: 0,
      legacyMonitoring: null,
      registeredOn: '2024-01-01',
    });
    const findings = Object.fromEntries(Object.entries(NO_ISSUE).map(([area, answers]) => [area, { answers }]));
    const visit = {
      method: 'household-visit',
      contactedOn: '2024-10-14',
      findings,
      complete: true,
      corrections: [
        { kind: 'flags', body: { relocatedToResettlementSite: true, urbanHukou: false } },
        { kind: 'three-plus-one', body: { housingGrade: 'Z' } },
      ],
    };
    const headers = { 'idempotency-key': `visit-${householdId}` };
    const path = `/api/inspection/campaigns/51-2024/households/${householdId}/visits`;
    const res = await call('POST', path, visit, headers);
    expect(res.status).toBe(201);
    const [flags, threePlusOne] = res.body['corrections'] as Record<string, unknown>[];
    expect(flags).toMatchObject({ kind: 'flags', outcome: 'accepted' });
    expect(typeof flags['position']).toBe('number');
    expect(threePlusOne).toMatchObject({
      kind: 'three-plus-one',
      outcome: 'refused',
      status: 400,
      code: 'validation.failed',
    });

    const inspection = await eventsOf(`inspection-household-51-2024-${householdId}`);
    const contact = inspection.find((e) => e.type === 'HouseholdContactRecorded')!;
    const registry = await eventsOf(`registry-household-${householdId}`);
    expect(registry.map((e) => e.type)).toEqual(['HouseholdRegistered', 'HouseholdFlagsChanged']);
    expect(registry[1].metadata).toMatchObject({
      causationId: contact.id,
      correlationId: contact.metadata.correlationId,
    });
    expect(registry[1].metadata.actor).toMatchObject({ role: 'administrator' });
    const sent = inspection.filter((e) => e.type === 'HouseholdCorrectionSent');
    expect(sent.map((e) => (e.data as { answer: { outcome: string } }).answer.outcome)).toEqual([
      'accepted',
      'refused',
    ]);
    expect(sent.every((e) => e.metadata.causationId === contact.id)).toBe(true);

    const again = await call('POST', path, visit, headers);
    expect(again.body).toMatchObject({ replayed: true, corrections: res.body['corrections'] });
    expect(await eventsOf(`inspection-household-51-2024-${householdId}`)).toHaveLength(inspection.length);
    expect(await eventsOf(`registry-household-${householdId}`)).toHaveLength(2);
  });
});
