import { foldProjection } from '@relapse-watch/read-store-core';
import type { HouseholdInspectionEvent } from '../../domain/household-inspection/household-inspection.events';
import { inspectionHistory } from '../progress/testing/progress-events';
import { followUpProjection } from './follow-up.projection';
import { followUpRow } from './follow-up.queries';

const VILLAGE = '511923102201';
const HOUSEHOLD = '6f0c1f0e-54a3-4a8e-9a52-1b1e6f3b2c10';
const issue: HouseholdInspectionEvent = {
  type: 'DataQualityIssueOpened',
  data: {
    issueId: 'q-1',
    villageCode: VILLAGE,
    ruleId: 'data-quality.record-mismatch',
    rule: 'findings.record-mismatch',
    field: 'data-quality.record-matches',
    openedOn: '2024-10-14',
  },
};
const item: HouseholdInspectionEvent = {
  type: 'RectificationItemOpened',
  data: {
    itemId: 'r-1',
    villageCode: VILLAGE,
    ruleId: 'rectification.housing',
    area: 'latent-risks',
    ownerUnit: 'county-housing',
    dueOn: '2024-11-13',
    openedOn: '2024-10-14',
  },
};
const after = (events: readonly HouseholdInspectionEvent[]) =>
  [...foldProjection(followUpProjection, inspectionHistory('51-2024', HOUSEHOLD, VILLAGE, events)).values()].map(
    (d) => [d.id, d.data] as const,
  );

describe('the follow-up list', () => {
  it('given an accepted data-quality suggestion, then an open issue in its village, campaign and household', () => {
    expect(after([issue])).toEqual([
      [
        'data-quality:q-1',
        {
          kind: 'data-quality',
          id: 'q-1',
          campaignId: '51-2024',
          householdId: HOUSEHOLD,
          villageCode: VILLAGE,
          townshipCode: '511923102000',
          countyCode: '511923000000',
          cityCode: '511900000000',
          provinceCode: '510000000000',
          ruleId: 'data-quality.record-mismatch',
          rule: 'findings.record-mismatch',
          field: 'data-quality.record-matches',
          area: null,
          ownerUnit: null,
          dueOn: null,
          openedOn: '2024-10-14',
          status: 'open',
          closedOn: null,
          resolution: null,
          closedLate: null,
        },
      ],
    ]);
  });

  it('given a resolution, then the issue is closed with it; the item beside it stays open', () => {
    const resolved: HouseholdInspectionEvent = {
      type: 'DataQualityIssueResolved',
      data: { issueId: 'q-1', resolution: '已更正 / corrected', resolvedOn: '2024-10-20' },
    };
    const docs = new Map(after([issue, item, resolved]));
    expect(docs.get('data-quality:q-1')).toMatchObject({
      status: 'closed',
      closedOn: '2024-10-20',
      resolution: '已更正 / corrected',
    });
    expect(docs.get('rectification:r-1')).toMatchObject({
      kind: 'rectification',
      status: 'open',
      area: 'latent-risks',
      ownerUnit: 'county-housing',
      dueOn: '2024-11-13',
      rule: null,
    });
  });

  it('given an item closed after its due day, then it is closed late', () => {
    const closed: HouseholdInspectionEvent = {
      type: 'RectificationItemClosed',
      data: { itemId: 'r-1', resolution: '已加固 / reinforced', closedOn: '2024-11-20', overdue: true },
    };
    expect(new Map(after([item, closed])).get('rectification:r-1')).toMatchObject({
      status: 'closed',
      closedOn: '2024-11-20',
      closedLate: true,
    });
  });

  it('counts the days open to today or to the closing, and an item past its due day as overdue', () => {
    const [[, open]] = after([item]);
    expect(followUpRow(open, '2024-11-13')).toMatchObject({ daysOpen: 30, overdue: false });
    expect(followUpRow(open, '2024-11-14')).toMatchObject({ daysOpen: 31, overdue: true });
    const [[, closed]] = after([
      item,
      {
        type: 'RectificationItemClosed',
        data: { itemId: 'r-1', resolution: 'x', closedOn: '2024-10-24', overdue: false },
      },
    ]);
    expect(followUpRow(closed, '2025-03-01')).toMatchObject({ daysOpen: 10, overdue: false });
    const [[, anIssue]] = after([issue]);
    expect(followUpRow(anIssue, '2025-10-14')).toMatchObject({ daysOpen: 365, overdue: false });
  });
});
