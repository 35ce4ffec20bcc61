import type { MonitoringCaseImported } from '../../domain/monitoring-case/monitoring-case-import.events';
import { pendingSteps } from './case-list.deadlines';
import { evolveCaseList } from './case-list.evolve';

// A case the caseload import brought in: identified (or eliminated) in the national system, its
// procedure over, so nothing of it can fall overdue.
const imported = (eliminatedOn: string | null): MonitoringCaseImported => ({
  type: 'MonitoringCaseImported',
  data: {
    actor: { userId: 'operator', role: 'cli' },
    on: '2022-04-18',
    reason: null,
    caseId: 'c-imported',
    householdId: 'h-imported',
    villageCode: '511902001001',
    leadSource: 'department-warning',
    category: 'sudden-severe-hardship',
    riskTypes: ['illness'],
    eliminatedOn,
  },
});

it('lists a monitored imported case as identified, with nothing pending', () => {
  const doc = evolveCaseList(null, imported(null));
  expect(doc).toMatchObject({
    caseId: 'c-imported',
    countyCode: '511902000000',
    phase: 'identified',
    leadSource: 'department-warning',
    category: 'sudden-severe-hardship',
    identifiedOn: '2022-04-18',
    identified: true,
    monitored: true,
    eliminatedOn: null,
  });
  expect(pendingSteps(doc!)).toEqual([]);
});

it('lists an eliminated imported case as eliminated, no longer monitored', () => {
  expect(evolveCaseList(null, imported('2024-06-30'))).toMatchObject({
    phase: 'eliminated',
    eliminatedOn: '2024-06-30',
    monitored: false,
    running: false,
  });
});
