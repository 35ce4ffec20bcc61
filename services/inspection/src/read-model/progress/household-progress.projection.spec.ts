import { foldProjection } from '@relapse-watch/read-store-core';
import type { HouseholdInspectionEvent } from '../../domain/household-inspection/household-inspection.events';
import { householdProgressProjection } from './household-progress.projection';
import { atRiskSuggested, completed, decided, inspectionHistory } from './testing/progress-events';

const VILLAGE = '511923102201';
const progressAfter = (events: readonly HouseholdInspectionEvent[]) => {
  const docs = foldProjection(householdProgressProjection, inspectionHistory('51-2024', 'h-1', VILLAGE, events));
  expect(docs.size).toBe(1);
  return [...docs.values()][0].data;
};

describe('household progress', () => {
  it('given an opened inspection, then it is counted in its village and every tier above, not done', () => {
    expect(progressAfter([])).toMatchObject({
      campaignId: '51-2024',
      householdId: 'h-1',
      villageCode: VILLAGE,
      townshipCode: '511923102000',
      countyCode: '511923000000',
      cityCode: '511900000000',
      provinceCode: '510000000000',
      done: false,
      flaggedAtRisk: false,
    });
  });

  it('given a completion, then it is done with its methods, lateness and key group', () => {
    expect(
      progressAfter([
        completed(['group-assessment', 'household-visit'], { late: true, keyGroupRuleIds: ['key-group.disaster'] }),
      ]),
    ).toMatchObject({
      done: true,
      late: true,
      byHouseholdVisit: true,
      byGroupAssessment: true,
      byOnline: false,
      keyGroup: true,
      completedOn: '2024-08-20',
    });
  });

  it('given a reopening after the completion, then it is no longer done until completed again', () => {
    const reopened = {
      type: 'HouseholdInspectionReopened',
      data: { round: 2, reason: '回访 / revisit', reopenedOn: '2024-08-25' },
    } as HouseholdInspectionEvent;
    expect(progressAfter([completed(['household-visit'], { late: true }), reopened])).toMatchObject({
      done: false,
      late: false,
      round: 2,
    });
  });

  it('flags the household at risk when an official accepts an at-risk suggestion, not when it is dismissed', () => {
    expect(progressAfter([atRiskSuggested('s-1')])).toMatchObject({ atRiskSuggested: true, flaggedAtRisk: false });
    expect(progressAfter([atRiskSuggested('s-1'), decided('accepted', 's-1')])).toMatchObject({
      atRiskPending: [],
      flaggedAtRisk: true,
    });
    expect(progressAfter([atRiskSuggested('s-1'), decided('dismissed', 's-1')])).toMatchObject({
      atRiskPending: [],
      flaggedAtRisk: false,
    });
  });

  it('ignores a decision on a suggestion that was not an at-risk one', () => {
    expect(progressAfter([atRiskSuggested('s-1'), decided('accepted', 's-other')])).toMatchObject({
      atRiskPending: ['s-1'],
      flaggedAtRisk: false,
    });
  });
});
