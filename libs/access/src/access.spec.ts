import { areaOf, areaPrefixes, authorize, claimsOf, inArea, principalFrom, USER_ROLES, type Principal } from './index';

const VILLAGE = '511321100201'; // a village of 仪陇县 (511324 is 仪陇; any well-formed code serves)
const OTHER_VILLAGE = '511322100201';
const county = (unitCode = '511321000000'): Principal => ({
  kind: 'user',
  id: 'u-county',
  role: 'county-official',
  unitCode,
  villageCodes: [],
});

describe('authorize', () => {
  it('lets an official act inside their unit and refuses the unit next door with access.outside-area', () => {
    expect(authorize(county(), 'registry.write', VILLAGE)).toEqual({ allowed: true });
    expect(authorize(county(), 'registry.write', OTHER_VILLAGE)).toMatchObject({
      allowed: false,
      rule: 'access.outside-area',
    });
    // The unit above one's own is outside too: a county official cannot list the province.
    expect(authorize(county(), 'registry.read', '510000000000')).toMatchObject({ rule: 'access.outside-area' });
  });

  it('lets an auditor read everywhere and change nothing', () => {
    const auditor: Principal = { kind: 'user', id: 'a', role: 'auditor', unitCode: '510000000000', villageCodes: [] };
    expect(authorize(auditor, 'registry.read', '650000000000')).toEqual({ allowed: true });
    expect(authorize(auditor, 'registry.write', VILLAGE)).toMatchObject({ rule: 'access.permission-denied' });
  });

  it('limits a village inspector to the villages set on them, and an inspector without villages to nothing', () => {
    const inspector: Principal = {
      kind: 'user',
      id: 'i',
      role: 'village-inspector',
      unitCode: '511321100000',
      villageCodes: [VILLAGE],
    };
    expect(authorize(inspector, 'registry.write', VILLAGE).allowed).toBe(true);
    expect(authorize(inspector, 'registry.read', '511321100202').allowed).toBe(false);
    expect(authorize({ ...inspector, villageCodes: [] }, 'registry.read', VILLAGE).allowed).toBe(false);
  });

  it('gives only the province official the province policy, and only the administrator users and erasure', () => {
    const withRole = (role: (typeof USER_ROLES)[number]): Principal => ({
      kind: 'user',
      id: role,
      role,
      unitCode: '510000000000',
      villageCodes: [],
    });
    const may = (permission: Parameters<typeof authorize>[1]) =>
      USER_ROLES.filter((role) => authorize(withRole(role), permission).allowed);
    expect(may('policy.write')).toEqual(['province-official', 'administrator']);
    expect(may('users.manage')).toEqual(['administrator']);
    expect(may('privacy.erase')).toEqual(['administrator']);
    expect(may('audit.read')).toEqual(['auditor', 'administrator']);
  });

  it('gives a client system only its scopes, inside its unit when it has one', () => {
    const client: Principal = {
      kind: 'client',
      id: 'civil-affairs',
      role: 'client',
      unitCode: '510000000000',
      scopes: ['registry.read'],
    };
    expect(authorize(client, 'registry.read', VILLAGE).allowed).toBe(true);
    expect(authorize(client, 'personal.read', VILLAGE)).toMatchObject({ rule: 'access.permission-denied' });
    expect(authorize(client, 'registry.read', '650000000000')).toMatchObject({ rule: 'access.outside-area' });
  });
});

describe('area', () => {
  it('gives each tier its significant prefix, so a list filters by prefix', () => {
    expect(areaPrefixes(areaOf(county('510000000000')))).toEqual(['51']);
    expect(areaPrefixes(areaOf(county('511300000000')))).toEqual(['5113']);
    expect(areaPrefixes(areaOf(county('511321000000')))).toEqual(['511321']);
    expect(areaPrefixes(areaOf(county('511321100000')))).toEqual(['511321100']);
    expect(areaPrefixes(areaOf(county(VILLAGE)))).toEqual([VILLAGE]);
    expect(areaPrefixes({ kind: 'everywhere' })).toBeNull();
  });

  it('treats a malformed code as outside every area but the whole tree', () => {
    expect(inArea(areaOf(county()), '5113210')).toBe(false);
    expect(inArea(areaOf(county()), 'x11321100201')).toBe(false);
    expect(inArea({ kind: 'everywhere' }, 'anything')).toBe(true);
  });
});

describe('access token claims', () => {
  it('round-trips a user and a client through their claims', () => {
    const inspector: Principal = {
      kind: 'user',
      id: 'u-7',
      role: 'village-inspector',
      unitCode: '511321100000',
      villageCodes: [VILLAGE],
    };
    const client: Principal = { kind: 'client', id: 'edu', role: 'client', scopes: ['registry.read', 'personal.read'] };
    expect(principalFrom({ ...claimsOf(inspector) })).toEqual(inspector);
    expect(principalFrom({ ...claimsOf(client) })).toEqual(client);
    expect(principalFrom({ ...claimsOf(county()) })).toEqual(county());
  });

  it('refuses claims that do not describe a principal rather than half-reading them', () => {
    const good = { ...claimsOf(county()) } as Record<string, unknown>;
    expect(principalFrom({ ...good, role: 'superuser' })).toBeNull();
    expect(principalFrom({ ...good, unit: '51' })).toBeNull();
    expect(principalFrom({ ...good, sub: '' })).toBeNull();
    expect(principalFrom({ ...good, villages: ['5113'] })).toBeNull();
    expect(principalFrom({ sub: 'c', kind: 'client', role: 'client', scope: 'registry.read everything' })).toBeNull();
    expect(principalFrom({ sub: 'c', kind: 'user', role: 'client', scope: 'registry.read' })).toBeNull();
  });
});
