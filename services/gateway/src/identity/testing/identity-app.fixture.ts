// Spec-only support (excluded from the build): the gateway's identity module in a real service
// app on port 0, on a SQLite store in a temp folder, its log lines captured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServiceApp, loadRuntimeConfig } from '@relapse-watch/service-runtime';
import { TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { loadIdentityConfig, type IdentityConfig } from '../config/identity.config';
import { IdentityModule } from '../identity.module';
import { IDENTITY_COMMANDS } from '../api/identity.tokens';
import type { IdentityCommands } from '../application/identity-commands';
import { CLI_ACTOR } from '../application/identity-context';
import type { NewUser } from '../application/identity-commands';

/** A response: status, parsed JSON body (null when empty), headers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read bodies freely
export type Answer = { status: number; body: any; headers: Headers };

/** A booted identity app. */
export interface IdentityApp {
  readonly app: NestExpressApplication;
  readonly url: string;
  readonly dataDir: string;
  /** Every log line written so far. */
  readonly lines: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  /** Adds a user directly (as the CLI would) and answers their one-time password. */
  addUser(user: NewUser): Promise<{ userId: string; oneTimePassword: string }>;
  /**
   * Adds a user, changes their one-time password to `password` and signs them in, as a new
   * official would: answers the sign-in's body (`access_token`, `refresh_token`, …).
   */
  signInNewUser(user: NewUser, password: string): Promise<Answer['body']>;
  dispose(): Promise<void>;
}

/** What a spec may change: the configuration (over the defaults), the environment, the data folder (to restart on it). */
export interface IdentityAppOptions {
  readonly config?: Partial<IdentityConfig>;
  readonly env?: Record<string, string>;
  readonly dataDir?: string;
  /** Leave the data folder in place on dispose (for a restart). */
  readonly keepData?: boolean;
  /** More modules beside the identity module (a spec's probe routes). */
  readonly imports?: readonly (Type | DynamicModule)[];
}

/** Boots the identity module. */
export async function bootIdentityApp(options: IdentityAppOptions = {}): Promise<IdentityApp> {
  const overrides = options.config ?? {};
  const env = options.env ?? { ...TEST_ACCESS_TOKEN_ENV };
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'rw-identity-spec-'));
  const identity: DynamicModule = IdentityModule.withConfig({ ...loadIdentityConfig({}), ...overrides });
  @Module({ imports: [identity, ...(options.imports ?? [])] })
  class IdentitySpecModule {}
  const lines: string[] = [];
  const app = await createServiceApp(IdentitySpecModule, {
    config: loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }),
    identity: { name: '@relapse-watch/gateway', version: '0.1.0' },
    logDestination: { write: (line: string) => void lines.push(line) },
  });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const answer = async (res: Response) => {
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text), headers: res.headers };
  };
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    answer(
      await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
  const addUser = async (user: NewUser) => {
    const commands = app.get<IdentityCommands>(IDENTITY_COMMANDS);
    const added = await commands.addUser(user, { actor: CLI_ACTOR, correlationId: 'spec', now: new Date() });
    return { userId: added.user.userId, oneTimePassword: added.oneTimePassword };
  };
  return {
    app,
    url,
    dataDir,
    lines,
    post: (path, body, headers = {}) => send('POST', path, body, headers),
    put: (path, body, headers = {}) => send('PUT', path, body, headers),
    get: async (path, headers = {}) => answer(await fetch(`${url}${path}`, { headers })),
    addUser,
    signInNewUser: async (user, password) => {
      const { oneTimePassword } = await addUser(user);
      const { signInName } = user;
      await send('POST', '/api/auth/password', { signInName, password: oneTimePassword, newPassword: password }, {});
      return (await send('POST', '/api/auth/sign-in', { signInName, password }, {})).body;
    },
    dispose: async () => {
      await app.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
