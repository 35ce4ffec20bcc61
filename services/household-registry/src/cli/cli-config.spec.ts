// The CLI reads the server's configuration (issue 9, item 8c): DATA_DIR, EVENT_STORE_URL,
// READ_STORE_URL and RESIDENT_ID_SALT, command-line options winning, and says which store it writes to.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { openEventStore, openReadStore, parseEventStoreUrl, parseReadStoreUrl } from '@relapse-watch/service-runtime';
import { TEST_ACCESS_TOKEN_ENV } from '@relapse-watch/testing';
import { loadDivisionDirectory } from '../divisions/division-reference.store';
import { divisionExtractBytes } from '../divisions/division-extract.writer';
import { readDivisionExtract, shippedExtractPath } from '../divisions/division-extract.reader';
import { run } from './cli';
import type { CliIo } from './cli-io';

const SALT = 'cli-config-spec-salt-0001';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rw-cli-config-'));
  folders.push(folder);
  return folder;
}

function capture(cwd: string, env: Record<string, string>): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  // The server's secrets as a spec's services get them (the runtime requires them in distributed mode).
  const withSecrets = { ...TEST_ACCESS_TOKEN_ENV, ...env };
  return { stdout, stderr, cwd, env: withSecrets, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

async function registrations(path: string): Promise<number> {
  const store = SqliteEventStore.open({ path });
  try {
    let count = 0;
    for await (const event of store.readAll()) if (event.type === 'HouseholdImported') count++;
    return count;
  } finally {
    await store.close();
  }
}

/** A folder with a generated sheet of `households` households. */
async function withSheet(households: number): Promise<string> {
  const folder = tempFolder();
  const args = [
    'generate',
    '--province',
    '51',
    '--households',
    String(households),
    '--seed',
    'cfg',
    '--out',
    'sheet.csv',
  ];
  expect(await run(args, capture(folder, {}))).toBe(0);
  return folder;
}

describe('relapse-watch households import: the server configuration', () => {
  it('writes to events.db under DATA_DIR, not ./data, and says so', async () => {
    const folder = await withSheet(3);
    const io = capture(folder, { DATA_DIR: 'server-data', RESIDENT_ID_SALT: SALT });
    expect(await run(['households', 'import', 'sheet.csv', '--no-progress-file'], io)).toBe(0);
    const path = join(folder, 'server-data', 'events.db');
    expect(io.stderr).toContain(`事件库 / event store: ${path}（来自 / from DATA_DIR）`);
    expect(await registrations(path)).toBe(3);
    expect(existsSync(join(folder, 'data'))).toBe(false);
  });

  it('lets --event-store win over EVENT_STORE_URL and DATA_DIR', async () => {
    const folder = await withSheet(2);
    const env = { DATA_DIR: 'server-data', EVENT_STORE_URL: 'sqlite:./env.db', RESIDENT_ID_SALT: SALT };
    const io = capture(folder, env);
    expect(await run(['households', 'import', 'sheet.csv', '--event-store', 'sqlite:./option.db'], io)).toBe(0);
    expect(io.stderr).toContain(`事件库 / event store: ${join(folder, 'option.db')}（来自 / from --event-store）`);
    expect(await registrations(join(folder, 'option.db'))).toBe(2);
    expect(existsSync(join(folder, 'env.db'))).toBe(false);

    const fromEnv = capture(folder, env);
    expect(await run(['households', 'import', 'sheet.csv'], fromEnv)).toBe(0);
    expect(fromEnv.stderr).toContain(`事件库 / event store: ${join(folder, 'env.db')}（来自 / from EVENT_STORE_URL）`);
    expect(await registrations(join(folder, 'env.db'))).toBe(2);
  });

  it('imports into the PostgreSQL store EVENT_STORE_URL names, printing the URL with its password masked', async () => {
    const folder = await withSheet(4);
    const server = new URL(process.env['POSTGRES_URL'] as string);
    // The test server trusts local connections: the password is never checked, only never printed.
    server.password = 'n0t-printed';
    server.searchParams.set('schema', `cli_config_${Date.now()}`);
    const url = server.toString();
    const io = capture(folder, { EVENT_STORE_URL: url, RESIDENT_ID_SALT: SALT });
    expect(await run(['households', 'import', 'sheet.csv', '--no-progress-file'], io)).toBe(0);
    expect(io.stderr.join('\n')).not.toContain('n0t-printed');
    expect(io.stderr).toContainEqual(
      expect.stringMatching(/^事件库 \/ event store: postgres:\/\/postgres:\*\*\*@.*（来自 \/ from EVENT_STORE_URL）$/),
    );
    const store = await openEventStore(parseEventStoreUrl('EVENT_STORE_URL', url, folder));
    try {
      let count = 0;
      for await (const event of store.readAll()) if (event.type === 'HouseholdImported') count++;
      expect(count).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('refuses, as the server does, a server store without RESIDENT_ID_SALT, and a bad DATA_DIR-era variable, with one line', async () => {
    const folder = await withSheet(1);
    const io = capture(folder, { EVENT_STORE_URL: process.env['POSTGRES_URL'] as string });
    expect(await run(['households', 'import', 'sheet.csv'], io)).toBe(1);
    expect(io.stderr.at(-1)).toMatch(/^配置错误 \/ configuration error: RESIDENT_ID_SALT 分布式模式必须设置/);

    const bad = capture(folder, { EVENT_STORE_URL: 'mysql://localhost/rw', RESIDENT_ID_SALT: SALT });
    expect(await run(['households', 'import', 'sheet.csv'], bad)).toBe(1);
    expect(bad.stderr.at(-1)).toMatch(/^配置错误 \/ configuration error: EVENT_STORE_URL .*unsupported scheme/);
  });
});

describe('relapse-watch divisions import: the server configuration', () => {
  it('writes to read.db under DATA_DIR and says so', async () => {
    const folder = tempFolder();
    const io = capture(folder, { DATA_DIR: 'server-data' });
    expect(await run(['divisions', 'import', '--province', '51'], io)).toBe(0);
    const path = join(folder, 'server-data', 'read.db');
    expect(io.stderr).toContain(`读库 / read store: ${path}（来自 / from DATA_DIR）`);
    const store = SqliteReadStore.open({ path });
    try {
      expect((await loadDivisionDirectory(store, '51')).size).toBe(37_728);
    } finally {
      await store.close();
    }
  });

  it('imports into the MongoDB read store READ_STORE_URL names (FerretDB)', async () => {
    const folder = tempFolder();
    // One county of Sichuan, so the server round trips stay few.
    const sichuan = await readDivisionExtract(shippedExtractPath('51'));
    const county = sichuan.records.filter(
      ([code]) => code === '510000000000' || code === '510100000000' || code.startsWith('510104'),
    );
    writeFileSync(join(folder, 'county.json.gz'), divisionExtractBytes({ ...sichuan, records: county }));
    const url = `${(process.env['MONGODB_URL'] as string).replace(/\/[^/]*$/, '')}/cli_config_${Date.now()}`;
    const io = capture(folder, { READ_STORE_URL: url });
    expect(await run(['divisions', 'import', '--province', '51', '--extract', 'county.json.gz'], io)).toBe(0);
    expect(io.stderr).toContain(`读库 / read store: ${url}（来自 / from READ_STORE_URL）`);
    const store = await openReadStore(parseReadStoreUrl('READ_STORE_URL', url, folder));
    try {
      expect((await loadDivisionDirectory(store, '51')).size).toBe(county.length);
    } finally {
      await store.close();
    }
  });
});

describe('relapse-watch households import: the salt', () => {
  it('names --resident-id-salt, not the variable, when the option is too short', async () => {
    const folder = await withSheet(1);
    const io = capture(folder, {});
    expect(await run(['households', 'import', 'sheet.csv', '--resident-id-salt', 'short'], io)).toBe(1);
    expect(io.stderr.at(-1)).toBe(
      '配置错误 / configuration error: --resident-id-salt 至少16个字符 / must have at least 16 characters (got "***")',
    );
  });
});
