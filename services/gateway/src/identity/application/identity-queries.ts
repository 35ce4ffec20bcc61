import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { clientDecider, clientStreamId, type ClientState } from '../domain/client/client.decider';
import { userDecider, userStreamId } from '../domain/user/user.decider';
import type { ExistingUser } from '../domain/user/user.state';
import type { UserDirectoryEvent } from '../domain/user-directory/user-directory.events';
import {
  userDirectoryDecider,
  USER_DIRECTORY_STREAM,
  type UserDirectoryState,
} from '../domain/user-directory/user-directory.decider';

/**
 * Users and clients as sign-in and administration read them, folded from their own streams:
 * a user stream holds a handful of events, so a sign-in reads two short streams and no read
 * model can lag behind a password change or a disabling.
 */
export class IdentityQueries {
  // The directory folded so far: each read continues from the last revision seen, so a sign-in
  // does not fold every user's reservation again, and a user added by the CLI beside a running
  // server is seen at the next read.
  private directorySeen: { state: UserDirectoryState; revision: number } = {
    state: userDirectoryDecider.initialState,
    revision: -1,
  };

  constructor(private readonly store: EventStore) {}

  private async directory(): Promise<UserDirectoryState> {
    let { state, revision } = this.directorySeen;
    for await (const stored of this.store.readStream(USER_DIRECTORY_STREAM, { fromRevision: revision + 1 })) {
      state = userDirectoryDecider.evolve(state, { type: stored.type, data: stored.data } as UserDirectoryEvent);
      revision = stored.revision;
    }
    if (revision > this.directorySeen.revision) this.directorySeen = { state, revision };
    return state;
  }

  async user(userId: string): Promise<ExistingUser | null> {
    const state = await foldStream(this.store, userStreamId(userId), userDecider);
    return state.kind === 'none' ? null : state;
  }

  async userBySignInName(signInName: string): Promise<ExistingUser | null> {
    const directory = await this.directory();
    const userId = directory.holders.get(signInName);
    return userId === undefined ? null : this.user(userId);
  }

  /** Every user, in the order they were added (a name reserved by a crashed addition is skipped). */
  async users(): Promise<ExistingUser[]> {
    const directory = await this.directory();
    const users = await Promise.all([...directory.holders.values()].map((id) => this.user(id)));
    return users.filter((u): u is ExistingUser => u !== null);
  }

  /**
   * One page of the users in the order they were added, and how many there are: only the
   * page's own streams are folded. A name reserved by a crashed addition counts in the total
   * but is left out of its page.
   */
  async usersPage(offset: number, limit: number): Promise<{ users: ExistingUser[]; total: number }> {
    const ids = [...(await this.directory()).holders.values()];
    const users = await Promise.all(ids.slice(offset, offset + limit).map((id) => this.user(id)));
    return { users: users.filter((u): u is ExistingUser => u !== null), total: ids.length };
  }

  /** True when no user was ever added: the embedded demo seed runs then. */
  async noUsers(): Promise<boolean> {
    for await (const _event of this.store.readStream(USER_DIRECTORY_STREAM, { maxCount: 1 })) return false;
    return true;
  }

  async client(clientId: string): Promise<ClientState> {
    return foldStream(this.store, clientStreamId(clientId), clientDecider);
  }
}
