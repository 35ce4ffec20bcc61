import { DomainError } from '@relapse-watch/domain-kernel';
import { actorOfCaller, authorizeCaller, callerOf, listScope, OPERATOR, type Caller } from './caller';
import type { Principal } from './principal';

// The registry's side of division-scoped authorization: who a use case runs for, whether it may
// touch a unit, and the read-model condition of a household list.
const PINGCHANG = '511923000000';
const TOWNSHIP = '511923002000';
const VILLAGE = '511923002201';
const NEXT_VILLAGE = '511923002202';
const YILONG_VILLAGE = '511324100201';

const county = callerOf({ kind: 'user', id: 'u-1', role: 'county-official', unitCode: PINGCHANG, villageCodes: [] });
const inspector = (villageCodes: string[]): Caller =>
  callerOf({ kind: 'user', id: 'u-2', role: 'village-inspector', unitCode: TOWNSHIP, villageCodes });
const auditor = callerOf({ kind: 'user', id: 'u-3', role: 'auditor', unitCode: '510000000000', villageCodes: [] });
const client: Principal = { kind: 'client', id: 'civil-affairs', role: 'client', scopes: ['registry.read'] };

function refusal(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('authorizeCaller', () => {
  it('lets an official act inside their unit', () => {
    expect(() => authorizeCaller(county, 'registry.write', VILLAGE, 'householdId')).not.toThrow();
  });

  it('refuses a village outside the unit with access.outside-area at the field given', () => {
    expect(refusal(() => authorizeCaller(county, 'registry.write', YILONG_VILLAGE, 'villageCode'))).toEqual({
      code: 'access.outside-area',
      field: 'villageCode',
    });
  });

  it('refuses a role without the permission whatever the unit, and with no unit at all', () => {
    expect(refusal(() => authorizeCaller(auditor, 'registry.write', VILLAGE, 'householdId')).code).toBe(
      'access.permission-denied',
    );
    expect(refusal(() => authorizeCaller(auditor, 'policy.write', undefined, 'provinceCode')).code).toBe(
      'access.permission-denied',
    );
  });

  it('lets the operator at the command line do anything anywhere', () => {
    expect(() => authorizeCaller(OPERATOR, 'policy.write', '650000000000', 'provinceCode')).not.toThrow();
  });
});

describe('actorOfCaller', () => {
  it('records a user by id and role, a client by its id, the operator as the command line', () => {
    expect(actorOfCaller(county)).toEqual({ userId: 'u-1', role: 'county-official' });
    expect(actorOfCaller(callerOf(client))).toEqual({ userId: 'client:civil-affairs', role: 'client' });
    expect(actorOfCaller(OPERATOR)).toEqual({ userId: 'operator', role: 'cli' });
  });
});

describe('listScope', () => {
  it('lists the whole area when no unit is asked for: the official’s county, nothing for the whole tree', () => {
    expect(listScope(county, 'registry.read', undefined)).toEqual({ field: 'countyCode', codes: [PINGCHANG] });
    expect(listScope(auditor, 'registry.read', undefined)).toBeNull();
    expect(listScope(OPERATOR, 'registry.read', undefined)).toBeNull();
  });

  it('needs no area condition for a unit inside the area', () => {
    expect(listScope(county, 'registry.read', TOWNSHIP)).toBeNull();
    expect(listScope(inspector([VILLAGE]), 'registry.read', VILLAGE)).toBeNull();
  });

  it('narrows a unit that contains the area to the area', () => {
    expect(listScope(county, 'registry.read', '510000000000')).toEqual({ field: 'countyCode', codes: [PINGCHANG] });
    expect(listScope(inspector([VILLAGE, NEXT_VILLAGE]), 'registry.read', TOWNSHIP)).toEqual({
      field: 'villageCode',
      codes: [VILLAGE, NEXT_VILLAGE],
    });
  });

  it('refuses a unit the area does not meet with access.outside-area at divisionCode', () => {
    expect(refusal(() => listScope(county, 'registry.read', '511324000000'))).toEqual({
      code: 'access.outside-area',
      field: 'divisionCode',
    });
    expect(refusal(() => listScope(inspector([VILLAGE]), 'registry.read', NEXT_VILLAGE)).code).toBe(
      'access.outside-area',
    );
  });

  it('gives an inspector without villages, or an area of mixed tiers, a condition nothing meets', () => {
    expect(listScope(inspector([]), 'registry.read', undefined)).toEqual({ field: 'villageCode', codes: [] });
    expect(listScope(inspector([VILLAGE, TOWNSHIP]), 'registry.read', undefined)).toEqual({
      field: 'villageCode',
      codes: [],
    });
  });
});
