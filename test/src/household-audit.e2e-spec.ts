import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { mergeAuditTrails, type AuditEntry, type AuditTrailPart } from '@relapse-watch/service-runtime/audit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_AUDIT_SEAL_KEY, testAccessToken } from '@relapse-watch/testing';
import { deployAssistance, sharedEventStoreOf, stopDeployments } from './e2e/assistance-deployment.fixture';
import { placeIn, publishLines, registerHousehold } from './e2e/assistance-households.scenario';
import { flagAtRisk } from './e2e/assistance-inspection.scenario';
import { call, until } from './e2e/inspection.scenario';
import { runCli } from './e2e/service-process.fixture';

// Issue 13, item 3: one household's whole history across the services, through the gateway as
// an auditor — registered in the registry, inspected and flagged at risk in the inspection, its
// case opened by the assistance from the inspection's integration event — each service's part
// merged by `mergeAuditTrails` as the reporting service will. Embedded and distributed alike
// (in distributed mode each part comes from its own process and store). Lushan County (芦山县),
// Ya'an: no other suite registers households there.
const COUNTY = '511826';
const CONTEXTS = ['registry', 'inspection', 'assistance'] as const;
afterAll(stopDeployments);

describe('the household audit trail across the services', () => {
  it.each(['embedded', 'distributed'] as const)(
    '%s: registered, inspected, flagged, case opened — who, when, what, why and one correlation chain',
    async (mode) => {
      const base = await deployAssistance(mode);
      const place = await placeIn(base, COUNTY);
      await publishLines(base);
      const household = await registerHousehold(base, place, `AU${randomUUID().slice(0, 8)}`, 0);
      await flagAtRisk(base, place, household.id);
      const auditor = `Bearer ${await testAccessToken({ sub: 'e2e-auditor', kind: 'user', role: 'auditor', unit: '510000000000' })}`;
      const partOf = (context: string) =>
        call(base, 'GET', `/api/${context}/audit/households/${household.id}`, undefined, { authorization: auditor });
      // The case opens once the assistance has consumed the inspection's HouseholdFlaggedAtRisk, the
      // household's episode first and the case's own stream just after (two appends: the assistance
      // part may answer between them); the inspection's part is found through its progress model,
      // which follows the log a moment behind (a client that just wrote sends X-Min-Position; this
      // one waits).
      const complete = (context: string, answer: { status: number; body: Record<string, unknown> }) =>
        answer.status === 200 &&
        (context !== 'assistance' ||
          (answer.body['entries'] as { eventType: string }[]).some((e) => e.eventType === 'MonitoringCaseOpened'));
      const parts: AuditTrailPart[] = [];
      for (const context of CONTEXTS) {
        const answer = await until(
          () => partOf(context),
          (a) => complete(context, a),
        );
        expect({ context, status: answer.status }).toEqual({ context, status: 200 });
        parts.push(answer.body as unknown as AuditTrailPart);
      }
      const trail = mergeAuditTrails(parts);
      const kinds = trail.map((e) => `${e.context}:${e.eventType}`);
      for (const expected of [
        'registry:HouseholdRegistered',
        'registry:MemberAdded',
        'registry:IncomeRecorded',
        'registry:ThreePlusOneStatusRecorded',
        'inspection:HouseholdInspectionOpened',
        'inspection:HouseholdContactRecorded',
        'inspection:InspectionSuggestionsRecorded',
        'inspection:HouseholdInspectionCompleted',
        'inspection:InspectionSuggestionAccepted',
        'assistance:HouseholdCaseAssigned',
        'assistance:MonitoringCaseOpened',
      ])
        expect(kinds).toContain(expected);
      const first = (kind: string) => trail.find((e) => `${e.context}:${e.eventType}` === kind) as AuditEntry;
      const registered = trail.indexOf(first('registry:HouseholdRegistered'));
      const accepted = first('inspection:InspectionSuggestionAccepted');
      const opened = first('assistance:MonitoringCaseOpened');
      // The order a reader expects: registered before inspected before the case.
      expect(registered).toBe(0);
      expect(trail.indexOf(first('inspection:HouseholdInspectionOpened'))).toBeGreaterThan(registered);
      expect(trail.indexOf(opened)).toBeGreaterThan(trail.indexOf(accepted));
      // Who and why: the township official's acceptance with the reason given.
      expect(accepted).toMatchObject({
        actor: { userId: 'e2e-assistance-inspection-township', role: 'township-official' },
        reason: '入户核实属实 / confirmed at the visit',
      });
      expect(first('registry:HouseholdRegistered').actor).toEqual({ userId: 'test-admin', role: 'administrator' });
      // One correlation chain: the case the inspection's event opened carries the acceptance's correlation id.
      expect(opened.correlationId).toBe(accepted.correlationId);
      expect(opened.causationId).not.toBeNull();
      expect(first('assistance:HouseholdCaseAssigned').correlationId).toBe(accepted.correlationId);
      // Never the head's name or resident ID.
      expect(JSON.stringify(trail)).not.toContain(household.residentId);
      expect(JSON.stringify(trail)).not.toContain('援助测试');
      const outsider = await testAccessToken({
        sub: 'e2e-county',
        kind: 'user',
        role: 'county-official',
        unit: `${COUNTY}000000`,
      });
      expect(
        await call(base, 'GET', `/api/registry/audit/households/${household.id}`, undefined, {
          authorization: `Bearer ${outsider}`,
        }),
      ).toMatchObject({ status: 403, body: { code: 'access.permission-denied' } });
      if (mode === 'distributed') await expectSealedSharedLog(sharedEventStoreOf(base));
    },
    600_000,
  );
});

/**
 * Issue 13, item 4, in the running system: every process seals the log they share as it grows,
 * and `relapse-watch audit verify` (the operator's command, with the deployment's key) finds it
 * intact with seals on it — tried again until a seal covers the scenario's events.
 */
async function expectSealedSharedLog(eventStore: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rw-e2e-audit-verify-'));
  try {
    const verify = () =>
      runCli(
        ['audit', 'verify', '--json', '--event-store', eventStore],
        { DATA_DIR: dataDir, AUDIT_SEAL_KEY: TEST_AUDIT_SEAL_KEY },
        'apps/cli',
      );
    let verified = await verify();
    for (let i = 0; i < 30 && verified.code === 0 && JSON.parse(verified.stdout).sealsChecked === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      verified = await verify();
    }
    expect({ code: verified.code, stderr: verified.code === 0 ? '' : verified.stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    const report = JSON.parse(verified.stdout) as { intact: boolean; sealsChecked: number; lastSealedPosition: number };
    expect(report.intact).toBe(true);
    expect(report.sealsChecked).toBeGreaterThan(0);
    expect(report.lastSealedPosition).toBeGreaterThan(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
