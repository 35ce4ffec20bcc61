import type { DomainEvent } from '@relapse-watch/event-store-core';
import type { UserRole } from '@relapse-watch/access';

/**
 * A user was added. Only the sign-in name identifies the person: no real name or phone of an
 * official is kept (issue 10); who added them and when is the event's metadata actor.
 */
export type UserAdded = DomainEvent<
  'UserAdded',
  {
    readonly userId: string;
    readonly signInName: string;
    readonly role: UserRole;
    /** 12-digit code of the user's home unit. */
    readonly unitCode: string;
    /** The villages a village inspector covers; empty for every other role. */
    readonly villageCodes: readonly string[];
    /** argon2id PHC string; never the password. */
    readonly passwordHash: string;
    /** True when the password was handed over (a one-time password): the user must change it first. */
    readonly mustChangePassword: boolean;
    readonly reason: string;
  }
>;

/** The user chose a new password themselves. */
export type UserPasswordChanged = DomainEvent<
  'UserPasswordChanged',
  { readonly userId: string; readonly passwordHash: string }
>;

/** An administrator set a one-time password (the user forgot theirs, or it leaked). */
export type UserPasswordReset = DomainEvent<
  'UserPasswordReset',
  { readonly userId: string; readonly passwordHash: string; readonly reason: string }
>;

/** A village inspector's villages were set anew (until teams arrive with the inspection issue). */
export type UserVillagesAssigned = DomainEvent<
  'UserVillagesAssigned',
  { readonly userId: string; readonly villageCodes: readonly string[]; readonly reason: string }
>;

/** The user may no longer sign in; refresh tokens stop working at their next use. */
export type UserDisabled = DomainEvent<'UserDisabled', { readonly userId: string; readonly reason: string }>;

/** Every event of the user aggregate. */
export type UserEvent = UserAdded | UserPasswordChanged | UserPasswordReset | UserVillagesAssigned | UserDisabled;

/** Every user event type, as a record so a forgotten one fails to compile. */
export const USER_EVENT_TYPES: Readonly<Record<UserEvent['type'], true>> = {
  UserAdded: true,
  UserPasswordChanged: true,
  UserPasswordReset: true,
  UserVillagesAssigned: true,
  UserDisabled: true,
};
