import type { HouseholdView } from './household-register.projection';
import { maskedHouseholdView } from './household-view.masking';
import { HEAD, SPOUSE } from '../domain/testing/household.fixtures';

const view = {
  household: { kind: 'registered', householdId: 'h-1', members: [HEAD, SPOUSE] },
  revision: 3,
  villageCode: '511923002201',
} as unknown as HouseholdView;

describe('the household as every role reads it by default', () => {
  it('masks each member’s resident ID number to its first and last four characters, and keeps the name', () => {
    const masked = maskedHouseholdView(view);
    expect(masked.household.members.map((m) => m.personal)).toEqual([
      { name: HEAD.personal.name, residentId: '5119**********0318' },
      {
        name: SPOUSE.personal.name,
        residentId: `${SPOUSE.personal.residentId.slice(0, 4)}**********${SPOUSE.personal.residentId.slice(14)}`,
      },
    ]);
    expect(JSON.stringify(masked)).not.toContain(HEAD.personal.residentId);
    expect(JSON.stringify(masked)).not.toContain(SPOUSE.personal.residentId);
  });

  it('leaves the stored document as it was', () => {
    maskedHouseholdView(view);
    expect(view.household.members[0].personal.residentId).toBe(HEAD.personal.residentId);
  });
});
