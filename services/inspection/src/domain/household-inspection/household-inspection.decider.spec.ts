import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { AssignInspection, CompleteInspection, ReopenInspection } from './household-inspection.commands';
import { householdInspectionDecider, householdInspectionStreamId } from './household-inspection.decider';
import {
  COMPLETION_FACTS,
  completed,
  contactRecorded,
  FACTS,
  findingsOf,
  LAUNCHED_ON,
  opened,
  recordContact,
  TODAY,
} from '../testing/household-inspection.fixtures';

const spec = deciderSpecification(householdInspectionDecider);
const TEAM = '0190f3a2-3333-7000-8000-000000000001';
const assign = (data: Partial<AssignInspection['data']> = {}, facts = FACTS): AssignInspection => ({
  type: 'AssignInspection',
  data: { teamId: TEAM, inspectorIds: ['u-1', 'u-2'], ...data },
  facts,
});
const complete = (facts: Partial<CompleteInspection['facts']> = {}): CompleteInspection => ({
  type: 'CompleteInspection',
  data: {},
  facts: { ...COMPLETION_FACTS, ...facts },
});
const reopen = (reason = '发现新情况 / new facts'): ReopenInspection => ({
  type: 'ReopenInspection',
  data: { reason },
  facts: FACTS,
});
const assigned = { type: 'HouseholdInspectionAssigned', data: { teamId: TEAM, inspectorIds: ['u-1', 'u-2'] } } as const;

it('names the stream after the campaign and the household', () => {
  expect(householdInspectionStreamId('51-2024', 'h-1')).toBe('inspection-household-51-2024-h-1');
});

describe('AssignInspection', () => {
  it('given no history, when assigning, then the inspection opens and is assigned', () => {
    spec.given([]).when(assign()).thenEmits([opened, assigned]);
  });

  it('given the same assignment, then nothing happens', () => {
    spec.given([opened, assigned]).when(assign()).thenEmitsNothing();
  });

  it('given an open inspection, when reassigning to other inspectors, then it is reassigned', () => {
    spec
      .given([opened, assigned])
      .when(assign({ inspectorIds: ['u-3'] }))
      .thenEmits([{ type: 'HouseholdInspectionAssigned', data: { teamId: TEAM, inspectorIds: ['u-3'] } }]);
  });

  it('given a completed round, when reassigning, then it is refused', () => {
    spec
      .given([opened, contactRecorded(), completed])
      .when(assign({ inspectorIds: ['u-3'] }))
      .thenRejects({ code: 'inspection.completed' });
  });

  it.each([
    ['no team', { teamId: ' ' }, 'inspection.team-required', 'teamId'],
    ['no inspector', { inspectorIds: [] }, 'inspection.inspectors-required', 'inspectorIds'],
    ['an inspector twice', { inspectorIds: ['u-1', 'u-1'] }, 'inspection.inspectors-required', 'inspectorIds'],
  ])('refuses %s', (_what, data, code, field) => {
    spec.given([]).when(assign(data)).thenRejects({ code, field });
  });

  it('reports both problems at once', () => {
    const error = spec
      .given([])
      .when(assign({ teamId: '', inspectorIds: [] }))
      .thenRejects({ code: 'inspection.team-required', field: 'teamId' });
    expect(error.problems.map((p) => p.field)).toEqual(['teamId', 'inspectorIds']);
  });

  it('refuses every command once the campaign is closed', () => {
    spec
      .given([])
      .when(assign({}, { ...FACTS, campaignClosed: true }))
      .thenRejects({ code: 'inspection.campaign-closed' });
  });
});

describe('RecordContact', () => {
  it('given no history, when recording a contact, then the inspection opens with the contact in round 1', () => {
    spec.given([]).when(recordContact()).thenEmits([opened, contactRecorded()]);
  });

  it('given the same contact, then nothing happens', () => {
    spec.given([opened, contactRecorded()]).when(recordContact()).thenEmitsNothing();
  });

  it('given a contact, when another contact takes its id with other findings, then it is refused', () => {
    spec
      .given([opened, contactRecorded()])
      .when(recordContact({ findings: findingsOf(['relapse-risk']) }))
      .thenRejects({ code: 'inspection.contact-id-taken', field: 'contactId' });
  });

  it('keeps the latest answer per question across contacts', () => {
    const first = contactRecorded({ findings: { income: { answers: { a: true, b: 1 }, note: null, evidence: [] } } });
    const second = contactRecorded({
      contactId: 'c-2',
      findings: { income: { answers: { b: 2 }, note: null, evidence: [] } },
    });
    const state = spec.given([opened, first, second]).state();
    expect(state.kind === 'opened' && state.answers).toEqual({ income: { a: true, b: 2 } });
  });

  it('given a completed round, when a new contact comes, then it is refused (reopen first)', () => {
    spec
      .given([opened, contactRecorded(), completed])
      .when(recordContact({ contactId: 'c-2' }))
      .thenRejects({ code: 'inspection.completed' });
  });

  it.each([
    ['an unknown method', { method: 'phone' as never }, 'inspection.method', 'method'],
    ['a date after today', { contactedOn: '2024-10-16' }, 'inspection.contact-date', 'contactedOn'],
    ['a date before the launch', { contactedOn: '2024-08-31' }, 'inspection.contact-date', 'contactedOn'],
    ['a date that does not exist', { contactedOn: '2024-02-30' }, 'inspection.contact-date', 'contactedOn'],
    ['no contact id', { contactId: '' }, 'inspection.contact-id-required', 'contactId'],
  ])('refuses %s', (_what, data, code, field) => {
    spec.given([]).when(recordContact(data)).thenRejects({ code, field });
  });

  it('accepts a contact on the launch day and on today', () => {
    spec
      .given([])
      .when(recordContact({ contactedOn: LAUNCHED_ON }))
      .thenEmits([opened, contactRecorded({ contactedOn: LAUNCHED_ON })]);
    spec
      .given([])
      .when(recordContact({ contactedOn: TODAY }))
      .thenEmits([opened, contactRecorded({ contactedOn: TODAY })]);
  });
});

