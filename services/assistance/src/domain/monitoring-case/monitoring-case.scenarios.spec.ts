import type { MonitoringCaseCommand } from './monitoring-case.commands';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type { MonitoringCaseEvent } from './monitoring-case.events';
import { monitoringOverlay, yearsUnderMonitoring, type MonitoringCaseState } from './monitoring-case.state';
import {
  closeEliminationNotice,
  eliminationNoticeClosed,
  eliminationNoticePosted,
  eliminationProposed,
  eliminationRefused,
  eliminationTownshipReviewed,
  eliminationVerified,
  eliminationVillageReviewed,
  grant,
  postEliminationNotice,
  propose,
  proposeRefused,
  reviewEliminationInTownship,
  reviewEliminationInVillage,
  riskEliminated,
  verifyForElimination,
} from './testing/monitoring-case-elimination.fixtures';
import {
  acceptLead,
  accepted,
  approve,
  CASE_ID,
  closeNotice,
  command,
  compare,
  compared,
  COUNTY,
  homeVerified,
  HOUSEHOLD_ID,
  identified,
  NEW_CASE_ID,
  noticeClosed,
  noticePosted,
  opened,
  openCase,
  postNotice,
  reviewInTownship,
  reviewInVillage,
  TOWNSHIP,
  townshipReviewed,
  UNTIL,
  verifyHome,
  VILLAGE_CADRE,
  villageReviewed,
} from './testing/monitoring-case.fixtures';

// The scenario paths of issue 12 item 9, each command decided on the state the ones before left,
// as a handler would: the events each path records are written out by hand.

function run(
  commands: readonly MonitoringCaseCommand[],
  from: readonly MonitoringCaseEvent[] = [],
): { events: MonitoringCaseEvent[]; state: MonitoringCaseState } {
  const { decide, evolve, initialState } = monitoringCaseDecider;
  let state = from.reduce(evolve, initialState);
  const events: MonitoringCaseEvent[] = [];
  for (const c of commands) {
    const decided = decide(c, state);
    events.push(...decided);
    state = decided.reduce(evolve, state);
  }
  return { events, state };
}

const IDENTIFICATION = [
  openCase,
  acceptLead,
  verifyHome,
  compare,
  reviewInVillage,
  postNotice,
  closeNotice,
  reviewInTownship,
];

it('passes every step: identified, the overlay on the case', () => {
  const { events, state } = run([...IDENTIFICATION, approve]);
  expect(events).toEqual([
    opened,
    accepted,
    homeVerified,
    compared,
    villageReviewed,
    noticePosted,
    noticeClosed,
    townshipReviewed,
    identified,
  ]);
  expect(state).toMatchObject({ phase: 'identified', opening: { householdId: HOUSEHOLD_ID } });
  expect(monitoringOverlay(state)).toEqual({
    category: 'unstable-poverty-alleviated',
    riskTypes: ['illness', 'unstable-work'],
    since: '2024-09-24',
  });
});

it('is rejected at the county: the case ends without an overlay', () => {
  const reject = command('RejectIdentification', COUNTY, { on: '2024-09-25', reason: '家庭存款超过规定标准' });
  const { events, state } = run([...IDENTIFICATION, reject]);
  expect(events).toEqual([
    ...UNTIL.townshipReviewed,
    {
      type: 'MonitoringCaseIdentificationRejected',
      data: { actor: COUNTY, on: '2024-09-25', reason: '家庭存款超过规定标准', at: 'county' },
    },
  ]);
  expect(state).toMatchObject({ phase: 'rejected' });
  expect(monitoringOverlay(state)).toBeNull();
});

it('meets an objection during the notice: upheld, reviewed again, a new notice, then identified', () => {
  const object = command('RecordObjection', VILLAGE_CADRE, {
    on: '2024-09-14',
    objectionId: 'ob-1',
    raisedBy: '村民（匿名）',
    content: '该户有经营性收入未申报',
  });
  const uphold = command('ResolveObjection', TOWNSHIP, {
    on: '2024-09-16',
    objectionId: 'ob-1',
    upheld: true,
    reason: '核实属实，收入需重新评议',
  });
  const review = command('RecordVillageReview', VILLAGE_CADRE, {
    on: '2024-09-18',
    reason: '扣除经营收入后仍低于标准，同意纳入',
    outcome: 'approved',
    minutesRef: 'CM-2024-035',
    vote: null,
  });
  const repost = command(
    'PostPublicNotice',
    VILLAGE_CADRE,
    { on: '2024-09-19' },
    { closesNoEarlierThan: '2024-09-24', minimumDays: 5 },
  );
  const close = command('ClosePublicNotice', VILLAGE_CADRE, { on: '2024-09-24' });
  const township = command('RecordTownshipReview', TOWNSHIP, {
    on: '2024-09-26',
    reason: '审核通过',
    outcome: 'approved',
  });
  const decide = command('ApproveIdentification', COUNTY, {
    on: '2024-09-29',
    reason: '符合认定条件',
    category: 'unstable-poverty-alleviated',
    riskTypes: ['illness'],
  });
  const { events, state } = run([
    ...IDENTIFICATION.slice(0, 6),
    object,
    uphold,
    review,
    repost,
    close,
    township,
    decide,
  ]);
  expect(events).toEqual([
    ...UNTIL.noticePosted,
    {
      type: 'MonitoringCaseObjectionRecorded',
      data: {
        actor: VILLAGE_CADRE,
        on: '2024-09-14',
        reason: null,
        objectionId: 'ob-1',
        noticeNumber: 1,
        raisedBy: '村民（匿名）',
        content: '该户有经营性收入未申报',
      },
    },
    {
      type: 'MonitoringCaseObjectionResolved',
      data: {
        actor: TOWNSHIP,
        on: '2024-09-16',
        reason: '核实属实，收入需重新评议',
        objectionId: 'ob-1',
        noticeNumber: 1,
        upheld: true,
      },
    },
    {
      type: 'MonitoringCaseVillageReviewed',
      data: {
        actor: VILLAGE_CADRE,
        on: '2024-09-18',
        reason: '扣除经营收入后仍低于标准，同意纳入',
        procedure: 'identification',
        outcome: 'approved',
        minutesRef: 'CM-2024-035',
        vote: null,
      },
    },
    {
      type: 'MonitoringCasePublicNoticePosted',
      data: {
        actor: VILLAGE_CADRE,
        on: '2024-09-19',
        reason: null,
        procedure: 'identification',
        noticeNumber: 2,
        closesNoEarlierThan: '2024-09-24',
        minimumDays: 5,
      },
    },
    {
      type: 'MonitoringCasePublicNoticeClosed',
      data: { actor: VILLAGE_CADRE, on: '2024-09-24', reason: null, procedure: 'identification', noticeNumber: 2 },
    },
    {
      type: 'MonitoringCaseTownshipReviewed',
      data: { actor: TOWNSHIP, on: '2024-09-26', reason: '审核通过', procedure: 'identification', outcome: 'approved' },
    },
    {
      type: 'MonitoringCaseIdentified',
      data: {
        actor: COUNTY,
        on: '2024-09-29',
        reason: '符合认定条件',
        category: 'unstable-poverty-alleviated',
        riskTypes: ['illness'],
        suggestion: identified.data.suggestion,
      },
    },
  ]);
  expect(state).toMatchObject({ phase: 'identified', notices: [{ withdrawnBy: 'ob-1' }, { withdrawnBy: null }] });
});

