import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { userDirectoryDecider } from './user-directory.decider';

const spec = deciderSpecification(userDirectoryDecider);
const mine = { signInName: 'county.pingchang', userId: 'u-1' };
const reserved = { type: 'SignInNameReserved' as const, data: mine };

describe('user directory (sign-in names)', () => {
  it('reserves a free name, and again for its holder is a no-op', () => {
    spec.given([]).when({ type: 'ReserveSignInName', data: mine }).thenEmits([reserved]);
    spec.given([reserved]).when({ type: 'ReserveSignInName', data: mine }).thenEmitsNothing();
    expect(spec.given([reserved]).state().holders.get('county.pingchang')).toBe('u-1');
  });

  it('refuses a name another user holds', () => {
    spec
      .given([reserved])
      .when({ type: 'ReserveSignInName', data: { ...mine, userId: 'u-2' } })
      .thenRejects({ code: 'user.sign-in-name-taken', field: 'signInName' });
  });

  it('releases only the holder’s reservation; a release by anyone else is a no-op', () => {
    spec
      .given([reserved])
      .when({ type: 'ReleaseSignInName', data: mine })
      .thenEmits([{ type: 'SignInNameReleased', data: mine }]);
    spec
      .given([reserved])
      .when({ type: 'ReleaseSignInName', data: { ...mine, userId: 'u-2' } })
      .thenEmitsNothing();
    expect(
      spec
        .given([reserved, { type: 'SignInNameReleased', data: mine }])
        .state()
        .holders.has('county.pingchang'),
    ).toBe(false);
  });

  it('refuses a malformed name before looking at holders', () => {
    spec
      .given([])
      .when({ type: 'ReserveSignInName', data: { signInName: '张三', userId: 'u-1' } })
      .thenRejects({ code: 'user.sign-in-name-format', field: 'signInName' });
  });
});
