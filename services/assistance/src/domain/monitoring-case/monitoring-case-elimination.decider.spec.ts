import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { checkRiskElimination } from '../risk-elimination/risk-elimination.guard';
import { ELIGIBLE, rolling } from '../risk-elimination/testing/risk-elimination.fixtures';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type {
  MonitoringCaseEliminationRejected,
  MonitoringCaseFollowUpVisitRecorded,
  MonitoringCaseRelapsed,
} from './monitoring-case-elimination.events';
import type { MonitoringCaseTownshipReviewed, MonitoringCaseVillageReviewed } from './monitoring-case.events';
import {
  ELIMINATION_UNTIL,
  eliminationNoticeClosed,
  eliminationNoticePosted,
  eliminationProposed,
  eliminationRefused,
  eliminationTownshipReviewed,
  eliminationVerified,
  eliminationVillageReviewed,
  grant,
  closeEliminationNotice,
  INCOME_NOT_STABLE,
  REFUSING_GUARD,
  postEliminationNotice,
  propose,
  proposeRefused,
  reviewEliminationInTownship,
  reviewEliminationInVillage,
  riskEliminated,
  verifyForElimination,
} from './testing/monitoring-case-elimination.fixtures';
import {
  CASE_ID,
  command,
  COUNTY,
  NEW_CASE_ID,
  TOWNSHIP,
  UNTIL,
  VILLAGE_CADRE,
} from './testing/monitoring-case.fixtures';

const spec = deciderSpecification(monitoringCaseDecider);

const rejectAtCounty = command('RejectElimination', COUNTY, { on: '2025-11-27', reason: '收入来源尚不稳定' });
const rejectedAtCounty: MonitoringCaseEliminationRejected = {
  type: 'MonitoringCaseEliminationRejected',
  data: { actor: COUNTY, on: '2025-11-27', reason: '收入来源尚不稳定', at: 'county' },
};
const visit = command('RecordFollowUpVisit', VILLAGE_CADRE, {
  on: '2026-03-01',
  visitId: 'v-1',
  findings: '生产生活正常',
});
const visited: MonitoringCaseFollowUpVisitRecorded = {
  type: 'MonitoringCaseFollowUpVisitRecorded',
  data: { actor: VILLAGE_CADRE, on: '2026-03-01', reason: null, visitId: 'v-1', findings: '生产生活正常' },
};
const relapse = command('RecordRelapse', TOWNSHIP, {
  on: '2026-08-01',
  reason: '家庭成员突发重病',
  newCaseId: NEW_CASE_ID,
});
const relapsed: MonitoringCaseRelapsed = {
  type: 'MonitoringCaseRelapsed',
  data: { actor: TOWNSHIP, on: '2026-08-01', reason: '家庭成员突发重病', newCaseId: NEW_CASE_ID },
};

