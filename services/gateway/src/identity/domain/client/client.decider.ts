import { isPermission, type Permission } from '@relapse-watch/access';
import { assertNever, DomainError, isDivisionCode, type DomainProblem } from '@relapse-watch/domain-kernel';
import type { Decider } from '@relapse-watch/event-store-core';
import { throwIfAny } from '../user/user.errors';
import { checkPasswordHash, checkReason } from '../user/user.validation';
import type { AddClient, ClientCommand, ClientEvent } from './client.events';

/** Prefix of a client's stream: `gateway-client-<clientId>`. */
export const CLIENT_STREAM_PREFIX = 'gateway-client-';

/** The stream of one client system. */
export function clientStreamId(clientId: string): string {
  return `${CLIENT_STREAM_PREFIX}${clientId}`;
}

/** A client system as token requests need it. */
export type ClientState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'client';
      readonly clientId: string;
      readonly secretHash: string;
      readonly scopes: readonly Permission[];
      readonly unitCode?: string;
      readonly disabled: boolean;
    };

const MESSAGES = {
  'client.id-format':
    '客户端ID须为3至64个字符，仅限小写字母、数字和连字符 / A client id has 3 to 64 characters: lower-case letters, digits and hyphens',
  'client.scopes-invalid': '权限范围须为至少一项已定义的权限 / Scopes are one or more of the defined permissions',
  'client.unit-code-format': '所属单位须为12位区划代码 / The unit is a 12-digit division code',
  'client.already-exists': '该客户端已存在 / The client already exists',
  'client.not-found': '客户端不存在 / No such client',
} as const;

function clientProblem(code: keyof typeof MESSAGES, field: string): DomainProblem {
  return { code, field, message: MESSAGES[code] };
}

const CLIENT_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;

function checkedAdd({ data }: AddClient): AddClient['data'] {
  const problems: DomainProblem[] = [];
  if (!CLIENT_ID.test(data.clientId)) problems.push(clientProblem('client.id-format', 'clientId'));
  checkPasswordHash(data.secretHash, problems);
  if (data.scopes.length === 0 || !data.scopes.every(isPermission))
    problems.push(clientProblem('client.scopes-invalid', 'scopes'));
  if (data.unitCode !== undefined && !isDivisionCode(data.unitCode))
    problems.push(clientProblem('client.unit-code-format', 'unitCode'));
  checkReason(data.reason, problems);
  throwIfAny(problems);
  return {
    clientId: data.clientId,
    secretHash: data.secretHash,
    scopes: [...new Set(data.scopes)].sort(),
    ...(data.unitCode === undefined ? {} : { unitCode: data.unitCode }),
    reason: data.reason,
  };
}

/**
 * A client id names one system for good: adding it again is refused (its secret was shown once
 * and cannot be re-issued by repeating the command); disabling twice is a no-op.
 */
function decide(command: ClientCommand, state: ClientState): readonly ClientEvent[] {
  switch (command.type) {
    case 'AddClient': {
      const data = checkedAdd(command);
      if (state.kind !== 'none') throw new DomainError(clientProblem('client.already-exists', 'clientId'));
      return [{ type: 'ClientAdded', data }];
    }
    case 'DisableClient': {
      const problems: DomainProblem[] = [];
      checkReason(command.data.reason, problems);
      throwIfAny(problems);
      if (state.kind === 'none') throw new DomainError(clientProblem('client.not-found', 'clientId'));
      if (state.disabled) return [];
      return [{ type: 'ClientDisabled', data: { clientId: state.clientId, reason: command.data.reason } }];
    }
    default:
      return assertNever(command, 'client command');
  }
}

function evolve(state: ClientState, event: ClientEvent): ClientState {
  switch (event.type) {
    case 'ClientAdded': {
      const { reason: _reason, ...client } = event.data;
      return { kind: 'client', ...client, disabled: false };
    }
    case 'ClientDisabled':
      return state.kind === 'none' ? state : { ...state, disabled: true };
    default:
      return assertNever(event, 'client event');
  }
}

/** The client aggregate. */
export const clientDecider: Decider<ClientCommand, ClientEvent, ClientState> = {
  decide,
  evolve,
  initialState: { kind: 'none' },
};
