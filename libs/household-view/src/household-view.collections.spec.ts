import { householdViewCollections } from './household-view.collections';

describe('the collections of a service’s copy of the household view', () => {
  it('are named after the service’s context', () => {
    expect(householdViewCollections('inspection')).toEqual({
      facts: 'inspection-household-facts',
      policy: 'inspection-policy',
      episodes: 'inspection-household-episodes',
    });
    expect(householdViewCollections('assistance')).toEqual({
      facts: 'assistance-household-facts',
      policy: 'assistance-policy',
      episodes: 'assistance-household-episodes',
    });
  });
});
