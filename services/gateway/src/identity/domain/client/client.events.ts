import type { Permission } from '@relapse-watch/access';
import type { DomainEvent } from '@relapse-watch/event-store-core';

/** Another government system may now sign in with client credentials. */
export type ClientAdded = DomainEvent<
  'ClientAdded',
  {
    readonly clientId: string;
    /** argon2id PHC string of the client secret; never the secret. */
    readonly secretHash: string;
    readonly scopes: readonly Permission[];
    /** The unit whose households the client may reach; absent for a national system. */
    readonly unitCode?: string;
    readonly reason: string;
  }
>;

/** The client may no longer obtain tokens. */
export type ClientDisabled = DomainEvent<'ClientDisabled', { readonly clientId: string; readonly reason: string }>;

/** Every event of the client aggregate. */
export type ClientEvent = ClientAdded | ClientDisabled;

/** Add a client system (the handler made and hashed its secret). */
export interface AddClient {
  readonly type: 'AddClient';
  readonly data: ClientAdded['data'];
}

/** Disable a client system. */
export interface DisableClient {
  readonly type: 'DisableClient';
  readonly data: ClientDisabled['data'];
}

/** Every command of the client aggregate. */
export type ClientCommand = AddClient | DisableClient;
