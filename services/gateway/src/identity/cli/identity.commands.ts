import { randomUUID } from 'node:crypto';
import { isPermission, isUserRole, PERMISSIONS, USER_ROLES, type Permission } from '@relapse-watch/access';
import { DomainError } from '@relapse-watch/domain-kernel';
import type { Command } from 'commander';
import { CLI_ACTOR, type IdentityRequest } from '../application/identity-context';
import { userError } from '../domain/user/user.errors';
import type { IdentityCliIo } from './identity-cli-io';
import { withIdentityStore, type IdentityCliSession } from './identity-cli.store';

function asOperator(): IdentityRequest {
  return { actor: CLI_ACTOR, correlationId: randomUUID(), now: new Date() };
}

function optionError(field: string, message: string): DomainError {
  return new DomainError({ code: 'cli.option', field, message });
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

async function userNamed(session: IdentityCliSession, signInName: string) {
  const user = await session.queries.userBySignInName(signInName);
  if (user === null) throw userError('user.not-found', 'signInName');
  return user;
}

// The one-time password goes to stdout once, never to a log; the operator hands it over.
function printOneTimePassword(io: IdentityCliIo, signInName: string, password: string): void {
  io.out(
    `一次性密码（仅显示一次，首次登录须修改）/ one-time password (shown once, to be changed at first sign-in): ${signInName} ${password}`,
  );
}

/**
 * Adds `users add|disable|reset-password` and `clients add` to the `relapse-watch` program.
 * Each writes events on the server's event store as the operator at the command line
 * (`cli:operator`), with the reason given.
 */
export function addIdentityCommands(root: Command, io: IdentityCliIo): void {
  const users = root.command('users').description('用户 / users who sign in');
  users
    .command('add')
    .description('新增用户，打印一次性密码 / add a user and print a one-time password')
    .requiredOption('--sign-in-name <name>', '登录名 / sign-in name')
    .requiredOption('--role <role>', `角色 / role: ${USER_ROLES.join(', ')}`)
    .requiredOption('--unit <code>', '所属单位12位区划代码 / 12-digit code of the home unit')
    .option('--villages <codes>', '排查员负责的村，逗号分隔 / villages of an inspector, comma-separated')
    .requiredOption('--reason <text>', '原因（记入事件）/ reason (recorded on the event)')
    .action(async (options: { signInName: string; role: string; unit: string; villages?: string; reason: string }) => {
      if (!isUserRole(options.role))
        throw optionError('role', `角色须为 / the role is one of: ${USER_ROLES.join(', ')}`);
      const role = options.role;
      const added = await withIdentityStore(io, (session) =>
        session.commands.addUser(
          {
            signInName: options.signInName,
            role,
            unitCode: options.unit,
            villageCodes: list(options.villages),
            reason: options.reason,
          },
          asOperator(),
        ),
      );
      io.out(
        `已添加用户 / user added: ${added.user.signInName} (${added.user.role}, ${added.user.unitCode}) id ${added.user.userId}`,
      );
      printOneTimePassword(io, added.user.signInName, added.oneTimePassword);
    });
  users
    .command('disable')
    .description('停用用户 / disable a user')
    .argument('<sign-in-name>', '登录名 / sign-in name')
    .requiredOption('--reason <text>', '原因（记入事件）/ reason (recorded on the event)')
    .action(async (signInName: string, options: { reason: string }) => {
      await withIdentityStore(io, async (session) => {
        const user = await userNamed(session, signInName);
        await session.commands.disableUser(user.userId, options.reason, asOperator());
      });
      io.out(`已停用 / disabled: ${signInName}`);
    });
  users
    .command('reset-password')
    .description('重置密码，打印一次性密码 / reset a password and print a one-time password')
    .argument('<sign-in-name>', '登录名 / sign-in name')
    .requiredOption('--reason <text>', '原因（记入事件）/ reason (recorded on the event)')
    .action(async (signInName: string, options: { reason: string }) => {
      const reset = await withIdentityStore(io, async (session) => {
        const user = await userNamed(session, signInName);
        return session.commands.resetPassword(user.userId, options.reason, asOperator());
      });
      printOneTimePassword(io, signInName, reset.oneTimePassword);
    });
  const clients = root.command('clients').description('外部系统 / client systems (OAuth 2.0 client credentials)');
  clients
    .command('add')
    .description('新增外部系统，打印客户端密钥 / add a client system and print its secret')
    .requiredOption('--client-id <id>', '客户端ID / client id')
    .requiredOption('--scopes <scopes>', `权限范围，逗号分隔 / scopes, comma-separated: ${PERMISSIONS.join(', ')}`)
    .option('--unit <code>', '可访问的单位（缺省为全国）/ the unit it may reach (default: everywhere)')
    .requiredOption('--reason <text>', '原因（记入事件）/ reason (recorded on the event)')
    .action(async (options: { clientId: string; scopes: string; unit?: string; reason: string }) => {
      const scopes = list(options.scopes);
      if (!scopes.every(isPermission))
        throw optionError('scopes', `权限范围须为 / scopes are among: ${PERMISSIONS.join(', ')}`);
      const added = await withIdentityStore(io, (session) =>
        session.commands.addClient(
          {
            clientId: options.clientId,
            scopes: scopes as Permission[],
            reason: options.reason,
            ...(options.unit === undefined ? {} : { unitCode: options.unit }),
          },
          asOperator(),
        ),
      );
      io.out(`已添加客户端 / client added: ${added.clientId}`);
      io.out(`客户端密钥（仅显示一次）/ client secret (shown once): ${added.clientSecret}`);
    });
}
