import type { Decider } from '@relapse-watch/event-store-core';
import type { UserCommand } from './user.commands';
import { decide } from './user.decide';
import type { UserEvent } from './user.events';
import { evolve, initialState, type UserState } from './user.state';

/** Prefix of a user's stream: `gateway-user-<userId>`. */
export const USER_STREAM_PREFIX = 'gateway-user-';

/** The stream of one user. */
export function userStreamId(userId: string): string {
  return `${USER_STREAM_PREFIX}${userId}`;
}

/**
 * The user aggregate. Not its job, and so the handler's: hashing passwords (salted, slow),
 * checking a password against the rules before hashing it, and reserving the sign-in name in the
 * user directory so two users never share one.
 */
export const userDecider: Decider<UserCommand, UserEvent, UserState> = { decide, evolve, initialState };