it('refuses elimination once, then grants it: the refusal stays in the history, the overlay ends', () => {
  const { events, state } = run(
    [
      proposeRefused,
      propose,
      verifyForElimination,
      reviewEliminationInVillage,
      postEliminationNotice,
      closeEliminationNotice,
      reviewEliminationInTownship,
      grant,
    ],
    UNTIL.identified,
  );
  expect(events).toEqual([
    eliminationRefused,
    eliminationProposed,
    eliminationVerified,
    eliminationVillageReviewed,
    eliminationNoticePosted,
    eliminationNoticeClosed,
    eliminationTownshipReviewed,
    riskEliminated,
  ]);
  expect(state).toMatchObject({ phase: 'eliminated', eliminationRefusals: [{ on: '2025-06-10' }] });
  expect(monitoringOverlay(state)).toBeNull();
});

it('links a relapse: the old case forward, the new episode back', () => {
  const eliminated = run(
    [
      propose,
      verifyForElimination,
      reviewEliminationInVillage,
      postEliminationNotice,
      closeEliminationNotice,
      reviewEliminationInTownship,
      grant,
    ],
    UNTIL.identified,
  );
  const relapse = command('RecordRelapse', TOWNSHIP, {
    on: '2026-08-01',
    reason: '家庭成员突发重病',
    newCaseId: NEW_CASE_ID,
  });
  const old = run([relapse], [...UNTIL.identified, ...eliminated.events]);
  expect(old.events).toEqual([
    {
      type: 'MonitoringCaseRelapsed',
      data: { actor: TOWNSHIP, on: '2026-08-01', reason: '家庭成员突发重病', newCaseId: NEW_CASE_ID },
    },
  ]);
  const reopen = command(
    'OpenCase',
    TOWNSHIP,
    {
      on: '2026-08-01',
      caseId: NEW_CASE_ID,
      householdId: HOUSEHOLD_ID,
      villageCode: '511923102202',
      lead: { source: 'cadre-inspection', referenceId: 'rp-2026-0801', department: null, summary: null },
      previousCaseId: CASE_ID,
      suggestion: null,
    },
    { acceptBy: '2026-08-03' },
  );
  const episode = run([reopen]);
  expect(episode.events).toEqual([
    {
      type: 'MonitoringCaseOpened',
      data: {
        actor: TOWNSHIP,
        on: '2026-08-01',
        reason: null,
        caseId: NEW_CASE_ID,
        householdId: HOUSEHOLD_ID,
        villageCode: '511923102202',
        lead: { source: 'cadre-inspection', referenceId: 'rp-2026-0801', department: null, summary: null },
        previousCaseId: CASE_ID,
        suggestion: null,
        acceptBy: '2026-08-03',
      },
    },
  ]);
});

describe('yearsUnderMonitoring', () => {
  const state = run([], UNTIL.identified).state;

  it.each([
    ['2025-09-23', 0],
    ['2025-09-24', 1],
    ['2026-09-23', 1],
    ['2026-09-24', 2],
  ])('on %s is %i completed year(s) since 2024-09-24', (today, years) => {
    expect(yearsUnderMonitoring(state, today)).toBe(years);
  });

  it('is null before identification and after elimination', () => {
    expect(yearsUnderMonitoring(run([], UNTIL.townshipReviewed).state, '2026-01-01')).toBeNull();
    expect(yearsUnderMonitoring(run([propose], UNTIL.identified).state, '2026-01-01')).toBe(1);
    const { state: eliminated } = run(
      [
        propose,
        verifyForElimination,
        reviewEliminationInVillage,
        postEliminationNotice,
        closeEliminationNotice,
        reviewEliminationInTownship,
        grant,
      ],
      UNTIL.identified,
    );
    expect(yearsUnderMonitoring(eliminated, '2026-01-01')).toBeNull();
  });
});
