import type { UserRole } from '@relapse-watch/access';

/** Add a user with a password already hashed by the handler (hashing is I/O-heavy and salted, so not the decider's). */
export interface AddUser {
  readonly type: 'AddUser';
  readonly data: {
    readonly userId: string;
    readonly signInName: string;
    readonly role: UserRole;
    readonly unitCode: string;
    readonly villageCodes: readonly string[];
    readonly passwordHash: string;
    readonly mustChangePassword: boolean;
    readonly reason: string;
  };
}

/** The user sets their own new password (the handler has checked the current one). */
export interface ChangeUserPassword {
  readonly type: 'ChangeUserPassword';
  readonly data: { readonly userId: string; readonly passwordHash: string };
}

/** An administrator sets a one-time password. */
export interface ResetUserPassword {
  readonly type: 'ResetUserPassword';
  readonly data: { readonly userId: string; readonly passwordHash: string; readonly reason: string };
}

/** Set a village inspector's villages. */
export interface AssignUserVillages {
  readonly type: 'AssignUserVillages';
  readonly data: { readonly userId: string; readonly villageCodes: readonly string[]; readonly reason: string };
}

/** Stop a user from signing in. */
export interface DisableUser {
  readonly type: 'DisableUser';
  readonly data: { readonly userId: string; readonly reason: string };
}

/** Every command of the user aggregate. */
export type UserCommand = AddUser | ChangeUserPassword | ResetUserPassword | AssignUserVillages | DisableUser;
