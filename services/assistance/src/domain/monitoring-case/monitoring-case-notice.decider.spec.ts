import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type { MonitoringCaseObjectionRecorded, MonitoringCaseObjectionResolved } from './monitoring-case.events';
import {
  closeNotice,
  command,
  noticeClosed,
  noticePosted,
  postNotice,
  reviewInTownship,
  reviewInVillage,
  TOWNSHIP,
  UNTIL,
  VILLAGE_CADRE,
  villageReviewed,
} from './testing/monitoring-case.fixtures';

const spec = deciderSpecification(monitoringCaseDecider);

const object = (objectionId = 'ob-1', on = '2024-09-14') =>
  command('RecordObjection', VILLAGE_CADRE, {
    on,
    objectionId,
    raisedBy: '村民（匿名）',
    content: '该户有经营性收入未申报',
  });
const objected = (objectionId = 'ob-1', on = '2024-09-14'): MonitoringCaseObjectionRecorded => ({
  type: 'MonitoringCaseObjectionRecorded',
  data: {
    actor: VILLAGE_CADRE,
    on,
    reason: null,
    objectionId,
    noticeNumber: 1,
    raisedBy: '村民（匿名）',
    content: '该户有经营性收入未申报',
  },
});
const resolve = (upheld: boolean, objectionId = 'ob-1') =>
  command('ResolveObjection', TOWNSHIP, {
    on: '2024-09-16',
    objectionId,
    upheld,
    reason: upheld ? '核实有未申报收入，重新评议' : '经核实，经营已于去年停止',
  });
const resolved = (upheld: boolean, objectionId = 'ob-1'): MonitoringCaseObjectionResolved => ({
  type: 'MonitoringCaseObjectionResolved',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-16',
    reason: upheld ? '核实有未申报收入，重新评议' : '经核实，经营已于去年停止',
    objectionId,
    noticeNumber: 1,
    upheld,
  },
});

