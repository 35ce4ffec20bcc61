import { describe, expect, it } from '@jest/globals';
import { userFromAccessToken } from './claims';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: unknown) => `${segment({ alg: 'EdDSA' })}.${segment(claims)}.signature`;

describe('userFromAccessToken', () => {
  it('reads an inspector’s id, role, unit and villages', () => {
    expect(
      userFromAccessToken(
        token({
          sub: 'u-1',
          kind: 'user',
          role: 'village-inspector',
          unit: '511923101000',
          villages: ['511923101201', '511923101202'],
        }),
      ),
    ).toEqual({
      userId: 'u-1',
      role: 'village-inspector',
      unitCode: '511923101000',
      villageCodes: ['511923101201', '511923101202'],
    });
  });

  it('gives an official no villages', () => {
    expect(
      userFromAccessToken(token({ sub: 'u-2', kind: 'user', role: 'county-official', unit: '511923000000' })),
    ).toEqual({ userId: 'u-2', role: 'county-official', unitCode: '511923000000', villageCodes: [] });
  });

  it('refuses a client system’s token, an unknown role, a missing unit and what is not a JWT', () => {
    expect(userFromAccessToken(token({ sub: 'c', kind: 'client', role: 'client', scope: 'registry.read' }))).toBeNull();
    expect(userFromAccessToken(token({ sub: 'u', kind: 'user', role: 'mayor', unit: '511923000000' }))).toBeNull();
    expect(userFromAccessToken(token({ sub: 'u', kind: 'user', role: 'auditor' }))).toBeNull();
    expect(userFromAccessToken('not-a-token')).toBeNull();
    expect(userFromAccessToken('a.%%%.c')).toBeNull();
  });
});
