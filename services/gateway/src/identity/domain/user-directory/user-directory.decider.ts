import { assertNever } from '@relapse-watch/domain-kernel';
import type { Decider } from '@relapse-watch/event-store-core';
import { userError } from '../user/user.errors';
import { checkId, checkSignInName } from '../user/user.validation';
import { throwIfAny } from '../user/user.errors';
import type { UserDirectoryCommand, UserDirectoryEvent } from './user-directory.events';

/**
 * The one stream holding every sign-in name: `gateway-user-directory`. One stream rather than one
 * per name, because it is also the list of users the administrators page through (thousands of
 * users at most, added rarely, so one stream stays small and uncontended), and the gateway never
 * has to scan the whole log, which holds millions of household events, to list them.
 */
export const USER_DIRECTORY_STREAM = 'gateway-user-directory';

/** Sign-in name → user id, in the order users were added. */
export interface UserDirectoryState {
  readonly holders: ReadonlyMap<string, string>;
}

const initialState: UserDirectoryState = { holders: new Map() };

function evolve(state: UserDirectoryState, event: UserDirectoryEvent): UserDirectoryState {
  const holders = new Map(state.holders);
  switch (event.type) {
    case 'SignInNameReserved':
      holders.set(event.data.signInName, event.data.userId);
      return { holders };
    case 'SignInNameReleased':
      holders.delete(event.data.signInName);
      return { holders };
    default:
      return assertNever(event, 'user directory event');
  }
}

/**
 * A sign-in name is unique: reserving it for its holder again is a no-op (a retried command), for
 * another user it is refused; only the holder's reservation is released, and a release of a name
 * not held by that user is a no-op (the compensation may run twice). A disabled user keeps the
 * name, so events that name them stay unambiguous.
 */
function decide(command: UserDirectoryCommand, state: UserDirectoryState): readonly UserDirectoryEvent[] {
  const problems: Parameters<typeof checkId>[1] = [];
  checkId(command.data.userId, problems);
  checkSignInName(command.data.signInName, problems);
  throwIfAny(problems);
  const data = { signInName: command.data.signInName, userId: command.data.userId };
  const holder = state.holders.get(data.signInName);
  switch (command.type) {
    case 'ReserveSignInName':
      if (holder === undefined) return [{ type: 'SignInNameReserved', data }];
      if (holder === data.userId) return [];
      throw userError('user.sign-in-name-taken', 'signInName');
    case 'ReleaseSignInName':
      return holder === data.userId ? [{ type: 'SignInNameReleased', data }] : [];
    default:
      return assertNever(command, 'user directory command');
  }
}

/** The user directory as a decider: two concurrent additions of one name race on one stream. */
export const userDirectoryDecider: Decider<UserDirectoryCommand, UserDirectoryEvent, UserDirectoryState> = {
  decide,
  evolve,
  initialState,
};
