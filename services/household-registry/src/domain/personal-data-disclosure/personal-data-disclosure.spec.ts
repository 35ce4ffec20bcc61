import { DomainError } from '@relapse-watch/domain-kernel';
import { disclosureLogDecider, type DisclosePersonalData } from './personal-data-disclosure';

const disclose = (reason: string): DisclosePersonalData => ({
  type: 'DisclosePersonalData',
  data: { householdId: 'h-1', memberIds: ['m-1', 'm-2'], fields: ['name', 'residentId'], reason },
});

describe('the disclosure log', () => {
  it('given any log, when personal data is read with a reason, then the reading is recorded with what and why', () => {
    const state = disclosureLogDecider.evolve(disclosureLogDecider.initialState, {
      type: 'PersonalDataDisclosed',
      data: disclose('核实低保申请 / checking a dibao application').data,
    });
    expect(disclosureLogDecider.decide(disclose('入户核查 / home verification'), state)).toEqual([
      {
        type: 'PersonalDataDisclosed',
        data: {
          householdId: 'h-1',
          memberIds: ['m-1', 'm-2'],
          fields: ['name', 'residentId'],
          reason: '入户核查 / home verification',
        },
      },
    ]);
  });

  it.each([
    ['', 'disclosure.reason-required'],
    ['   ', 'disclosure.reason-required'],
    [' padded', 'disclosure.reason-format'],
    ['line\nbreak', 'disclosure.reason-format'],
    ['长'.repeat(201), 'disclosure.reason-format'],
  ])('refuses the reason %j with %s, naming the field', (reason, code) => {
    let caught: unknown;
    try {
      disclosureLogDecider.decide(disclose(reason), disclosureLogDecider.initialState);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code, field: 'reason' });
  });
});
