import { describe, expect, it } from '@jest/globals';
import type { CaseDetail, StepRecord } from '../api/assistance';
import { historyOf } from './case-history';

const step = (on: string, role: string, reason: string | null = null): StepRecord => ({
  actor: { userId: `u-${role}`, role },
  on,
  reason,
});

describe('a case’s history', () => {
  it('lists every recorded step by day, one day’s steps in the procedure’s order', () => {
    const procedure = {
      opening: { ...step('2026-11-02', 'village-inspector'), lead: { source: 'self-application', referenceId: 'a' } },
      leads: [
        { ...step('2026-11-02', 'village-inspector'), source: 'self-application' },
        { ...step('2026-11-03', 'county-official'), source: 'cadre-inspection' },
      ],
      identification: {
        acceptance: step('2026-11-02', 'township-official', '属实 / confirmed'),
        dismissal: null,
        homeVerification: step('2026-11-04', 'village-inspector'),
        comparison: null,
        villageReview: null,
        townshipReview: null,
        rejection: null,
        identification: null,
      },
      notices: [],
      objections: [],
      elimination: null,
      followUpVisits: [],
    } as unknown as CaseDetail['procedure'];
    expect(historyOf(procedure).map((row) => [row.record.on, row.label, row.record.actor.role])).toEqual([
      ['2026-11-02', 'case.rec.opening', 'village-inspector'],
      ['2026-11-02', 'case.rec.acceptance', 'township-official'],
      ['2026-11-03', 'case.rec.lead', 'county-official'],
      ['2026-11-04', 'case.rec.homeVerification', 'village-inspector'],
    ]);
  });
});
