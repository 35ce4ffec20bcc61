import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerOf } from '@relapse-watch/access';
import { fixedOffsetClock, householdIdFor } from '@relapse-watch/domain-kernel';
import { foldStream } from '@relapse-watch/event-store-core';
import { csvLine } from '@relapse-watch/sheet-io';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import { caseloadHeader } from '../generator/caseload-sheet.writer';
import { importCaseloadSheet } from '../import/caseload-sheet.import';
import { caseRow } from '../import/testing/caseload-sheet.fixture';
import { CaseCommands } from './case-commands';
import { caseIdOf, importedCaseIdOf } from './case-ids';
import { CaseSchedule, NATIONAL_CASE_POLICY } from './case-policy';
import {
  CaseHouseholdsInMemory,
  householdFacts,
  openTestStore,
  TOWNSHIP_OFFICIAL,
  VILLAGE,
} from './testing/case.test-support';

// Leads for households whose case the caseload import brought in: a running (identified) imported
// case takes the lead as evidence; an eliminated one links forward to the relapse case a lead opens.

const clock = fixedOffsetClock(480, () => new Date('2024-11-01T02:00:00Z'));
const identified = householdIdFor(VILLAGE, '0001');
const eliminated = householdIdFor(VILLAGE, '0002');
const lead = (referenceId: string) => ({
  source: 'self-application' as const,
  referenceId,
  department: null,
  summary: null,
});

describe('leads for imported cases', () => {
  it('go to the running imported case, or open the next episode after an eliminated one', async () => {
    const harness = openTestStore();
    const folder = mkdtempSync(join(tmpdir(), 'rw-imported-leads-'));
    try {
      const { store } = harness;
      const sheet = join(folder, 'caseload.csv');
      const rows = [
        caseRow('0001', { villageCode: VILLAGE }),
        caseRow('0002', { villageCode: VILLAGE, riskEliminated: '是', eliminatedOn: '2023-11-30' }),
      ];
      writeFileSync(sheet, `\uFEFF${[caseloadHeader(), ...rows].map((r) => csvLine(r)).join('')}`);
      expect(await importCaseloadSheet({ file: sheet, store, clock, progressFile: null })).toMatchObject({ cases: 2 });

      const households = new CaseHouseholdsInMemory();
      households.put(householdFacts(identified));
      households.put(householdFacts(eliminated));
      const commands = new CaseCommands({ store, clock, households, schedule: new CaseSchedule(NATIONAL_CASE_POLICY) });
      const ctx = { caller: callerOf(TOWNSHIP_OFFICIAL), correlationId: 'spec' };

      const evidence = await commands.submitLead({ householdId: identified, lead: lead('app-1') }, ctx);
      expect(evidence).toMatchObject({ caseId: importedCaseIdOf(identified), opened: false });
      expect(evidence.result.events.map((e) => e.type)).toEqual(['MonitoringCaseLeadEvidenceAdded']);

      const relapse = await commands.submitLead({ householdId: eliminated, lead: lead('app-2') }, ctx);
      expect(relapse).toMatchObject({ caseId: caseIdOf(eliminated, 1), opened: true });
      expect(relapse.result.state).toMatchObject({ opening: { previousCaseId: importedCaseIdOf(eliminated) } });
      const old = await foldStream(store, monitoringCaseStreamId(importedCaseIdOf(eliminated)), monitoringCaseDecider);
      expect(old).toMatchObject({ phase: 'eliminated', relapse: { newCaseId: caseIdOf(eliminated, 1) } });
    } finally {
      await harness.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