describe('CompleteInspection', () => {
  const byGroup = contactRecorded({ contactId: 'c-g', method: 'group-assessment' });

  it('given a visit with all areas answered, when completing by the deadline, then it is completed, not late', () => {
    spec.given([opened, contactRecorded()]).when(complete()).thenEmits([completed]);
  });

  it('given a household inspected after the deadline, then the completion is accepted, dated by that contact and marked late', () => {
    spec
      .given([opened, contactRecorded(), contactRecorded({ contactId: 'c-late', contactedOn: '2024-12-01' })])
      .when(complete({ today: '2024-12-03' }))
      .thenEmits([
        { ...completed, data: { ...completed.data, completedOn: '2024-12-01', late: true } } as typeof completed,
      ]);
  });

  it('completes a household inspected on the deadline day without lateness, even when completed later', () => {
    spec
      .given([opened, contactRecorded({ contactedOn: '2024-11-30' })])
      .when(complete({ today: '2024-12-05' }))
      .thenEmits([{ ...completed, data: { ...completed.data, completedOn: '2024-11-30' } } as typeof completed]);
  });

  it('given it is completed, then completing again is a no-op', () => {
    spec.given([opened, contactRecorded(), completed]).when(complete()).thenEmitsNothing();
  });

  it('given a key-group household assessed by the villagers only, then it is refused naming the rules', () => {
    const error = spec
      .given([opened, byGroup])
      .when(complete({ keyGroupRuleIds: ['key-group.income-drop'], keyRegionIds: ['region-1'] }))
      .thenRejects({ code: 'inspection.household-visit-required', field: 'method' });
    expect(error.message).toContain('key-group.income-drop');
    expect(error.message).toContain('region-1');
  });

  it('given an ordinary household assessed by the villagers only, then it is completed without a visit', () => {
    spec
      .given([opened, byGroup])
      .when(complete())
      .thenEmits([
        {
          ...completed,
          data: { ...completed.data, methods: ['group-assessment'], visited: false },
        } as typeof completed,
      ]);
  });

  it('given areas unanswered, then it is refused listing them, together with a missing visit', () => {
    const error = spec
      .given([opened, byGroup])
      .when(complete({ answeredAreas: ['income', 'relapse-risk'], keyRegionIds: ['region-1'] }))
      .thenRejects({ code: 'inspection.household-visit-required', field: 'method' });
    expect(error.problems.map((p) => p.code)).toEqual([
      'inspection.household-visit-required',
      'inspection.areas-unanswered',
    ]);
    expect(error.problems[1].message).toContain('assistance-measures');
    expect(error.problems[1].message).not.toContain('income,');
  });

  it('given no contact in the round, then it is refused', () => {
    spec.given([]).when(complete()).thenRejects({ code: 'inspection.no-contact' });
    spec.given([opened]).when(complete()).thenRejects({ code: 'inspection.no-contact' });
  });

  it('given a reopened round, then the visit of the earlier round does not count', () => {
    const reopened = {
      type: 'HouseholdInspectionReopened',
      data: { round: 2, reason: 'x', reopenedOn: TODAY },
    } as const;
    spec
      .given([
        opened,
        contactRecorded(),
        completed,
        reopened,
        contactRecorded({ contactId: 'c-2', method: 'online-communication' }, 2),
      ])
      .when(complete({ keyGroupRuleIds: ['key-group.disaster'] }))
      .thenRejects({ code: 'inspection.household-visit-required', field: 'method' });
  });
});

describe('ReopenInspection', () => {
  it('given a completed round, then the next round opens; the answers carry over, the contacts start empty', () => {
    const reopened = {
      type: 'HouseholdInspectionReopened',
      data: { round: 2, reason: '发现新情况 / new facts', reopenedOn: TODAY },
    } as const;
    spec.given([opened, contactRecorded(), completed]).when(reopen()).thenEmits([reopened]);
    const state = spec.given([opened, contactRecorded(), completed, reopened]).state();
    expect(state).toMatchObject({ round: 2, completion: null, answers: { income: { 'income-ok': true } } });
  });

  it('given an open round, then it is refused', () => {
    spec.given([opened, contactRecorded()]).when(reopen()).thenRejects({ code: 'inspection.not-completed' });
  });

  it('given no inspection, then it is refused', () => {
    spec.given([]).when(reopen()).thenRejects({ code: 'inspection.not-started' });
  });

  it('refuses a blank reason', () => {
    spec
      .given([opened, contactRecorded(), completed])
      .when(reopen(' '))
      .thenRejects({ code: 'inspection.reason-required', field: 'reason' });
  });
});

describe('RecordCorrectionSent', () => {
  const sent = {
    type: 'RecordCorrectionSent',
    data: { correctionId: 'k-1', contactId: 'c-1', kind: 'flags', answer: { outcome: 'accepted', position: 42 } },
    facts: FACTS,
  } as const;
  const recorded = { type: 'HouseholdCorrectionSent', data: sent.data } as const;

  it('records the registry’s answer to a correction once', () => {
    spec.given([opened, contactRecorded()]).when(sent).thenEmits([recorded]);
    spec.given([opened, contactRecorded(), recorded]).when(sent).thenEmitsNothing();
  });

  it('given no inspection, then it is refused', () => {
    spec.given([]).when(sent).thenRejects({ code: 'inspection.not-started' });
  });
});
