import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_FORMAT_STREAM, type StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { openEventStore, parseEventStoreUrl } from '@relapse-watch/service-runtime';
import { run } from './cli';
import type { CliIo } from './cli-io';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const SALT = 'households-import-cli-spec-salt';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rw-hh-import-'));
  folders.push(folder);
  return folder;
}

function capture(
  cwd: string,
  env: Record<string, string> = { RESIDENT_ID_SALT: SALT },
): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, env, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

/** A household's registration: one by one (the command path) or with all its rows at once (the fast path). */
const isRegistration = (type: string) => type === 'HouseholdRegistered' || type === 'HouseholdImported';

/** Member ids added one by one or registered with their household. */
function memberIds(all: readonly StoredEvent[]): string[] {
  return all.flatMap((e) =>
    e.type === 'MemberAdded'
      ? [(e.data as { memberId: string }).memberId]
      : e.type === 'HouseholdImported'
        ? (e.data as { members: { memberId: string }[] }).members.map((m) => m.memberId)
        : [],
  );
}

/** Income records, one by one or with their household. */
function incomes(all: readonly StoredEvent[]): number {
  return all.reduce(
    (n, e) =>
      n +
      (e.type === 'IncomeRecorded'
        ? 1
        : e.type === 'HouseholdImported'
          ? (e.data as { incomes: unknown[] }).incomes.length
          : 0),
    0,
  );
}

async function events(path: string): Promise<StoredEvent[]> {
  const store = SqliteEventStore.open({ path });
  try {
    const all: StoredEvent[] = [];
    for await (const event of store.readAll()) all.push(event);
    return all;
  } finally {
    await store.close();
  }
}

