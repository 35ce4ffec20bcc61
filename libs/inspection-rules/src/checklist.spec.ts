import { CONTACT_METHODS, INSPECTION_AREAS } from './checklist';

describe('the inspection vocabulary', () => {
  it('names the seven areas of DOMAIN.md once each, in their order', () => {
    expect(new Set(INSPECTION_AREAS).size).toBe(7);
    expect(INSPECTION_AREAS[0]).toBe('relapse-risk');
    expect(INSPECTION_AREAS[6]).toBe('policy-awareness');
  });

  it('knows the three methods, the household visit first', () => {
    expect(CONTACT_METHODS).toEqual(['household-visit', 'online-communication', 'group-assessment']);
  });
});
