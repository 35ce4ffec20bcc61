import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type {
  MonitoringCaseIdentificationRejected,
  MonitoringCaseTownshipReviewed,
  MonitoringCaseVillageReviewed,
} from './monitoring-case.events';
import {
  approve,
  COUNTY,
  command,
  compare,
  compared,
  homeVerified,
  identified,
  opened,
  reviewInTownship,
  reviewInVillage,
  TOWNSHIP,
  townshipReviewed,
  UNTIL,
  verifyHome,
  VILLAGE_CADRE,
  villageReviewed,
} from './testing/monitoring-case.fixtures';

const spec = deciderSpecification(monitoringCaseDecider);

const reject = command('RejectIdentification', COUNTY, { on: '2024-09-24', reason: '家庭存款超过规定标准' });
const rejectedAtCounty: MonitoringCaseIdentificationRejected = {
  type: 'MonitoringCaseIdentificationRejected',
  data: { actor: COUNTY, on: '2024-09-24', reason: '家庭存款超过规定标准', at: 'county' },
};

describe('RecordHomeVerification', () => {
  it('given an accepted lead, when the household is visited with its signed consent, then it is recorded', () => {
    spec.given(UNTIL.accepted).when(verifyHome).thenEmits([homeVerified]);
  });

  it('given the verification, when it comes again, then nothing happens', () => {
    spec.given(UNTIL.homeVerified).when(verifyHome).thenEmitsNothing();
  });

  it('refuses a verification without the signed consent', () => {
    spec
      .given(UNTIL.accepted)
      .when({ ...verifyHome, data: { ...verifyHome.data, consentSigned: false } })
      .thenRejects({ code: 'case.consent-missing', field: 'consentSigned' });
  });

  it('refuses a verification without findings, with the missing consent at once', () => {
    const error = spec
      .given(UNTIL.accepted)
      .when({ ...verifyHome, data: { ...verifyHome.data, consentSigned: false, findings: '' } })
      .thenRejects({ code: 'case.consent-missing', field: 'consentSigned' });
    expect(error.problems.map((p) => p.code)).toEqual(['case.consent-missing', 'case.text']);
  });

  it('refuses a verification before the lead is accepted, naming the lead decision', () => {
    const error = spec.given([opened]).when(verifyHome).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    expect(error.message).toContain('lead-decision');
  });
});

