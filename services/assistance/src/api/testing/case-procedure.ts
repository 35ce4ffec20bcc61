// Spec support: a case's identification procedure through HTTP, each step by the officials of
// its level, dated November 2026 (the shipped calendar's year), all past.
import { expect } from '@jest/globals';
import type { AssistanceApiHarness } from './assistance-api.fixture';
import { TOWNSHIP_OFFICIAL, VILLAGE_INSPECTOR, type COUNTY_OFFICIAL } from './assistance-api.principals';

/** The path of a case's step. */
export const at = (caseId: string, step: string) => `/api/assistance/cases/${caseId}/${step}`;
export const WHY = '核实属实 / confirmed';

/** The county's identification after {@link throughTownshipReview}. */
export const IDENTIFY = {
  on: '2026-11-16',
  category: 'marginal-prone-to-poverty',
  riskTypes: ['illness'],
  reason: '因病支出大 / large medical spending',
};

/** Every identification step up to the county's decision, as the officials of each level record them. */
export async function throughTownshipReview(api: AssistanceApiHarness, caseId: string): Promise<void> {
  const steps: [typeof COUNTY_OFFICIAL, string, Record<string, unknown>, string][] = [
    [TOWNSHIP_OFFICIAL, 'acceptance', { on: '2026-11-02', reason: WHY }, 'MonitoringCaseLeadAccepted'],
    [
      VILLAGE_INSPECTOR,
      'home-verification',
      { on: '2026-11-03', consentSigned: true, findings: '住院自付费用高 / high self-paid hospital costs' },
      'MonitoringCaseHomeVerified',
    ],
    [
      TOWNSHIP_OFFICIAL,
      'department-comparison',
      {
        on: '2026-11-04',
        results: [
          { department: 'civil-affairs', finding: 'consistent' },
          { department: 'housing', finding: 'no-record', note: '无房产登记 / no housing record' },
        ],
      },
      'MonitoringCaseDepartmentsCompared',
    ],
    [
      VILLAGE_INSPECTOR,
      'village-review',
      {
        on: '2026-11-05',
        outcome: 'approved',
        minutesRef: '村评〔2026〕12号',
        vote: { inFavour: 9, against: 1, abstained: 0 },
        reason: WHY,
      },
      'MonitoringCaseVillageReviewed',
    ],
    [VILLAGE_INSPECTOR, 'public-notice', { on: '2026-11-05' }, 'MonitoringCasePublicNoticePosted'],
  ];
  for (const [who, step, body, event] of steps) {
    const res = await api.as(who, 'POST', at(caseId, step), body);
    expect({ step, status: res.status, events: res.body.events }).toEqual({ step, status: 201, events: [event] });
  }
  const objection = await api.as(VILLAGE_INSPECTOR, 'POST', at(caseId, 'objections'), {
    on: '2026-11-06',
    raisedBy: '匿名',
    content: '该户有车辆 / the household owns a car',
  });
  expect(objection).toMatchObject({ status: 201, body: { id: caseId, events: ['MonitoringCaseObjectionRecorded'] } });
  const objectionId = objection.body.objectionId as string;
  const tooEarly = await api.as(VILLAGE_INSPECTOR, 'POST', at(caseId, 'public-notice/closure'), { on: '2026-11-09' });
  expect(tooEarly).toMatchObject({ status: 422 });
  const resolved = await api.as(TOWNSHIP_OFFICIAL, 'POST', at(caseId, `objections/${objectionId}/resolution`), {
    on: '2026-11-09',
    upheld: false,
    reason: '车辆为营运用途已核实 / the car is a working vehicle',
  });
  expect(resolved).toMatchObject({ status: 201, body: { events: ['MonitoringCaseObjectionResolved'] } });
  const closed = await api.as(VILLAGE_INSPECTOR, 'POST', at(caseId, 'public-notice/closure'), { on: '2026-11-12' });
  expect(closed).toMatchObject({ status: 201, body: { events: ['MonitoringCasePublicNoticeClosed'] } });
  const township = await api.as(TOWNSHIP_OFFICIAL, 'POST', at(caseId, 'township-review'), {
    on: '2026-11-13',
    outcome: 'approved',
    reason: WHY,
  });
  expect(township).toMatchObject({ status: 201, body: { events: ['MonitoringCaseTownshipReviewed'] } });
}
