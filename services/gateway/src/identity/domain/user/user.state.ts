import type { UserRole } from '@relapse-watch/access';
import { assertNever } from '@relapse-watch/domain-kernel';
import type { UserEvent } from './user.events';

/** A user as sign-in and administration need them. */
export interface ExistingUser {
  readonly kind: 'user';
  readonly userId: string;
  readonly signInName: string;
  readonly role: UserRole;
  readonly unitCode: string;
  readonly villageCodes: readonly string[];
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  /** Bumped by every password change or reset, so sessions started before it can be told apart. */
  readonly passwordVersion: number;
}

/** No user on the stream yet, or the user. */
export type UserState = { readonly kind: 'none' } | ExistingUser;

/** The state of an empty stream. */
export const initialState: UserState = { kind: 'none' };

/** Folds one event into the state. */
export function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserAdded') {
    const { reason: _reason, ...user } = event.data;
    return { kind: 'user', ...user, disabled: false, passwordVersion: 0 };
  }
  if (state.kind === 'none') return state; // unreachable: decide adds a user first
  switch (event.type) {
    case 'UserPasswordChanged':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: false,
        passwordVersion: state.passwordVersion + 1,
      };
    case 'UserPasswordReset':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: true,
        passwordVersion: state.passwordVersion + 1,
      };
    case 'UserVillagesAssigned':
      return { ...state, villageCodes: event.data.villageCodes };
    case 'UserDisabled':
      return { ...state, disabled: true };
    default:
      return assertNever(event, 'user event');
  }
}
