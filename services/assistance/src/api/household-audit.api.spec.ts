import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdMembersChangedV1 } from '@relapse-watch/contracts';
import type { TestTokenClaims } from '@relapse-watch/testing';
import { randomUUID } from 'node:crypto';
import { COUNTY_OFFICIAL, VILLAGE, VILLAGE_INSPECTOR } from './testing/assistance-api.principals';
import { startAssistanceApi, type AssistanceApiHarness } from './testing/assistance-api.fixture';
import { at, IDENTIFY, throughTownshipReview } from './testing/case-procedure';

// The assistance's part of a household's audit trail over real HTTP (SQLite in a temp folder):
// the household's episode, its case's whole identification with each official and reason, and
// the correlation id of each request.
const AUDITOR: TestTokenClaims = { sub: 'u-auditor', kind: 'user', role: 'auditor', unit: '510000000000' };
let api: AssistanceApiHarness;

beforeAll(async () => {
  api = await startAssistanceApi('rw-assistance-audit-api-');
});
afterAll(async () => {
  await api?.close();
});

async function identifiedCase(correlationId: string): Promise<{ householdId: string; caseId: string }> {
  const householdId = randomUUID();
  await api.register({ householdId, villageCode: VILLAGE, members: householdMembersChangedV1.fixture.members });
  const lead = await api.as(
    VILLAGE_INSPECTOR,
    'POST',
    '/api/assistance/leads',
    { householdId, source: 'cadre-inspection', referenceId: 'report-1', on: '2026-11-02' },
    { 'x-correlation-id': correlationId },
  );
  expect(lead.status).toBe(201);
  const caseId = lead.body.id as string;
  await throughTownshipReview(api, caseId);
  const identified = await api.as(COUNTY_OFFICIAL, 'POST', at(caseId, 'identification'), IDENTIFY);
  expect(identified.status).toBe(201);
  return { householdId, caseId };
}

describe('GET /api/assistance/audit/households/{householdId}', () => {
  it('lists the household’s case from the lead to the county’s identification, who, when and why', async () => {
    const correlationId = randomUUID();
    const { householdId, caseId } = await identifiedCase(correlationId);
    const res = await api.as(AUDITOR, 'GET', `/api/assistance/audit/households/${householdId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId, context: 'assistance' });
    const entries = res.body.entries as {
      streamId: string;
      eventType: string;
      actor: { userId: string; role: string };
      reason: string | null;
      correlationId: string;
      position: number;
    }[];
    const types = entries.map((e) => e.eventType);
    expect(types.slice(0, 3)).toEqual(['HouseholdCaseAssigned', 'MonitoringCaseOpened', 'MonitoringCaseLeadAccepted']);
    expect(types).toContain('MonitoringCaseObjectionRecorded');
    expect(types.at(-1)).toBe('MonitoringCaseIdentified');
    expect(new Set(entries.map((e) => e.streamId))).toEqual(
      new Set([`assistance-household-${householdId}`, `assistance-case-${caseId}`]),
    );
    expect(entries[0]).toMatchObject({ actor: { userId: 'u-inspector', role: 'village-inspector' }, correlationId });
    expect(entries[1]).toMatchObject({ correlationId });
    expect(entries.at(-1)).toMatchObject({
      actor: { userId: 'u-county', role: 'county-official' },
      reason: IDENTIFY.reason,
    });
    const positions = entries.map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Free text about people (findings, the objection's content) stays in the case itself.
    expect(JSON.stringify(res.body)).not.toContain('住院自付费用高');
  });

  it('refuses a role without audit.read and a malformed id; 404 for a household without a case', async () => {
    const { householdId } = await identifiedCase(randomUUID());
    expect(await api.as(COUNTY_OFFICIAL, 'GET', `/api/assistance/audit/households/${householdId}`)).toMatchObject({
      status: 403,
      body: { code: 'access.permission-denied' },
    });
    expect(await api.call('GET', '/api/assistance/audit/households/x')).toMatchObject({
      status: 400,
      body: { code: 'validation.failed', field: 'householdId' },
    });
    expect(await api.call('GET', `/api/assistance/audit/households/${randomUUID()}`)).toMatchObject({
      status: 404,
      body: { code: 'audit.household-unknown' },
    });
  });
});
