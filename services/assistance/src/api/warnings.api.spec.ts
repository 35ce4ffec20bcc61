import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import { residentIdHash } from '@relapse-watch/domain-kernel';
import { randomUUID } from 'node:crypto';
import { ASSISTANCE_CONFIG, type AssistanceConfig } from '../config/assistance.config';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { COUNTY_OFFICIAL, HEALTH_INSURANCE, REGISTRY_READER, VILLAGE } from './testing/assistance-api.principals';

// Department warnings over real HTTP (SQLite in a temp folder), from a client system with the
// `warning.submit` scope. The household's members reach the service's view with their salted ID
// hashes, as the registry's HouseholdMembersChanged publishes them.
const RESIDENT_ID = '511923196804120318';
const UNKNOWN_RESIDENT_ID = '11010519491231002X';
let api: AssistanceApiHarness;
let salt: string;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-warnings-api-');
  salt = api.app.get<AssistanceConfig>(ASSISTANCE_CONFIG).residentIdSalt;
});
afterAll(async () => {
  await api?.close();
});

const warning = (overrides: Record<string, unknown>) => ({
  department: 'health-insurance',
  warningId: `hi-${randomUUID()}`,
  indicator: 'self-paid-medical-cost',
  value: 32000,
  unit: 'yuan',
  observedOn: '2026-11-20',
  ...overrides,
});

describe('POST /api/assistance/warnings', () => {
  it('a warning by resident ID opens the household’s case; the same warning id again writes nothing, same case', async () => {
    const householdId = randomUUID();
    await api.register({
      householdId,
      villageCode: VILLAGE,
      members: householdMembersChangedV1.fixture.members.slice(0, 1),
      residentIdHashes: [residentIdHash(RESIDENT_ID, salt)],
    });
    const body = warning({ residentId: RESIDENT_ID });
    const first = await api.as(HEALTH_INSURANCE, 'POST', '/api/assistance/warnings', body);
    expect(first).toMatchObject({ status: 201, body: { opened: true, events: ['MonitoringCaseOpened'] } });
    expect(JSON.stringify(first.body)).not.toContain(RESIDENT_ID);
    const again = await api.as(HEALTH_INSURANCE, 'POST', '/api/assistance/warnings', body);
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id, opened: false, events: [] } });
    const read = await api.call('GET', `/api/assistance/cases/${first.body.id}`);
    expect(read.body).toMatchObject({ householdId });
    expect(read.body.procedure.opening).toMatchObject({
      actor: { userId: 'client:health-insurance-51', role: 'client' },
      lead: { source: 'department-warning', department: 'health-insurance', referenceId: body.warningId },
    });
    expect(JSON.stringify(read.body)).not.toContain(RESIDENT_ID);
  });

  it('404 household.unknown at residentId for a person no household has, without echoing the number', async () => {
    const res = await api.as(
      HEALTH_INSURANCE,
      'POST',
      '/api/assistance/warnings',
      warning({ residentId: UNKNOWN_RESIDENT_ID }),
    );
    expect(res).toMatchObject({ status: 404, body: { code: 'household.unknown', field: 'residentId' } });
    expect(JSON.stringify(res.body)).not.toContain(UNKNOWN_RESIDENT_ID);
  });

  it('422 with the kernel’s code for a malformed ID; 422 when neither or both of household and ID are given', async () => {
    const bad = await api.as(
      HEALTH_INSURANCE,
      'POST',
      '/api/assistance/warnings',
      warning({ residentId: '511923196804120319' }),
    );
    expect(bad).toMatchObject({ status: 422, body: { code: 'resident-id.check-character', field: 'residentId' } });
    expect(JSON.stringify(bad.body)).not.toContain('511923196804120319');
    const neither = await api.as(HEALTH_INSURANCE, 'POST', '/api/assistance/warnings', warning({}));
    expect(neither).toMatchObject({ status: 422, body: { code: 'warning.household-required', field: 'householdId' } });
    const both = await api.as(
      HEALTH_INSURANCE,
      'POST',
      '/api/assistance/warnings',
      warning({ householdId: randomUUID(), residentId: RESIDENT_ID }),
    );
    expect(both).toMatchObject({ status: 422, body: { code: 'warning.household-required' } });
  });

  it('403 for a client without warning.submit and for an official (a person’s leads go to /leads)', async () => {
    const householdId = randomUUID();
    await api.register({ householdId, villageCode: VILLAGE });
    const reader = await api.as(REGISTRY_READER, 'POST', '/api/assistance/warnings', warning({ householdId }));
    expect(reader).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    const official = await api.as(COUNTY_OFFICIAL, 'POST', '/api/assistance/warnings', warning({ householdId }));
    expect(official).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
    const byId = await api.as(HEALTH_INSURANCE, 'POST', '/api/assistance/warnings', warning({ householdId }));
    expect(byId).toMatchObject({ status: 201, body: { opened: true } });
  });
});
