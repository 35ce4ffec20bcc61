import { describe, expect, it } from '@jest/globals';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { addInspector, HASH_A, HASH_B, inspectorAdded } from '../testing/identity-samples.fixture';
import { checkPassword } from './password.rules';
import { userDecider } from './user.decider';

const spec = deciderSpecification(userDecider);
const userId = addInspector.data.userId;
const reason = '调岗 / moved to another post';

describe('user', () => {
  describe('AddUser', () => {
    it('adds the user with sorted villages and no reason in the state', () => {
      spec.given([]).when(addInspector).thenEmits([inspectorAdded]);
      expect(spec.given([inspectorAdded]).state()).toMatchObject({
        kind: 'user',
        signInName: 'inspector.pinghe',
        mustChangePassword: true,
        disabled: false,
      });
    });

    it('is a no-op when the same user is added again, even with another salted hash', () => {
      spec
        .given([inspectorAdded])
        .when({ ...addInspector, data: { ...addInspector.data, passwordHash: HASH_B } })
        .thenEmitsNothing();
    });

    it('refuses the id of another user', () => {
      spec
        .given([inspectorAdded])
        .when({ ...addInspector, data: { ...addInspector.data, role: 'county-official', villageCodes: [] } })
        .thenRejects({ code: 'user.already-exists', field: 'userId' });
    });

    it('reports every input problem at once', () => {
      const error = spec
        .given([])
        .when({
          type: 'AddUser',
          data: {
            userId: ' ',
            signInName: 'Bad Name',
            role: 'superuser' as never,
            unitCode: '5119',
            villageCodes: [],
            passwordHash: 'plain-text-password',
            mustChangePassword: false,
            reason: '',
          },
        })
        .thenRejects({ code: 'user.id-required', field: 'userId' });
      expect(error.problems.map((p) => p.code)).toEqual([
        'user.id-required',
        'user.sign-in-name-format',
        'user.role-unknown',
        'user.unit-code-format',
        'user.password-hash-invalid',
        'user.reason-required',
      ]);
    });

    it('refuses an inspector village outside their unit or not a village, and villages for other roles', () => {
      const error = spec
        .given([])
        .when({ ...addInspector, data: { ...addInspector.data, villageCodes: ['511923106201', '511923105000'] } })
        .thenRejects({ code: 'user.village-outside-unit', field: 'villageCodes.0' });
      expect(error.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
        'villageCodes.0:user.village-outside-unit',
        'villageCodes.1:user.village-code-tier',
      ]);
      spec
        .given([])
        .when({ ...addInspector, data: { ...addInspector.data, role: 'township-official' } })
        .thenRejects({ code: 'user.villages-only-for-inspector', field: 'villageCodes' });
    });
  });

  describe('passwords', () => {
    it('records a change (no longer must change) and a reset (must change again)', () => {
      spec
        .given([inspectorAdded])
        .when({ type: 'ChangeUserPassword', data: { userId, passwordHash: HASH_B } })
        .thenEmits([{ type: 'UserPasswordChanged', data: { userId, passwordHash: HASH_B } }]);
      const changed = { type: 'UserPasswordChanged' as const, data: { userId, passwordHash: HASH_B } };
      expect(spec.given([inspectorAdded, changed]).state()).toMatchObject({
        mustChangePassword: false,
        passwordVersion: 1,
      });
      const reset = { type: 'UserPasswordReset' as const, data: { userId, passwordHash: HASH_A, reason } };
      spec
        .given([inspectorAdded, changed])
        .when({ type: 'ResetUserPassword', data: { userId, passwordHash: HASH_A, reason } })
        .thenEmits([reset]);
      expect(spec.given([inspectorAdded, changed, reset]).state()).toMatchObject({
        mustChangePassword: true,
        passwordVersion: 2,
      });
    });

    it('refuses a change for a user that does not exist or is disabled, and a reset without a reason', () => {
      const change = { type: 'ChangeUserPassword' as const, data: { userId, passwordHash: HASH_B } };
      spec.given([]).when(change).thenRejects({ code: 'user.not-found', field: 'userId' });
      const disabled = { type: 'UserDisabled' as const, data: { userId, reason } };
      spec.given([inspectorAdded, disabled]).when(change).thenRejects({ code: 'user.disabled', field: 'userId' });
      spec
        .given([inspectorAdded])
        .when({ type: 'ResetUserPassword', data: { userId, passwordHash: HASH_B, reason: '' } })
        .thenRejects({ code: 'user.reason-required', field: 'reason' });
    });

    it('enforces the minimum password rules on the plain password', () => {
      expect(() => checkPassword('a-long-enough-secret', 'inspector.pinghe')).not.toThrow();
      expect(() => checkPassword('short', 'inspector.pinghe')).toThrow(
        expect.objectContaining({ code: 'password.too-short', field: 'password' }),
      );
      expect(() => checkPassword('my-INSPECTOR.PINGHE-pw', 'inspector.pinghe', 'newPassword')).toThrow(
        expect.objectContaining({ code: 'password.contains-sign-in-name', field: 'newPassword' }),
      );
      expect(() => checkPassword('x'.repeat(129), 'inspector.pinghe')).toThrow(
        expect.objectContaining({ code: 'password.too-long' }),
      );
    });
  });

  describe('villages and disabling', () => {
    it('assigns villages (sorted, once) and refuses a village outside the unit', () => {
      const villageCodes = ['511923105202'];
      spec
        .given([inspectorAdded])
        .when({ type: 'AssignUserVillages', data: { userId, villageCodes, reason } })
        .thenEmits([{ type: 'UserVillagesAssigned', data: { userId, villageCodes, reason } }]);
      spec
        .given([inspectorAdded])
        .when({
          type: 'AssignUserVillages',
          data: { userId, villageCodes: ['511923105201', '511923105200', '511923105200'], reason },
        })
        .thenEmitsNothing();
      spec
        .given([inspectorAdded])
        .when({ type: 'AssignUserVillages', data: { userId, villageCodes: ['511923999201'], reason } })
        .thenRejects({ code: 'user.village-outside-unit', field: 'villageCodes.0' });
    });

    it('disables once, with the reason; disabling again is a no-op; an unknown user is refused', () => {
      const disable = { type: 'DisableUser' as const, data: { userId, reason } };
      spec
        .given([inspectorAdded])
        .when(disable)
        .thenEmits([{ type: 'UserDisabled', data: { userId, reason } }]);
      spec
        .given([inspectorAdded, { type: 'UserDisabled', data: { userId, reason } }])
        .when(disable)
        .thenEmitsNothing();
      spec.given([]).when(disable).thenRejects({ code: 'user.not-found', field: 'userId' });
      spec
        .given([inspectorAdded])
        .when({ ...disable, data: { userId, reason: ' ' } })
        .thenRejects({ code: 'user.reason-required', field: 'reason' });
    });
  });
});
