import type { UserRole } from '../auth/claims';
import { apiGetCounted, apiSend } from './client';

/** A user as administrators see them (no password hash). */
export interface UserView {
  readonly userId: string;
  readonly signInName: string;
  readonly role: UserRole;
  readonly unitCode: string;
  readonly villageCodes: readonly string[];
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
}

/** A user just added or reset, with the one-time password to hand over (shown once). */
export interface UserWithPassword {
  readonly user: UserView;
  readonly oneTimePassword: string;
}

/** What an administrator fills in to add a user. */
export interface NewUser {
  readonly signInName: string;
  readonly role: UserRole;
  readonly unitCode: string;
  readonly villageCodes?: readonly string[];
  readonly reason: string;
}

const base = '/api/auth/users';
const one = (userId: string) => `${base}/${encodeURIComponent(userId)}`;

/** The access service's user administration (`users.manage`). */
export const usersApi = {
  page: (limit: number, offset: number, signal?: AbortSignal) =>
    apiGetCounted<UserView>(`${base}?limit=${limit}&offset=${offset}`, signal),
  add: (user: NewUser) => apiSend<UserWithPassword>('POST', base, user),
  disable: (userId: string, reason: string) => apiSend<UserView>('POST', `${one(userId)}/disable`, { reason }),
  resetPassword: (userId: string, reason: string) =>
    apiSend<UserWithPassword>('POST', `${one(userId)}/password-reset`, { reason }),
  setVillages: (userId: string, villageCodes: readonly string[], reason: string) =>
    apiSend<UserView>('PUT', `${one(userId)}/villages`, { villageCodes, reason }),
};