describe('RecordDepartmentComparison', () => {
  it('given the home verification, when the departments answer, then their results are recorded', () => {
    spec.given(UNTIL.homeVerified).when(compare).thenEmits([compared]);
  });

  it('given the comparison, when it comes again, then nothing happens', () => {
    spec.given(UNTIL.compared).when(compare).thenEmitsNothing();
  });

  it.each([
    ['no result', []],
    [
      'a department twice',
      [
        { department: 'housing', finding: 'consistent' as const, note: null },
        { department: 'housing', finding: 'discrepancy' as const, note: '面积不符' },
      ],
    ],
    ['an unknown finding', [{ department: 'housing', finding: 'maybe' as never, note: null }]],
  ])('refuses %s', (_what, results) => {
    spec
      .given(UNTIL.homeVerified)
      .when({ ...compare, data: { ...compare.data, results } })
      .thenRejects({ code: 'case.comparison-results', field: 'results' });
  });

  it('refuses a comparison before the home verification', () => {
    spec.given(UNTIL.accepted).when(compare).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});

describe('RecordVillageReview (identification)', () => {
  it('given the comparison, when the village approves, then the review is recorded', () => {
    spec.given(UNTIL.compared).when(reviewInVillage).thenEmits([villageReviewed]);
  });

  it('given the review, when it comes again, then nothing happens', () => {
    spec.given(UNTIL.villageReviewed).when(reviewInVillage).thenEmitsNothing();
  });

  it('given the comparison, when the village does not approve, then the identification is rejected there', () => {
    const notApproved: MonitoringCaseVillageReviewed = {
      type: 'MonitoringCaseVillageReviewed',
      data: { ...villageReviewed.data, outcome: 'not-approved', reason: '评议认为收入高于标准', vote: null },
    };
    const rejected: MonitoringCaseIdentificationRejected = {
      type: 'MonitoringCaseIdentificationRejected',
      data: { actor: VILLAGE_CADRE, on: '2024-09-11', reason: '评议认为收入高于标准', at: 'village-review' },
    };
    const command = {
      ...reviewInVillage,
      data: { ...reviewInVillage.data, outcome: 'not-approved' as const, reason: '评议认为收入高于标准', vote: null },
    };
    spec.given(UNTIL.compared).when(command).thenEmits([notApproved, rejected]);
    spec
      .given([...UNTIL.compared, notApproved, rejected])
      .when(command)
      .thenEmitsNothing();
    expect(spec.given([...UNTIL.compared, notApproved, rejected]).state()).toMatchObject({ phase: 'rejected' });
  });

  it.each([
    ['an unknown outcome', { outcome: 'maybe' as never }, 'case.review-outcome', 'outcome'],
    ['no minutes', { minutesRef: '' }, 'case.text', 'minutesRef'],
    ['a vote of nobody', { vote: { inFavour: 0, against: 0, abstained: 0 } }, 'case.vote', 'vote'],
    ['a fractional vote', { vote: { inFavour: 1.5, against: 0, abstained: 0 } }, 'case.vote', 'vote'],
    ['no reason', { reason: '' }, 'case.reason-required', 'reason'],
  ])('refuses %s', (_what, data, code, field) => {
    spec
      .given(UNTIL.compared)
      .when({ ...reviewInVillage, data: { ...reviewInVillage.data, ...data } })
      .thenRejects({ code, field });
  });

  it('refuses a review before the department comparison', () => {
    spec.given(UNTIL.homeVerified).when(reviewInVillage).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it('refuses a review dated before the comparison', () => {
    spec
      .given(UNTIL.compared)
      .when({ ...reviewInVillage, data: { ...reviewInVillage.data, on: '2024-09-08' } })
      .thenRejects({ code: 'case.date-order', field: 'on' });
  });
});

describe('RecordTownshipReview (identification)', () => {
  it('given the closed notice, when the township approves, then the review is recorded', () => {
    spec.given(UNTIL.noticeClosed).when(reviewInTownship).thenEmits([townshipReviewed]);
  });

  it('given the review, when it comes again, then nothing happens', () => {
    spec.given(UNTIL.townshipReviewed).when(reviewInTownship).thenEmitsNothing();
  });

  it('given the closed notice, when the township does not approve, then the identification is rejected there', () => {
    const notApproved: MonitoringCaseTownshipReviewed = {
      type: 'MonitoringCaseTownshipReviewed',
      data: { ...townshipReviewed.data, outcome: 'not-approved', reason: '材料不全' },
    };
    spec
      .given(UNTIL.noticeClosed)
      .when({ ...reviewInTownship, data: { ...reviewInTownship.data, outcome: 'not-approved', reason: '材料不全' } })
      .thenEmits([
        notApproved,
        {
          type: 'MonitoringCaseIdentificationRejected',
          data: { actor: TOWNSHIP, on: '2024-09-20', reason: '材料不全', at: 'township-review' },
        },
      ]);
  });

  it('refuses a township review while the notice is open', () => {
    spec
      .given(UNTIL.noticePosted)
      .when(reviewInTownship)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});

describe('ApproveIdentification', () => {
  it('given the township review, when the county approves, then the household is identified with the suggestion beside', () => {
    spec.given(UNTIL.townshipReviewed).when(approve).thenEmits([identified]);
  });

  it('keeps the suggestion beside a decision that differs from it', () => {
    spec
      .given(UNTIL.townshipReviewed)
      .when({
        ...approve,
        data: { ...approve.data, category: 'sudden-severe-hardship', riskTypes: ['51.farm-price-drop'] },
      })
      .thenEmits([
        {
          type: 'MonitoringCaseIdentified',
          data: { ...identified.data, category: 'sudden-severe-hardship', riskTypes: ['51.farm-price-drop'] },
        },
      ]);
  });

  it('given the identification, when it comes again, then nothing happens', () => {
    spec.given(UNTIL.identified).when(approve).thenEmitsNothing();
  });

  it.each([
    ['an unknown category', { category: 'poor' as never }, 'case.category', 'category'],
    ['no risk type', { riskTypes: [] }, 'case.risk-types', 'riskTypes'],
    ['a risk type twice', { riskTypes: ['illness', 'illness'] }, 'case.risk-types', 'riskTypes'],
    ['a risk type that is not a code', { riskTypes: ['因病'] }, 'case.risk-types', 'riskTypes'],
    ['no reason', { reason: '' }, 'case.reason-required', 'reason'],
  ])('refuses %s', (_what, data, code, field) => {
    spec
      .given(UNTIL.townshipReviewed)
      .when({ ...approve, data: { ...approve.data, ...data } })
      .thenRejects({ code, field });
  });

  it('refuses an approval before the township review, naming it', () => {
    const error = spec
      .given(UNTIL.noticeClosed)
      .when(approve)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    expect(error.message).toContain('township-review');
  });
});

describe('RejectIdentification', () => {
  it('given the township review, when the county rejects, then the case ends', () => {
    spec.given(UNTIL.townshipReviewed).when(reject).thenEmits([rejectedAtCounty]);
  });

  it('given the rejection, when it comes again, then nothing happens', () => {
    spec
      .given([...UNTIL.townshipReviewed, rejectedAtCounty])
      .when(reject)
      .thenEmitsNothing();
  });

  it('given a rejected case, when any further step comes, then it is refused', () => {
    spec
      .given([...UNTIL.townshipReviewed, rejectedAtCounty])
      .when(approve)
      .thenRejects({ code: 'case.closed' });
  });

  it('refuses a rejection without a reason', () => {
    spec
      .given(UNTIL.townshipReviewed)
      .when({ ...reject, data: { on: '2024-09-24', reason: '' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });
});
