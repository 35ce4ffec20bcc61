import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { OpenCase } from './monitoring-case.commands';
import { monitoringCaseDecider, monitoringCaseStreamId } from './monitoring-case.decider';
import type { MonitoringCaseLeadDismissed, MonitoringCaseLeadEvidenceAdded } from './monitoring-case.events';
import { ELIMINATION_UNTIL } from './testing/monitoring-case-elimination.fixtures';
import {
  acceptLead,
  accepted,
  CASE_ID,
  command,
  opened,
  openCase,
  TOWNSHIP,
  UNTIL,
  verifyHome,
} from './testing/monitoring-case.fixtures';

const spec = deciderSpecification(monitoringCaseDecider);

const openWith = (data: Partial<OpenCase['data']>, facts: Partial<OpenCase['facts']> = {}): OpenCase => ({
  ...openCase,
  data: { ...openCase.data, ...data },
  facts: { ...openCase.facts, ...facts },
});
const warning = (referenceId: string, summary: string | null = '自付医疗费用超过预警线') =>
  command('AddLeadEvidence', TOWNSHIP, {
    on: '2024-09-04',
    lead: { source: 'department-warning', referenceId, department: 'health-insurance', summary },
  });
const evidenceAdded: MonitoringCaseLeadEvidenceAdded = {
  type: 'MonitoringCaseLeadEvidenceAdded',
  data: {
    actor: TOWNSHIP,
    on: '2024-09-04',
    reason: null,
    lead: {
      source: 'department-warning',
      referenceId: 'w-77',
      department: 'health-insurance',
      summary: '自付医疗费用超过预警线',
    },
  },
};
const dismiss = command('DismissLead', TOWNSHIP, { on: '2024-09-03', reason: '核实无返贫致贫风险' });
const dismissed: MonitoringCaseLeadDismissed = {
  type: 'MonitoringCaseLeadDismissed',
  data: { actor: TOWNSHIP, on: '2024-09-03', reason: '核实无返贫致贫风险' },
};

it('names the stream after the case', () => {
  expect(monitoringCaseStreamId(CASE_ID)).toBe('assistance-case-0193a1b2-0000-7000-8000-000000000001');
});

describe('OpenCase', () => {
  it('given nothing, when a lead opens the case, then it is opened with the sorted suggestion and the accept deadline', () => {
    spec.given([]).when(openCase).thenEmits([opened]);
  });

  it('given the case, when the same opening comes again (even with another deadline), then nothing happens', () => {
    spec
      .given([opened])
      .when(openWith({}, { acceptBy: '2024-09-05' }))
      .thenEmitsNothing();
  });

  it('given the case, when another lead tries to open it, then it is refused', () => {
    spec
      .given([opened])
      .when(openWith({ lead: { ...openCase.data.lead, referenceId: 'sg-other' } }))
      .thenRejects({ code: 'case.already-open', field: 'caseId' });
  });

  it('opens a relapse episode that names the case before it', () => {
    spec
      .given([])
      .when(openWith({ previousCaseId: 'case-2022-17' }))
      .thenEmits([{ ...opened, data: { ...opened.data, previousCaseId: 'case-2022-17' } }]);
  });

  it.each([
    ['a blank case id', { caseId: ' ' }, 'case.id', 'caseId'],
    ['a household id with spaces', { householdId: 'h 1' }, 'case.id', 'householdId'],
    ['a township code for the village', { villageCode: '511923102000' }, 'case.village-code', 'villageCode'],
    [
      'an unknown lead source',
      { lead: { ...openCase.data.lead, source: 'rumour' as never } },
      'case.lead-source',
      'lead.source',
    ],
    [
      'a department warning without its department',
      { lead: { source: 'department-warning' as const, referenceId: 'w-1', department: null, summary: null } },
      'case.lead-department',
      'lead.department',
    ],
    [
      'a department on another source',
      { lead: { ...openCase.data.lead, department: 'education' } },
      'case.lead-department',
      'lead.department',
    ],
    [
      'the case as its own previous case',
      { previousCaseId: openCase.data.caseId },
      'case.previous-case',
      'previousCaseId',
    ],
    [
      'a suggestion with an unknown category',
      { suggestion: { category: 'poor' as never, riskTypes: [], ruleIds: ['r'] } },
      'case.suggestion',
      'suggestion',
    ],
    [
      'a suggestion without rules',
      { suggestion: { category: 'sudden-severe-hardship' as const, riskTypes: ['illness'], ruleIds: [] } },
      'case.suggestion',
      'suggestion',
    ],
    ['a day after today', { on: '2027-01-01' }, 'case.date', 'on'],
    ['a day that does not exist', { on: '2024-02-30' }, 'case.date', 'on'],
    ['a reason with a control character', { reason: 'a\u0007b' }, 'case.reason-required', 'reason'],
  ])('refuses %s', (_what, data, code, field) => {
    spec.given([]).when(openWith(data)).thenRejects({ code, field });
  });

  it('refuses an accept deadline before the lead', () => {
    spec
      .given([])
      .when(openWith({}, { acceptBy: '2024-09-01' }))
      .thenRejects({ code: 'case.deadline', field: 'acceptBy' });
  });

  it('refuses an actor without a role', () => {
    spec
      .given([])
      .when({ ...openCase, actor: { userId: 'u-1', role: '' } })
      .thenRejects({ code: 'case.actor', field: 'actor' });
  });

  it('reports every problem at once', () => {
    const error = spec
      .given([])
      .when(openWith({ caseId: '', villageCode: 'x', on: '2030-01-01' }))
      .thenRejects({ code: 'case.date', field: 'on' });
    expect(error.problems.map((p) => p.field)).toEqual(['on', 'caseId', 'villageCode', 'acceptBy']);
  });
});

