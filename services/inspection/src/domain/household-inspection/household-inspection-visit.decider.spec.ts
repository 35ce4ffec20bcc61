import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { householdInspectionDecider } from './household-inspection.decider';
import {
  AT_RISK,
  completed,
  contactRecorded,
  FACTS,
  opened,
  recordVisit,
  suggestionsRecorded,
} from '../testing/household-inspection.fixtures';

const spec = deciderSpecification(householdInspectionDecider);

describe('RecordVisit (a whole visit in one command)', () => {
  it('given no history, then opens, records the contact, the suggestions and the completion at once', () => {
    spec
      .given([])
      .when(recordVisit({}, { suggestions: [AT_RISK] }))
      .thenEmits([opened, contactRecorded(), suggestionsRecorded([AT_RISK]), completed]);
  });

  it('without complete, records the contact and the suggestions only', () => {
    spec
      .given([])
      .when(recordVisit({ complete: false }))
      .thenEmits([opened, contactRecorded()]);
  });

  it('given the same visit was recorded, then sending it again is a no-op', () => {
    spec
      .given([opened, contactRecorded(), suggestionsRecorded([AT_RISK]), completed])
      .when(recordVisit({}, { suggestions: [AT_RISK] }))
      .thenEmitsNothing();
  });

  it('given a key-group household, when the visit is a group assessment, then the whole visit is refused', () => {
    const error = spec
      .given([])
      .when(recordVisit({ method: 'group-assessment' }, { keyGroupRuleIds: ['key-group.new-severe-disability'] }))
      .thenRejects({ code: 'inspection.household-visit-required', field: 'method' });
    expect(error.message).toContain('key-group.new-severe-disability');
  });

  it('given an earlier visit in the round, then a group assessment completes a key-group household', () => {
    spec
      .given([opened, contactRecorded()])
      .when(recordVisit({ contactId: 'c-2', method: 'group-assessment' }, { keyGroupRuleIds: ['key-group.disaster'] }))
      .thenEmits([
        contactRecorded({ contactId: 'c-2', method: 'group-assessment' }),
        {
          ...completed,
          data: {
            ...completed.data,
            methods: ['household-visit', 'group-assessment'],
            keyGroupRuleIds: ['key-group.disaster'],
          },
        } as typeof completed,
      ]);
  });

  it('refuses a bad contact before anything else', () => {
    spec
      .given([])
      .when(recordVisit({ contactedOn: '2025-01-01' }))
      .thenRejects({ code: 'inspection.contact-date', field: 'contactedOn' });
  });

  it('refuses when the campaign is closed', () => {
    spec
      .given([])
      .when(recordVisit({}, { ...FACTS, campaignClosed: true }))
      .thenRejects({ code: 'inspection.campaign-closed' });
  });
});
