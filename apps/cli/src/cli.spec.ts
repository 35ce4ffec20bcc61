import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { verify } from '@node-rs/argon2';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect } from '@relapse-watch/event-store-testing';
import { run } from './cli';

const dataDir = mkdtempSync(join(tmpdir(), 'rw-cli-spec-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd: dataDir,
    env: { DATA_DIR: dataDir },
  });
  return { code, out, err };
}

async function streamEvents(streamId: string) {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    return await collect(store.readStream(streamId));
  } finally {
    await store.close();
  }
}

const ONE_TIME = /: (\S+) ([A-Za-z2-9]{16})$/;

describe('relapse-watch users and clients', () => {
  let userId = '';

  it('users add: writes the user as the operator, with the reason, and prints the one-time password once', async () => {
    const added = await cli(
      'users',
      'add',
      '--sign-in-name',
      'inspector.cli',
      '--role',
      'village-inspector',
      '--unit',
      '511923105000',
      '--villages',
      '511923105201,511923105200',
      '--reason',
      '新任排查员 / new inspector',
    );
    expect(added).toMatchObject({ code: 0, err: [] });
    expect(added.out).toHaveLength(2);
    userId = /id (\S+)$/.exec(added.out[0])![1];
    const [, name, password] = ONE_TIME.exec(added.out[1])!;
    expect(name).toBe('inspector.cli');

    const [event] = await streamEvents(`gateway-user-${userId}`);
    expect(event).toMatchObject({
      type: 'UserAdded',
      data: {
        signInName: 'inspector.cli',
        villageCodes: ['511923105200', '511923105201'],
        mustChangePassword: true,
        reason: '新任排查员 / new inspector',
      },
      metadata: { actor: { userId: 'cli:operator', role: 'administrator' }, divisionCode: '511923105000' },
    });
    const hash = (event.data as { passwordHash: string }).passwordHash;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(hash, password)).toBe(true);
    expect(JSON.stringify(event)).not.toContain(password);
  });

  it('users add: refuses a taken name and a bad role with one line and exit code 1', async () => {
    const taken = await cli(
      'users',
      'add',
      '--sign-in-name',
      'inspector.cli',
      '--role',
      'county-official',
      '--unit',
      '511923000000',
      '--reason',
      'x',
    );
    expect(taken).toMatchObject({ code: 1, out: [] });
    expect(taken.err).toEqual([
      expect.stringMatching(/^错误 \/ error: 该登录名已被使用 \/ The sign-in name is taken$/),
    ]);
    const role = await cli(
      'users',
      'add',
      '--sign-in-name',
      'x.role',
      '--role',
      'king',
      '--unit',
      '511923000000',
      '--reason',
      'x',
    );
    expect(role.code).toBe(1);
    expect(role.err[0]).toMatch(/^错误 \/ error: 角色须为/);
  });

  it('users reset-password and disable: by sign-in name, each an event with its reason', async () => {
    const reset = await cli('users', 'reset-password', 'inspector.cli', '--reason', '忘记密码 / forgotten');
    expect(reset.code).toBe(0);
    const password = ONE_TIME.exec(reset.out[0])![2];
    const disabled = await cli('users', 'disable', 'inspector.cli', '--reason', '离职 / left');
    expect(disabled).toMatchObject({ code: 0, out: ['已停用 / disabled: inspector.cli'] });
    const events = await streamEvents(`gateway-user-${userId}`);
    expect(events.map((e) => e.type)).toEqual(['UserAdded', 'UserPasswordReset', 'UserDisabled']);
    expect(events[2].data).toEqual({ userId, reason: '离职 / left' });
    expect(await verify((events[1].data as { passwordHash: string }).passwordHash, password)).toBe(true);
    const unknown = await cli('users', 'disable', 'nobody.here', '--reason', 'x');
    expect(unknown).toMatchObject({ code: 1, err: ['错误 / error: 用户不存在 / No such user'] });
  });

  it('clients add: prints the secret once and keeps only its hash', async () => {
    const added = await cli(
      'clients',
      'add',
      '--client-id',
      'civil-affairs',
      '--scopes',
      'registry.read,personal.read',
      '--unit',
      '511900000000',
      '--reason',
      '民政 / civil affairs',
    );
    expect(added.code).toBe(0);
    const secret = /: (\S+)$/.exec(added.out[1])![1];
    const [event] = await streamEvents('gateway-client-civil-affairs');
    expect(event.data).toMatchObject({
      clientId: 'civil-affairs',
      scopes: ['personal.read', 'registry.read'],
      unitCode: '511900000000',
    });
    expect(await verify((event.data as { secretHash: string }).secretHash, secret)).toBe(true);
    const bad = await cli('clients', 'add', '--client-id', 'other', '--scopes', 'everything', '--reason', 'x');
    expect(bad.code).toBe(1);
  });

  it('keeps the registry’s commands in the same program', async () => {
    const help = await cli('--help');
    const text = help.out.join('\n');
    for (const command of ['divisions', 'generate', 'households', 'users', 'clients']) expect(text).toContain(command);
  });
});