describe('AddLeadEvidence', () => {
  it('given an open lead, when a second warning comes, then it is added to the case (no new case)', () => {
    spec.given([opened]).when(warning('w-77')).thenEmits([evidenceAdded]);
  });

  it('given the warning, when the same warning id comes again, then nothing happens', () => {
    spec.given([opened, evidenceAdded]).when(warning('w-77')).thenEmitsNothing();
  });

  it('given the warning, when its id comes with other content, then it is refused', () => {
    spec
      .given([opened, evidenceAdded])
      .when(warning('w-77', '另一预警'))
      .thenRejects({ code: 'case.lead-reference-taken', field: 'lead.referenceId' });
  });

  it('given the case, when the lead that opened it comes again as evidence, then nothing happens', () => {
    spec
      .given([opened])
      .when(command('AddLeadEvidence', TOWNSHIP, { on: '2024-09-04', lead: openCase.data.lead }))
      .thenEmitsNothing();
  });

  it('takes evidence while the procedure runs', () => {
    spec.given(UNTIL.homeVerified).when(warning('w-77')).thenEmits([evidenceAdded]);
  });

  it('refuses evidence before the case is opened', () => {
    spec.given([]).when(warning('w-77')).thenRejects({ code: 'case.not-open' });
  });

  it('refuses evidence on a dismissed case', () => {
    spec.given([opened, dismissed]).when(warning('w-77')).thenRejects({ code: 'case.closed' });
  });

  it('refuses evidence on an eliminated case (a new risk is a relapse: a new case)', () => {
    spec
      .given(ELIMINATION_UNTIL.eliminated)
      .when(warning('w-77'))
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});

describe('AcceptLead', () => {
  it('given a lead, when accepted, then the deadlines of the procedure are set from that day', () => {
    spec.given([opened]).when(acceptLead).thenEmits([accepted]);
  });

  it('given the acceptance, when the same acceptance comes again, then nothing happens', () => {
    spec.given(UNTIL.accepted).when(acceptLead).thenEmitsNothing();
  });

  it('given the acceptance, when another acceptance comes, then it is out of order and names the expected step', () => {
    const error = spec
      .given(UNTIL.accepted)
      .when({ ...acceptLead, data: { ...acceptLead.data, reason: '再次受理' } })
      .thenRejects({ code: 'case.step-out-of-order', field: 'type' });
    expect(error.message).toBe(
      '办理步骤顺序不符，当前应办理：入户核实（home-verification） / Step out of order; the step expected now is: home-verification',
    );
  });

  it('refuses an acceptance without a reason', () => {
    spec
      .given([opened])
      .when({ ...acceptLead, data: { on: '2024-09-03', reason: '' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });

  it('refuses deadlines out of order', () => {
    const error = spec
      .given([opened])
      .when({
        ...acceptLead,
        facts: { today: '2026-12-31', homeVerificationBy: '2024-09-01', procedureBy: '2024-08-31' },
      })
      .thenRejects({ code: 'case.deadline', field: 'homeVerificationBy' });
    expect(error.problems.map((p) => p.field)).toEqual(['homeVerificationBy', 'procedureBy']);
  });

  it('refuses an acceptance dated before the lead', () => {
    spec
      .given([opened])
      .when(
        command(
          'AcceptLead',
          TOWNSHIP,
          { on: '2024-09-01', reason: '受理' },
          {
            homeVerificationBy: '2024-09-09',
            procedureBy: '2024-09-30',
          },
        ),
      )
      .thenRejects({ code: 'case.date-order', field: 'on' });
  });

  it('refuses an acceptance before the case is opened', () => {
    spec.given([]).when(acceptLead).thenRejects({ code: 'case.not-open' });
  });
});

describe('DismissLead', () => {
  it('given a lead, when dismissed with a reason, then the case ends', () => {
    spec.given([opened]).when(dismiss).thenEmits([dismissed]);
    expect(spec.given([opened, dismissed]).state()).toMatchObject({ phase: 'dismissed' });
  });

  it('given the dismissal, when it comes again, then nothing happens', () => {
    spec.given([opened, dismissed]).when(dismiss).thenEmitsNothing();
  });

  it('given a dismissed case, when any further step comes, then it is refused', () => {
    spec.given([opened, dismissed]).when(acceptLead).thenRejects({ code: 'case.closed' });
    spec.given([opened, dismissed]).when(verifyHome).thenRejects({ code: 'case.closed' });
  });

  it('refuses a dismissal without a reason', () => {
    spec
      .given([opened])
      .when({ ...dismiss, data: { on: '2024-09-03', reason: '   ' } })
      .thenRejects({ code: 'case.reason-required', field: 'reason' });
  });

  it('refuses a dismissal after acceptance', () => {
    spec.given(UNTIL.accepted).when(dismiss).thenRejects({ code: 'case.step-out-of-order', field: 'type' });
  });
});
