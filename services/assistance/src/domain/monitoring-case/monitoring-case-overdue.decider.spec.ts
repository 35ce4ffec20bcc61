import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { Actor } from '@relapse-watch/event-store-core';
import type { MarkOverdue } from './monitoring-case.commands';
import { monitoringCaseDecider } from './monitoring-case.decider';
import type { MonitoringCaseLeadAccepted, MonitoringCaseStepOverdue } from './monitoring-case.events';
import { accepted, command, homeVerified, identified, opened, UNTIL } from './testing/monitoring-case.fixtures';

const spec = deciderSpecification(monitoringCaseDecider);

const WATCHER: Actor = { userId: 'system:deadline-watcher', role: 'system' };
const mark = (step: MarkOverdue['data']['step'], dueOn: string, on: string) =>
  command('MarkOverdue', WATCHER, { step, dueOn, on });
const overdue = (step: MarkOverdue['data']['step'], dueOn: string, on: string): MonitoringCaseStepOverdue => ({
  type: 'MonitoringCaseStepOverdue',
  data: { actor: WATCHER, on, reason: null, step, dueOn },
});
const acceptedLate: MonitoringCaseLeadAccepted = { ...accepted, data: { ...accepted.data, on: '2024-09-06' } };

describe('MarkOverdue', () => {
  it('given a lead not accepted by its deadline, when the watcher notices, then the step is marked overdue', () => {
    spec
      .given([opened])
      .when(mark('accept', '2024-09-04', '2024-09-05'))
      .thenEmits([overdue('accept', '2024-09-04', '2024-09-05')]);
  });

  it('given the mark, when the watcher sends it again (another day), then nothing happens: once per step', () => {
    spec
      .given([opened, overdue('accept', '2024-09-04', '2024-09-05')])
      .when(mark('accept', '2024-09-04', '2024-09-06'))
      .thenEmitsNothing();
  });

  it('refuses a mark on or before the deadline', () => {
    spec
      .given([opened])
      .when(mark('accept', '2024-09-04', '2024-09-04'))
      .thenRejects({ code: 'case.not-overdue', field: 'on' });
  });

  it('refuses a mark for a step done by its deadline', () => {
    spec
      .given(UNTIL.accepted)
      .when(mark('accept', '2024-09-04', '2024-09-05'))
      .thenRejects({ code: 'case.not-overdue', field: 'step' });
  });

  it('marks a step done late and not marked yet, so the report still counts it', () => {
    spec
      .given([opened, acceptedLate])
      .when(mark('accept', '2024-09-04', '2024-09-07'))
      .thenEmits([overdue('accept', '2024-09-04', '2024-09-07')]);
  });

  it('marks the home verification against the deadline set at acceptance', () => {
    spec
      .given(UNTIL.accepted)
      .when(mark('home-verification', '2024-09-09', '2024-09-10'))
      .thenEmits([overdue('home-verification', '2024-09-09', '2024-09-10')]);
    spec
      .given([opened, accepted, homeVerified])
      .when(mark('home-verification', '2024-09-09', '2024-09-10'))
      .thenRejects({ code: 'case.not-overdue', field: 'step' });
  });

  it('marks the whole procedure until the county decides', () => {
    spec
      .given(UNTIL.townshipReviewed)
      .when(mark('procedure', '2024-09-30', '2024-10-01'))
      .thenEmits([overdue('procedure', '2024-09-30', '2024-10-01')]);
    spec
      .given(UNTIL.identified)
      .when(mark('procedure', '2024-09-30', '2024-10-01'))
      .thenRejects({ code: 'case.not-overdue', field: 'step' });
  });

  it('refuses a deadline the case does not have', () => {
    spec
      .given([opened])
      .when(mark('accept', '2024-09-05', '2024-09-06'))
      .thenRejects({ code: 'case.deadline-mismatch', field: 'dueOn' });
    spec
      .given([opened])
      .when(mark('home-verification', '2024-09-09', '2024-09-10'))
      .thenRejects({ code: 'case.deadline-mismatch', field: 'dueOn' });
  });

  it('refuses an unknown step', () => {
    spec
      .given([opened])
      .when(mark('visit' as never, '2024-09-04', '2024-09-05'))
      .thenRejects({ code: 'case.overdue-step', field: 'step' });
  });

  it('refuses a mark on a dismissed case', () => {
    const dismissed = {
      type: 'MonitoringCaseLeadDismissed' as const,
      data: { actor: WATCHER, on: '2024-09-06', reason: '无风险' },
    };
    spec
      .given([opened, dismissed])
      .when(mark('accept', '2024-09-04', '2024-09-07'))
      .thenRejects({ code: 'case.closed' });
  });

  it('leaves the identification date alone', () => {
    const state = spec.given([...UNTIL.identified, overdue('accept', '2024-09-04', '2024-12-01')]).state();
    expect(state).toMatchObject({ lastOn: identified.data.on, overdue: [{ step: 'accept', on: '2024-12-01' }] });
  });
});
