import { randomBytes, randomUUID } from 'node:crypto';
import type { Permission, UserRole } from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import { foldStream, handleCommand, type EventStore } from '@relapse-watch/event-store-core';
import { clientDecider, clientStreamId } from '../domain/client/client.decider';
import { checkPassword } from '../domain/user/password.rules';
import { userDecider, userStreamId } from '../domain/user/user.decider';
import type { ExistingUser } from '../domain/user/user.state';
import { userDirectoryDecider, USER_DIRECTORY_STREAM } from '../domain/user-directory/user-directory.decider';
import { userError } from '../domain/user/user.errors';
import { identityContext, WHOLE_COUNTRY, type IdentityRequest } from './identity-context';
import { newOneTimePassword, type PasswordHasher } from './password-hasher';

/** A new user and the one-time password to hand over (shown once, never stored or logged). */
export interface AddedUser {
  readonly user: ExistingUser;
  readonly oneTimePassword: string;
}

/** What an administrator gives to add a user. */
export interface NewUser {
  readonly signInName: string;
  readonly role: UserRole;
  readonly unitCode: string;
  readonly villageCodes: readonly string[];
  readonly reason: string;
}

/** What an administrator gives to add a client system. */
export interface NewClient {
  readonly clientId: string;
  readonly scopes: readonly Permission[];
  readonly unitCode?: string;
  readonly reason: string;
}

/**
 * The identity changes, for the HTTP routes, the CLI and the demo seed alike: each hashes what
 * needs hashing, makes the ids, and runs the deciders through `handleCommand`.
 */
export class IdentityCommands {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Reserves the sign-in name in the user directory, then adds the user; a refusal of the user
   * releases the name. A crash between the two leaves the name reserved for a user id without a
   * stream: that name cannot sign in, is left out of the list and cannot be reused (a rare
   * case, and a safe one; the registry's idempotency-key recovery is not worth it here).
   */
  async addUser(input: NewUser, request: IdentityRequest): Promise<AddedUser> {
    const userId = randomUUID();
    const oneTimePassword = newOneTimePassword();
    const command = {
      type: 'AddUser' as const,
      data: { ...input, userId, passwordHash: await this.hasher.hash(oneTimePassword), mustChangePassword: true },
    };
    // Input problems first, so a bad request does not touch the directory.
    userDecider.decide(command, userDecider.initialState);
    const ctx = identityContext(request, input.unitCode);
    const holding = { signInName: input.signInName, userId };
    await handleCommand(
      this.store,
      USER_DIRECTORY_STREAM,
      userDirectoryDecider,
      { type: 'ReserveSignInName', data: holding },
      ctx,
    );
    try {
      const { state } = await handleCommand(this.store, userStreamId(userId), userDecider, command, ctx);
      return { user: state as ExistingUser, oneTimePassword };
    } catch (error) {
      if (error instanceof DomainError)
        await handleCommand(
          this.store,
          USER_DIRECTORY_STREAM,
          userDirectoryDecider,
          { type: 'ReleaseSignInName', data: holding },
          ctx,
        );
      throw error;
    }
  }

  async disableUser(userId: string, reason: string, request: IdentityRequest): Promise<ExistingUser> {
    const user = await this.existingUser(userId);
    const { state } = await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'DisableUser', data: { userId, reason } },
      identityContext(request, user.unitCode),
    );
    return state as ExistingUser;
  }

  /** Sets a one-time password the user must change at the next sign-in. */
  async resetPassword(userId: string, reason: string, request: IdentityRequest): Promise<AddedUser> {
    const user = await this.existingUser(userId);
    const oneTimePassword = newOneTimePassword();
    const passwordHash = await this.hasher.hash(oneTimePassword);
    const { state } = await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'ResetUserPassword', data: { userId, passwordHash, reason } },
      identityContext(request, user.unitCode),
    );
    return { user: state as ExistingUser, oneTimePassword };
  }

  async assignVillages(
    userId: string,
    villageCodes: readonly string[],
    reason: string,
    request: IdentityRequest,
  ): Promise<ExistingUser> {
    const user = await this.existingUser(userId);
    const { state } = await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'AssignUserVillages', data: { userId, villageCodes, reason } },
      identityContext(request, user.unitCode),
    );
    return state as ExistingUser;
  }

  /** The user's own new password, after the caller has checked the current one. */
  async changePassword(user: ExistingUser, newPassword: string, request: IdentityRequest): Promise<void> {
    checkPassword(newPassword, user.signInName, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await handleCommand(
      this.store,
      userStreamId(user.userId),
      userDecider,
      { type: 'ChangeUserPassword', data: { userId: user.userId, passwordHash } },
      identityContext(request, user.unitCode),
    );
  }

  /** Adds a client system; its secret is returned once (only its hash is kept). */
  async addClient(input: NewClient, request: IdentityRequest): Promise<{ clientId: string; clientSecret: string }> {
    const clientSecret = randomBytes(32).toString('base64url');
    const data = { ...input, secretHash: await this.hasher.hash(clientSecret) };
    await handleCommand(
      this.store,
      clientStreamId(input.clientId),
      clientDecider,
      { type: 'AddClient', data },
      identityContext(request, input.unitCode ?? WHOLE_COUNTRY),
    );
    return { clientId: input.clientId, clientSecret };
  }

  async disableClient(clientId: string, reason: string, request: IdentityRequest): Promise<void> {
    await handleCommand(
      this.store,
      clientStreamId(clientId),
      clientDecider,
      { type: 'DisableClient', data: { clientId, reason } },
      identityContext(request, WHOLE_COUNTRY),
    );
  }

  private async existingUser(userId: string): Promise<ExistingUser> {
    const state = await foldStream(this.store, userStreamId(userId), userDecider);
    if (state.kind === 'none') throw userError('user.not-found', 'userId');
    return state;
  }
}