describe('ProposeElimination', () => {
  it('given an identified case, when the guard refuses, then the refusal and its reasons are recorded', () => {
    spec.given(UNTIL.identified).when(proposeRefused).thenEmits([eliminationRefused]);
    expect(spec.given([...UNTIL.identified, eliminationRefused]).state()).toMatchObject({ phase: 'identified' });
  });

  it('takes the guard’s verdict as the guard gives it (the refusing fixture is its real output)', () => {
    const marchToMay = ['2025-03-31', '2025-04-30', '2025-05-31'].map((day) => rolling(day));
    expect(checkRiskElimination({ ...ELIGIBLE, incomes: marchToMay, today: '2025-06-10' })).toEqual(REFUSING_GUARD);
  });

  it('given an identified case, when the guard refuses twice for one code, then both reasons are kept in order, and nothing else', () => {
    const water = {
      code: 'elimination.three-plus-one-not-secured',
      field: 'threePlusOne.drinkingWaterSafe',
      message: '饮水安全未保障 / 3+1 not secured: safe drinking water',
      evidence: { item: 'drinking-water' },
    } as const;
    const housing = {
      code: 'elimination.three-plus-one-not-secured',
      field: 'threePlusOne.housingGrade',
      message: '住房安全（C级危房）未保障 / 3+1 not secured: safe housing (grade C, dangerous)',
      evidence: { item: 'housing', housingGrade: 'C' },
    } as const;
    const guard = { allowed: false, reasons: [{ ...water, note: 'added by a caller' }, housing] };
    spec
      .given(UNTIL.identified)
      .when({ ...proposeRefused, facts: { today: '2026-12-31', guard } })
      .thenEmits([{ ...eliminationRefused, data: { ...eliminationRefused.data, guardReasons: [water, housing] } }]);
  });

  it('given the refusal, when it comes again, then nothing happens', () => {
    spec
      .given([...UNTIL.identified, eliminationRefused])
      .when(proposeRefused)
      .thenEmitsNothing();
  });

  it('given an identified case, when the guard allows, then the elimination is proposed', () => {
    spec.given(UNTIL.identified).when(propose).thenEmits([eliminationProposed]);
  });

  it('given the proposal, when it comes again, then nothing happens', () => {
    spec.given(ELIMINATION_UNTIL.proposed).when(propose).thenEmitsNothing();
  });

  it.each([
    ['a refusal without reasons', { allowed: false, reasons: [] }],
    ['no verdict', { allowed: 'maybe' as never, reasons: [] }],
    ['a reason whose code is not a code', { allowed: false, reasons: [{ ...INCOME_NOT_STABLE, code: '收入不稳定' }] }],
    ['a reason without its message', { allowed: false, reasons: [{ ...INCOME_NOT_STABLE, message: '' }] }],
    ['a reason without evidence', { allowed: false, reasons: [{ ...INCOME_NOT_STABLE, evidence: null }] }],
    ['a bare code instead of the guard’s reason', { allowed: false, reasons: ['elimination.income-not-stable'] }],
  ])('refuses %s', (_what, guard) => {
    spec
      .given(UNTIL.identified)
      .when({ ...propose, facts: { today: '2026-12-31', guard: guard as never } })
      .thenRejects({ code: 'case.guard-verdict', field: 'guard' });
  });

  it('refuses a proposal before identification, allowed or not', () => {
    spec.given(UNTIL.townshipReviewed).when(propose).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    spec
      .given(UNTIL.townshipReviewed)
      .when(proposeRefused)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it('refuses a proposal without a reason', () => {
    spec
      .given(UNTIL.identified)
      .when({ ...propose, data: { on: '2025-11-10', reason: '' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });
});

describe('the elimination procedure mirrors identification', () => {
  it('verification, village review, notice, township review, each once and in order', () => {
    spec.given(ELIMINATION_UNTIL.proposed).when(verifyForElimination).thenEmits([eliminationVerified]);
    spec.given(ELIMINATION_UNTIL.verified).when(verifyForElimination).thenEmitsNothing();
    spec.given(ELIMINATION_UNTIL.verified).when(reviewEliminationInVillage).thenEmits([eliminationVillageReviewed]);
    spec.given(ELIMINATION_UNTIL.villageReviewed).when(reviewEliminationInVillage).thenEmitsNothing();
    spec.given(ELIMINATION_UNTIL.villageReviewed).when(postEliminationNotice).thenEmits([eliminationNoticePosted]);
    spec.given(ELIMINATION_UNTIL.noticePosted).when(closeEliminationNotice).thenEmits([eliminationNoticeClosed]);
    spec
      .given(ELIMINATION_UNTIL.noticeClosed)
      .when(reviewEliminationInTownship)
      .thenEmits([eliminationTownshipReviewed]);
  });

  it('refuses the village review before the elimination verification', () => {
    spec
      .given(ELIMINATION_UNTIL.proposed)
      .when(reviewEliminationInVillage)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it('refuses a verification without findings', () => {
    spec
      .given(ELIMINATION_UNTIL.proposed)
      .when({ ...verifyForElimination, data: { on: '2025-11-12', findings: '' } })
      .thenRejects({ code: 'case.text', field: 'findings' });
  });

  it('keeps the notice rules: no close before the earliest close date', () => {
    spec
      .given(ELIMINATION_UNTIL.noticePosted)
      .when({ ...closeEliminationNotice, data: { on: '2025-11-19' } })
      .thenRejects({ code: 'case.notice-too-early', field: 'on' });
  });

  it('given a village that does not approve, then the elimination is rejected and the household stays monitored', () => {
    const notApproved: MonitoringCaseVillageReviewed = {
      type: 'MonitoringCaseVillageReviewed',
      data: { ...eliminationVillageReviewed.data, outcome: 'not-approved', reason: '收入仍不稳定' },
    };
    const rejected: MonitoringCaseEliminationRejected = {
      type: 'MonitoringCaseEliminationRejected',
      data: { actor: VILLAGE_CADRE, on: '2025-11-14', reason: '收入仍不稳定', at: 'village-review' },
    };
    const review = {
      ...reviewEliminationInVillage,
      data: { ...reviewEliminationInVillage.data, outcome: 'not-approved' as const, reason: '收入仍不稳定' },
    };
    spec.given(ELIMINATION_UNTIL.verified).when(review).thenEmits([notApproved, rejected]);
    spec
      .given([...ELIMINATION_UNTIL.verified, notApproved, rejected])
      .when(review)
      .thenEmitsNothing();
    expect(spec.given([...ELIMINATION_UNTIL.verified, notApproved, rejected]).state()).toMatchObject({
      phase: 'identified',
    });
  });

  it('given a township that does not approve, then the elimination is rejected there', () => {
    const notApproved: MonitoringCaseTownshipReviewed = {
      type: 'MonitoringCaseTownshipReviewed',
      data: { ...eliminationTownshipReviewed.data, outcome: 'not-approved', reason: '不同意' },
    };
    spec
      .given(ELIMINATION_UNTIL.noticeClosed)
      .when({
        ...reviewEliminationInTownship,
        data: { ...reviewEliminationInTownship.data, outcome: 'not-approved', reason: '不同意' },
      })
      .thenEmits([
        notApproved,
        {
          type: 'MonitoringCaseEliminationRejected',
          data: { actor: TOWNSHIP, on: '2025-11-24', reason: '不同意', at: 'township-review' },
        },
      ]);
  });
});

describe('GrantElimination / RejectElimination', () => {
  it('given the township review, when the county grants, then the risk is eliminated', () => {
    spec.given(ELIMINATION_UNTIL.townshipReviewed).when(grant).thenEmits([riskEliminated]);
    spec.given(ELIMINATION_UNTIL.eliminated).when(grant).thenEmitsNothing();
  });

  it('given the township review, when the county rejects, then the household stays monitored and may be proposed again', () => {
    spec.given(ELIMINATION_UNTIL.townshipReviewed).when(rejectAtCounty).thenEmits([rejectedAtCounty]);
    const history = [...ELIMINATION_UNTIL.townshipReviewed, rejectedAtCounty];
    spec.given(history).when(rejectAtCounty).thenEmitsNothing();
    const again = command(
      'ProposeElimination',
      TOWNSHIP,
      { on: '2026-06-01', reason: '再次申请' },
      { guard: { allowed: true, reasons: [] } },
    );
    spec
      .given(history)
      .when(again)
      .thenEmits([
        { type: 'MonitoringCaseEliminationProposed', data: { actor: TOWNSHIP, on: '2026-06-01', reason: '再次申请' } },
      ]);
  });

  it('refuses a grant before the township review, and without a reason', () => {
    spec
      .given(ELIMINATION_UNTIL.noticeClosed)
      .when(grant)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    spec
      .given(ELIMINATION_UNTIL.townshipReviewed)
      .when({ ...grant, data: { on: '2025-11-27', reason: '' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });

  it('refuses an identification decision in the elimination procedure', () => {
    const approve = command('ApproveIdentification', COUNTY, {
      on: '2025-11-27',
      reason: '认定',
      category: 'marginal-prone-to-poverty',
      riskTypes: ['illness'],
    });
    const error = spec
      .given(ELIMINATION_UNTIL.townshipReviewed)
      .when(approve)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    expect(error.message).toContain('elimination-decision');
  });
});

describe('RecordFollowUpVisit', () => {
  it('given an eliminated case, when a follow-up visit is made, then it is recorded', () => {
    spec.given(ELIMINATION_UNTIL.eliminated).when(visit).thenEmits([visited]);
  });

  it('given the visit, when it comes again, then nothing happens', () => {
    spec
      .given([...ELIMINATION_UNTIL.eliminated, visited])
      .when(visit)
      .thenEmitsNothing();
  });

  it('given the visit, when its id comes with other findings, then it is refused', () => {
    spec
      .given([...ELIMINATION_UNTIL.eliminated, visited])
      .when({ ...visit, data: { ...visit.data, findings: '另有情况' } })
      .thenRejects({ code: 'case.visit-id-taken', field: 'visitId' });
  });

  it('refuses a follow-up before elimination', () => {
    spec
      .given(ELIMINATION_UNTIL.townshipReviewed)
      .when(visit)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it('refuses a visit dated before the elimination', () => {
    spec
      .given(ELIMINATION_UNTIL.eliminated)
      .when({ ...visit, data: { ...visit.data, on: '2025-11-26' } })
      .thenRejects({ code: 'case.date-order', field: 'on' });
  });

  it('refuses a follow-up after the household relapsed into a new case', () => {
    spec
      .given([...ELIMINATION_UNTIL.eliminated, relapsed])
      .when(visit)
      .thenRejects({ code: 'case.relapsed' });
  });
});

describe('RecordRelapse', () => {
  it('given an eliminated case, when the household relapses, then the case links forward to the new one', () => {
    spec.given(ELIMINATION_UNTIL.eliminated).when(relapse).thenEmits([relapsed]);
  });

  it('given the link, when it comes again, then nothing happens', () => {
    spec
      .given([...ELIMINATION_UNTIL.eliminated, relapsed])
      .when(relapse)
      .thenEmitsNothing();
  });

  it('given the link, when another new case is named, then it is refused', () => {
    spec
      .given([...ELIMINATION_UNTIL.eliminated, relapsed])
      .when({ ...relapse, data: { ...relapse.data, newCaseId: 'case-3' } })
      .thenRejects({ code: 'case.already-relapsed', field: 'newCaseId' });
  });

  it('refuses a relapse of a case not eliminated (it is still monitored)', () => {
    spec.given(UNTIL.identified).when(relapse).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it('refuses the case itself as its relapse', () => {
    spec
      .given(ELIMINATION_UNTIL.eliminated)
      .when({ ...relapse, data: { ...relapse.data, newCaseId: CASE_ID } })
      .thenRejects({ code: 'case.id', field: 'newCaseId' });
  });
});