describe('relapse-watch generate', () => {
  it('writes the same file, byte for byte, for the same seed and options', async () => {
    const folder = tempFolder();
    const args = ['generate', '--province', '51', '--households', '300', '--seed', '99', '--within', '510121000000'];
    expect(await run([...args, '--out', 'a.csv'], capture(folder))).toBe(0);
    expect(await run([...args, '--out', 'b.csv'], capture(folder))).toBe(0);
    expect(
      await run(
        [
          'generate',
          '--province',
          '51',
          '--households',
          '300',
          '--seed',
          '100',
          '--within',
          '510121000000',
          '--out',
          'c.csv',
        ],
        capture(folder),
      ),
    ).toBe(0);
    const a = readFileSync(join(folder, 'a.csv'));
    expect(a.equals(readFileSync(join(folder, 'b.csv')))).toBe(true);
    expect(a.equals(readFileSync(join(folder, 'c.csv')))).toBe(false);
    expect(a.toString('utf8').split('\r\n')[0]).toMatch(
      /^\uFEFF村代码 villageCode,户编号 householdNumber,户类型 status,/,
    );
  });

  it('writes CSV to stdout without --out, the summary to stderr', async () => {
    const io = capture(tempFolder());
    expect(await run(['generate', '--province', '51', '--households', '3', '--seed', '1'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^\uFEFF村代码 villageCode,/);
    expect(io.stdout.length).toBeGreaterThanOrEqual(4);
    expect(io.stderr.at(-1)).toMatch(
      /^已生成 3 户 \d+ 人（种子 1）.* \/ Generated 3 households, \d+ members \(seed 1\)/,
    );
  });

  it('refuses a --within outside the province', async () => {
    const io = capture(tempFolder());
    expect(
      await run(
        ['generate', '--province', '51', '--households', '3', '--within', '520100000000', '--out', 'x.csv'],
        io,
      ),
    ).toBe(1);
  });
});

describe('relapse-watch households import', () => {
  it('imports a generated sheet into ./data/events.db by default, then again without adding anything', async () => {
    const folder = tempFolder();
    expect(
      await run(
        ['generate', '--province', '51', '--households', '120', '--seed', '5', '--out', 'sheet.csv'],
        capture(folder),
      ),
    ).toBe(0);
    const io = capture(folder);
    expect(await run(['households', 'import', 'sheet.csv'], io)).toBe(0);
    expect(io.stdout[0]).toMatch(
      /^已导入 120 户：接受 \d+ 行，拒绝 0 行(，0 条错误、\d+ 条数据质量警告见 \S+)?；.* \/ Imported 120 households: \d+ rows accepted, 0 refused(; 0 errors, \d+ data-quality warnings in \S+)?; /,
    );
    const store = join(folder, 'data', 'events.db');
    const first = await events(store);
    expect(first.filter((e) => isRegistration(e.type))).toHaveLength(120);
    // The operator at the command line, who holds the store and so the whole tree (the format marker is the system's).
    const imported = first.filter((e) => e.streamId !== STORE_FORMAT_STREAM);
    expect(new Set(imported.map((e) => JSON.stringify(e.metadata.actor)))).toEqual(
      new Set([JSON.stringify({ userId: 'operator', role: 'cli' })]),
    );

    const again = capture(folder);
    expect(await run(['households', 'import', 'sheet.csv', '--event-store', `sqlite:${store}`], again)).toBe(0);
    expect(await events(store)).toHaveLength(first.length);
  });

  it('stamps a new store with the format marker first, and refuses a store written without one', async () => {
    const folder = tempFolder();
    const sheet = ['generate', '--province', '51', '--households', '2', '--seed', '7', '--out', 'sheet.csv'];
    expect(await run(sheet, capture(folder))).toBe(0);
    expect(await run(['households', 'import', 'sheet.csv', '--event-store', 'sqlite:new.db'], capture(folder))).toBe(0);
    expect((await events(join(folder, 'new.db')))[0]).toMatchObject({
      streamId: 'system-store-format',
      data: { format: 2 },
    });

    const old = SqliteEventStore.open({ path: join(folder, 'old.db') });
    await old.appendToStream('registry-household-old', [
      {
        id: '01900000-0000-7000-8000-000000000001',
        type: 'HouseholdRegistered',
        data: {},
        metadata: {
          actor: { userId: 'old', role: 'system' },
          divisionCode: '511923000000',
          correlationId: 'c',
          causationId: null,
          occurredAt: '2025-01-01T00:00:00.000Z',
        },
      },
    ]);
    await old.close();
    const io = capture(folder);
    expect(await run(['households', 'import', 'sheet.csv', '--event-store', 'sqlite:old.db'], io)).toBe(1);
    expect(io.stderr.at(-1)).toMatch(
      /^错误 \/ error: 事件库由旧版本写入（格式 1，无格式标记）.*start with an empty DATA_DIR/,
    );
    expect(await events(join(folder, 'old.db'))).toHaveLength(1);
  });

  it('uses the documented development salt when RESIDENT_ID_SALT is unset, and says so', async () => {
    const folder = tempFolder();
    expect(await run(['generate', '--province', '51', '--households', '2', '--out', 's.csv'], capture(folder))).toBe(0);
    const io = capture(folder, {});
    expect(await run(['households', 'import', 's.csv'], io)).toBe(0);
    expect(io.stderr[0]).toContain('RESIDENT_ID_SALT is not set; using the development default salt');
  });

  it.each([
    [
      'an event store URL the runtime refuses',
      ['--event-store', 'mysql://localhost/rw'],
      '错误 / error: --event-store',
    ],
    [
      'a server that does not answer',
      ['--event-store', 'postgres://rw:secret@127.0.0.1:1/rw'],
      '错误 / error: --event-store',
    ],
    ['a missing file', [], '无法读取导入文件'],
    [
      'a progress interval that is not a whole number of ms',
      ['--progress-every', '0.5'],
      '--progress-every must be a positive whole number',
    ],
    ['a commit mode SQLite does not offer', ['--synchronous', 'OFF'], '--synchronous must be FULL or NORMAL'],
  ])('exits 1 with one line for %s', async (_case, extra, message) => {
    const io = capture(tempFolder());
    expect(await run(['households', 'import', 'missing.csv', ...extra], io)).toBe(1);
    expect(io.stderr.at(-1)).toContain(message);
    expect(io.stderr.join('\n')).not.toContain('secret');
  });

  it('imports into the PostgreSQL event store an EVENT_STORE_URL names, then again without adding anything', async () => {
    const folder = tempFolder();
    expect(
      await run(
        ['generate', '--province', '51', '--households', '40', '--seed', '9', '--out', 'sheet.csv'],
        capture(folder),
      ),
    ).toBe(0);
    const url = `${process.env['POSTGRES_URL']}?schema=cli_import_${Date.now()}`;
    expect(
      await run(['households', 'import', 'sheet.csv', '--event-store', url, '--no-progress-file'], capture(folder)),
    ).toBe(0);
    const count = async () => {
      const store = await openEventStore(parseEventStoreUrl('EVENT_STORE_URL', url, folder));
      try {
        const types: string[] = [];
        for await (const event of store.readAll()) types.push(event.type);
        return types;
      } finally {
        await store.close();
      }
    };
    const first = await count();
    expect(first.filter(isRegistration)).toHaveLength(40);
    expect(
      await run(['households', 'import', 'sheet.csv', '--event-store', url, '--no-progress-file'], capture(folder)),
    ).toBe(0);
    expect(await count()).toHaveLength(first.length);
  });

  it('killed mid-file (SIGKILL) and run again, holds every household exactly once', async () => {
    const folder = tempFolder();
    const households = 2_500;
    expect(
      await run(
        ['generate', '--province', '51', '--households', String(households), '--seed', 'kill', '--out', 'sheet.csv'],
        capture(folder),
      ),
    ).toBe(0);
    const store = join(folder, 'events.db');
    const progressFile = join(folder, 'sheet.csv.progress.json');

    // The CLI from its sources in a process of its own, killed once its progress file shows work
    // done (saved every 20 ms: the kill lands mid-file however fast the import runs).
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        join(repoRoot, 'node_modules/.bin/node'),
        [
          '-r',
          '@swc-node/register',
          '--conditions=@relapse-watch/source',
          join(__dirname, 'main.ts'),
          'households',
          'import',
          join(folder, 'sheet.csv'),
          '--event-store',
          `sqlite:${store}`,
          '--concurrency',
          '64',
          '--progress-every',
          '20',
        ],
        // From the repository root: the TypeScript loader (and the store's writer thread, which loads it too) resolves from there.
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            RESIDENT_ID_SALT: SALT,
            SWC_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json'),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const poll = setInterval(() => {
        if (existsSync(progressFile)) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 20);
      child.on('error', reject);
      child.on('exit', (_code, signal) => {
        clearInterval(poll);
        if (signal === 'SIGKILL') resolve();
        else reject(new Error(`the import ended before it was killed: ${stderr}`));
      });
    });
    const killed = await events(store);
    const registeredBefore = killed.filter((e) => isRegistration(e.type)).length;
    expect(registeredBefore).toBeGreaterThan(0);
    expect(registeredBefore).toBeLessThan(households);
    const saved = JSON.parse(readFileSync(progressFile, 'utf8')) as { rowsDone: number };

    const io = capture(folder);
    expect(await run(['households', 'import', 'sheet.csv', '--event-store', `sqlite:${store}`], io)).toBe(0);
    expect(io.stdout[0]).toContain(`(resumed after row ${saved.rowsDone})`);
    expect(io.stdout[0]).toContain(`Imported ${households} households`);
    expect(existsSync(progressFile)).toBe(false);

    const all = await events(store);
    const registered = all.filter((e) => isRegistration(e.type)).map((e) => e.streamId);
    expect(registered).toHaveLength(households);
    expect(new Set(registered).size).toBe(households);
    const members = memberIds(all);
    const rows = readFileSync(join(folder, 'sheet.csv'), 'utf8').trimEnd().split('\r\n').length - 1;
    expect(members).toHaveLength(rows);
    expect(new Set(members).size).toBe(rows);
    expect(incomes(all)).toBe(households);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });
});
