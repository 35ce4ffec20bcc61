import type { DomainEvent } from '@relapse-watch/event-store-core';

/** What both directory events carry. */
export interface SignInNameHolding {
  readonly signInName: string;
  readonly userId: string;
}

/** The sign-in name now belongs to the user. */
export type SignInNameReserved = DomainEvent<'SignInNameReserved', SignInNameHolding>;

/** Adding the user was refused after the reservation: the name is free again. */
export type SignInNameReleased = DomainEvent<'SignInNameReleased', SignInNameHolding>;

/** Every event of the user directory. */
export type UserDirectoryEvent = SignInNameReserved | SignInNameReleased;

/** Reserve a sign-in name for a user about to be added. */
export interface ReserveSignInName {
  readonly type: 'ReserveSignInName';
  readonly data: SignInNameHolding;
}

/** Release it: adding the user failed. */
export interface ReleaseSignInName {
  readonly type: 'ReleaseSignInName';
  readonly data: SignInNameHolding;
}

/** Every command of the user directory. */
export type UserDirectoryCommand = ReserveSignInName | ReleaseSignInName;