describe('PostPublicNotice', () => {
  it('given the village review, when the notice is posted, then it is notice 1 with its earliest close date and the minimum in force', () => {
    spec.given(UNTIL.villageReviewed).when(postNotice).thenEmits([noticePosted]);
  });

  it('given the notice, when it is posted again, then nothing happens', () => {
    spec.given(UNTIL.noticePosted).when(postNotice).thenEmitsNothing();
  });

  it.each([
    ['an earliest close on the posting day', { closesNoEarlierThan: '2024-09-12', minimumDays: 5 }],
    ['no minimum', { closesNoEarlierThan: '2024-09-17', minimumDays: 0 }],
    ['a close date that does not exist', { closesNoEarlierThan: '2024-09-31', minimumDays: 5 }],
  ])('refuses %s', (_what, facts) => {
    spec
      .given(UNTIL.villageReviewed)
      .when({ ...postNotice, facts: { today: '2026-12-31', ...facts } })
      .thenRejects({ code: 'case.notice-period', field: 'closesNoEarlierThan' });
  });

  it('refuses a notice before the village review', () => {
    spec.given(UNTIL.compared).when(postNotice).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});

describe('RecordObjection', () => {
  it('given an open notice, when an objection is raised, then it is recorded against the notice', () => {
    spec.given(UNTIL.noticePosted).when(object()).thenEmits([objected()]);
  });

  it('given the objection, when it comes again, then nothing happens', () => {
    spec
      .given([...UNTIL.noticePosted, objected()])
      .when(object())
      .thenEmitsNothing();
  });

  it('given the objection, when its id comes with other content, then it is refused', () => {
    spec
      .given([...UNTIL.noticePosted, objected()])
      .when({ ...object(), data: { ...object().data, content: '另一内容' } })
      .thenRejects({ code: 'case.objection-id-taken', field: 'objectionId' });
  });

  it('refuses an objection raised before the notice was posted', () => {
    spec
      .given(UNTIL.noticePosted)
      .when(object('ob-1', '2024-09-11'))
      .thenRejects({ code: 'case.objection-date', field: 'on' });
  });

  it('refuses an objection when no notice is open', () => {
    spec.given(UNTIL.villageReviewed).when(object()).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    spec.given(UNTIL.noticeClosed).when(object()).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });

  it.each([
    ['no content', { content: '' }, 'content'],
    ['no one raising it', { raisedBy: '' }, 'raisedBy'],
  ])('refuses %s', (_what, data, field) => {
    spec
      .given(UNTIL.noticePosted)
      .when({ ...object(), data: { ...object().data, ...data } })
      .thenRejects({ code: 'case.text', field });
  });
});

describe('ResolveObjection', () => {
  it('given an objection, when it is not upheld, then the resolution is recorded and the notice stays open', () => {
    const history = [...UNTIL.noticePosted, objected()];
    spec
      .given(history)
      .when(resolve(false))
      .thenEmits([resolved(false)]);
    expect(spec.given([...history, resolved(false)]).state()).toMatchObject({ phase: 'notice-posted' });
  });

  it('given an objection, when it is upheld, then the notice is withdrawn and the case goes back to the village review', () => {
    const history = [...UNTIL.noticePosted, objected()];
    spec
      .given(history)
      .when(resolve(true))
      .thenEmits([resolved(true)]);
    const state = spec.given([...history, resolved(true)]).state();
    expect(state).toMatchObject({
      phase: 'compared',
      identification: { villageReview: null, noticeNumber: null },
      notices: [{ withdrawnBy: 'ob-1', closed: null }],
    });
  });

  it('given the resolution, when it comes again, then nothing happens', () => {
    spec
      .given([...UNTIL.noticePosted, objected(), resolved(false)])
      .when(resolve(false))
      .thenEmitsNothing();
  });

  it('given the resolution, when another resolution comes, then it is refused', () => {
    spec
      .given([...UNTIL.noticePosted, objected(), resolved(false)])
      .when(resolve(true))
      .thenRejects({ code: 'case.objection-already-resolved', field: 'objectionId' });
  });

  it('refuses an unknown objection', () => {
    spec
      .given(UNTIL.noticePosted)
      .when(resolve(false))
      .thenRejects({ code: 'case.objection-not-found', field: 'objectionId' });
  });

  it('refuses a resolution that does not say whether the objection is upheld', () => {
    spec
      .given([...UNTIL.noticePosted, objected()])
      .when({ ...resolve(false), data: { ...resolve(false).data, upheld: 'yes' as never } })
      .thenRejects({ code: 'case.objection-upheld', field: 'upheld' });
  });

  it('refuses a resolution without a reason', () => {
    spec
      .given([...UNTIL.noticePosted, objected()])
      .when({ ...resolve(false), data: { ...resolve(false).data, reason: '' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });

  it('refuses a resolution dated before the objection', () => {
    spec
      .given([...UNTIL.noticePosted, objected('ob-1', '2024-09-17')])
      .when(resolve(false))
      .thenRejects({ code: 'case.date-order', field: 'on' });
  });
});

describe('ClosePublicNotice', () => {
  it('given the notice has run its minimum, when it closes, then it is closed', () => {
    spec.given(UNTIL.noticePosted).when(closeNotice).thenEmits([noticeClosed]);
  });

  it('closes on the earliest close date itself', () => {
    spec
      .given(UNTIL.noticePosted)
      .when({ ...closeNotice, data: { on: '2024-09-17' } })
      .thenEmits([{ ...noticeClosed, data: { ...noticeClosed.data, on: '2024-09-17' } }]);
  });

  it('given the closed notice, when it closes again, then nothing happens', () => {
    spec.given(UNTIL.noticeClosed).when(closeNotice).thenEmitsNothing();
  });

  it('refuses to close before the earliest close date', () => {
    spec
      .given(UNTIL.noticePosted)
      .when({ ...closeNotice, data: { on: '2024-09-16' } })
      .thenRejects({ code: 'case.notice-too-early', field: 'on' });
  });

  it('refuses to close with an objection open, naming it', () => {
    const error = spec
      .given([...UNTIL.noticePosted, objected('ob-1'), objected('ob-2'), resolved(false, 'ob-2')])
      .when(closeNotice)
      .thenRejects({ code: 'case.objections-unresolved', field: 'objections' });
    expect(error.message).toBe(
      '公示期间的异议尚未全部处理：ob-1 / Objections to the notice are not all resolved: ob-1',
    );
  });

  it('reports a close too early and an open objection at once', () => {
    const error = spec
      .given([...UNTIL.noticePosted, objected()])
      .when({ ...closeNotice, data: { on: '2024-09-15' } })
      .thenRejects({ code: 'case.notice-too-early', field: 'on' });
    expect(error.problems.map((p) => p.code)).toEqual(['case.notice-too-early', 'case.objections-unresolved']);
  });

  it('closes once every objection is resolved', () => {
    spec
      .given([...UNTIL.noticePosted, objected(), resolved(false)])
      .when(closeNotice)
      .thenEmits([noticeClosed]);
  });

  it('refuses to close a notice an upheld objection withdrew', () => {
    spec
      .given([...UNTIL.noticePosted, objected(), resolved(true)])
      .when(closeNotice)
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});

describe('after an upheld objection', () => {
  const withdrawn = [...UNTIL.noticePosted, objected(), resolved(true)];
  const review = { ...reviewInVillage, data: { ...reviewInVillage.data, on: '2024-09-19', minutesRef: 'CM-2024-035' } };
  const reviewedAgain = {
    ...villageReviewed,
    data: { ...villageReviewed.data, on: '2024-09-19', minutesRef: 'CM-2024-035' },
  };

  it('the village reviews again', () => {
    spec.given(withdrawn).when(review).thenEmits([reviewedAgain]);
  });

  it('a new notice of full length is posted as notice 2, and closes after its own minimum', () => {
    const repost = command(
      'PostPublicNotice',
      VILLAGE_CADRE,
      { on: '2024-09-20' },
      { closesNoEarlierThan: '2024-09-25', minimumDays: 5 },
    );
    const reposted = {
      ...noticePosted,
      data: { ...noticePosted.data, on: '2024-09-20', noticeNumber: 2, closesNoEarlierThan: '2024-09-25' },
    };
    spec
      .given([...withdrawn, reviewedAgain])
      .when(repost)
      .thenEmits([reposted]);
    spec
      .given([...withdrawn, reviewedAgain, reposted])
      .when({ ...closeNotice, data: { on: '2024-09-24' } })
      .thenRejects({ code: 'case.notice-too-early', field: 'on' });
  });

  it('the township cannot review before the new notice closes', () => {
    spec.given(withdrawn).when(reviewInTownship).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});
