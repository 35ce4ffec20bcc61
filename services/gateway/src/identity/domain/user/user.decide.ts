import { assertNever, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { AddUser, UserCommand } from './user.commands';
import { throwIfAny, userError } from './user.errors';
import type { UserEvent } from './user.events';
import type { ExistingUser, UserState } from './user.state';
import {
  checkId,
  checkPasswordHash,
  checkReason,
  checkRoleAndUnit,
  checkSignInName,
  checkVillages,
} from './user.validation';

// Fields copied one by one, so nothing a caller slipped into a command reaches an event.
function checkedAdd({ data }: AddUser): AddUser['data'] {
  const problems: DomainProblem[] = [];
  checkId(data.userId, problems);
  checkSignInName(data.signInName, problems);
  checkRoleAndUnit(data.role, data.unitCode, problems);
  if (problems.length === 0) checkVillages(data.role, data.unitCode, data.villageCodes, problems);
  checkPasswordHash(data.passwordHash, problems);
  checkReason(data.reason, problems);
  throwIfAny(problems);
  return {
    userId: data.userId,
    signInName: data.signInName,
    role: data.role,
    unitCode: data.unitCode,
    villageCodes: [...new Set(data.villageCodes)].sort(),
    passwordHash: data.passwordHash,
    mustChangePassword: data.mustChangePassword,
    reason: data.reason,
  };
}

function existing(state: UserState): ExistingUser {
  if (state.kind === 'none') throw userError('user.not-found', 'userId');
  return state;
}

function active(state: UserState): ExistingUser {
  const user = existing(state);
  if (user.disabled) throw userError('user.disabled', 'userId');
  return user;
}

function sameAsAdded(user: ExistingUser, data: AddUser['data']): boolean {
  return (
    user.signInName === data.signInName &&
    user.role === data.role &&
    user.unitCode === data.unitCode &&
    user.villageCodes.join() === data.villageCodes.join()
  );
}

function checked<T>(check: (problems: DomainProblem[]) => void, value: T): T {
  const problems: DomainProblem[] = [];
  check(problems);
  throwIfAny(problems);
  return value;
}

/**
 * Decides a user command. Adding the same user again is a no-op (a retried command; the
 * password hash differs on each try, since it is salted); a disabled user changes no further,
 * and disabling them again is a no-op.
 */
export function decide(command: UserCommand, state: UserState): readonly UserEvent[] {
  switch (command.type) {
    case 'AddUser': {
      const data = checkedAdd(command);
      if (state.kind === 'none') return [{ type: 'UserAdded', data }];
      if (sameAsAdded(state, data)) return [];
      throw userError('user.already-exists', 'userId');
    }
    case 'ChangeUserPassword': {
      const { userId, passwordHash } = command.data;
      checked((p) => checkPasswordHash(passwordHash, p), null);
      active(state);
      return [{ type: 'UserPasswordChanged', data: { userId, passwordHash } }];
    }
    case 'ResetUserPassword': {
      const { userId, passwordHash, reason } = command.data;
      checked((p) => (checkPasswordHash(passwordHash, p), checkReason(reason, p)), null);
      active(state);
      return [{ type: 'UserPasswordReset', data: { userId, passwordHash, reason } }];
    }
    case 'AssignUserVillages': {
      const { userId, reason } = command.data;
      const villageCodes = [...new Set(command.data.villageCodes)].sort();
      const user = active(state);
      checked((p) => (checkVillages(user.role, user.unitCode, villageCodes, p), checkReason(reason, p)), null);
      if (user.villageCodes.join() === villageCodes.join()) return [];
      return [{ type: 'UserVillagesAssigned', data: { userId, villageCodes, reason } }];
    }
    case 'DisableUser': {
      const { userId, reason } = command.data;
      checked((p) => checkReason(reason, p), null);
      if (existing(state).disabled) return [];
      return [{ type: 'UserDisabled', data: { userId, reason } }];
    }
    default:
      return assertNever(command, 'user command');
  }
}
