import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  householdEpisodeDecider,
  type AssignCase,
  type AssignImportedCase,
  type HouseholdCaseAssigned,
} from './household-episode';

const spec = deciderSpecification(householdEpisodeDecider);
const assign = (caseId: string, currentCaseRunning: boolean): AssignCase => ({
  type: 'AssignCase',
  data: { householdId: 'h-1', caseId, on: '2024-09-02' },
  facts: { currentCaseRunning },
});
const assigned = (caseId: string, previousCaseId: string | null): HouseholdCaseAssigned => ({
  type: 'HouseholdCaseAssigned',
  data: { householdId: 'h-1', caseId, previousCaseId, on: '2024-09-02' },
});

describe('a household’s episodes', () => {
  it('given none, a first case becomes current with no previous one', () => {
    spec
      .given([])
      .when(assign('c-1', false))
      .thenEmits([assigned('c-1', null)]);
  });

  it('given an ended case, the next one names it as previous', () => {
    spec
      .given([assigned('c-1', null)])
      .when(assign('c-2', false))
      .thenEmits([assigned('c-2', 'c-1')]);
  });

  it('refuses a second case while the current one runs, naming it', () => {
    spec
      .given([assigned('c-1', null)])
      .when(assign('c-2', true))
      .thenRejects({ code: 'household-episode.case-running', field: 'householdId' });
  });

  it('assigning the current case again is a no-op (a retried lead)', () => {
    spec
      .given([assigned('c-1', null)])
      .when(assign('c-1', true))
      .thenEmitsNothing();
  });
});

describe('a household’s imported case', () => {
  const importCase = (caseId: string): AssignImportedCase => ({
    type: 'AssignImportedCase',
    data: { householdId: 'h-1', caseId, on: '2022-04-18' },
  });
  const imported = (caseId: string): HouseholdCaseAssigned => ({
    type: 'HouseholdCaseAssigned',
    data: { householdId: 'h-1', caseId, previousCaseId: null, on: '2022-04-18' },
  });

  it('given no case, the imported one becomes current with no previous one', () => {
    spec
      .given([])
      .when(importCase('c-imported'))
      .thenEmits([imported('c-imported')]);
  });

  it('importing it again is a no-op, also once a later case followed it', () => {
    spec
      .given([imported('c-imported')])
      .when(importCase('c-imported'))
      .thenEmitsNothing();
    spec
      .given([imported('c-imported'), assigned('c-2', 'c-imported')])
      .when(importCase('c-imported'))
      .thenEmitsNothing();
  });

  it('refuses a household that has a case in this system, running or ended, naming it', () => {
    const error = spec
      .given([assigned('c-1', null)])
      .when(importCase('c-imported'))
      .thenRejects({
        code: 'household-episode.has-case',
        field: 'householdId',
      });
    expect(error.message).toContain('c-1');
  });
});
