import { describe, expect, it } from '@jest/globals';
import type { SignedInUser } from '../auth/claims';
import { landingRequests } from './landing';

const county: SignedInUser = { userId: 'c', role: 'county-official', unitCode: '511923000000', villageCodes: [] };
const inspector: SignedInUser = {
  userId: 'i',
  role: 'village-inspector',
  unitCode: '511923101000',
  villageCodes: ['511923101201', '511923101202'],
};

describe('the landing page’s requests, started at sign-in', () => {
  it('are the overview’s: the unit’s reports (the year the URL names) and its name', () => {
    expect(landingRequests(county, '/')).toEqual([
      '/api/reporting/units/511923000000',
      '/api/registry/divisions/511923000000',
    ]);
    expect(landingRequests(county, '/overview?year=2024')).toEqual([
      '/api/reporting/units/511923000000?year=2024',
      '/api/registry/divisions/511923000000',
    ]);
    expect(landingRequests(county, '/overview?unit=511923101000&year=2025')).toEqual([
      '/api/reporting/units/511923101000?year=2025',
      '/api/registry/divisions/511923101000',
    ]);
  });

  it('read an inspector’s first village, and leave out a year the reports do not have', () => {
    expect(landingRequests(inspector, '/overview?year=1999')).toEqual([
      '/api/reporting/units/511923101201',
      '/api/registry/divisions/511923101201',
    ]);
  });

  it('are none for another page', () => {
    expect(landingRequests(county, '/households?division=511923101000')).toBeNull();
    expect(landingRequests(county, '/cases')).toBeNull();
  });
});
