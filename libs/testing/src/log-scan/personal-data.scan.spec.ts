import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { describeHit, hasValidCheckCharacter, rulesBrokenBy, scanFolder, scanText } from './personal-data.scan';

// Planted values: a resident ID with a valid GB 11643 check character (the standard's own
// example), a mobile number, and a name of the list.
const ID = '11010519491231002X';
const PHONE = '13912345678';
const NAME = '王建华';
const names = new Set([NAME, '李秀英']);

describe('personal-data log scan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-log-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the GB 11643 check character', () => {
    expect(hasValidCheckCharacter(ID)).toBe(true);
    expect(hasValidCheckCharacter(ID.toLowerCase())).toBe(true);
    expect(hasValidCheckCharacter('511923198001010018')).toBe(true);
    expect(hasValidCheckCharacter('511923198001010017')).toBe(false);
  });

  it('finds a planted ID, phone and name, each on its own line with its rule', () => {
    const text = [
      '{"level":"info","msg":"started"}',
      `{"msg":"seen","who":"${ID}"}`,
      `{"msg":"call ${PHONE} now"}`,
      `{"msg":"户主${NAME}已登记"}`,
    ].join('\n');
    expect(scanText(text, 'a.log', names)).toEqual([
      { file: 'a.log', line: 2, rule: 'resident-id' },
      { file: 'a.log', line: 3, rule: 'mobile-phone' },
      { file: 'a.log', line: 4, rule: 'demo-name' },
    ]);
  });

  it('ignores an 18-digit number with a wrong check character, and digit runs inside longer numbers or hex ids', () => {
    expect(rulesBrokenBy('{"n":"110105194912310021"}', names)).toEqual([]);
    expect(rulesBrokenBy(`{"n":"9${ID}"}`, names)).toEqual([]);
    expect(rulesBrokenBy(`{"t":1${PHONE}}`, names)).toEqual([]);
    expect(rulesBrokenBy(`{"id":"0193a6c5-7b2e-7c1d-9a3f-a${PHONE}"}`, names)).toEqual([]);
    expect(rulesBrokenBy('{"msg":"王建设 李秀"}', names)).toEqual([]);
  });

  it('scans every file under a folder with per-file line numbers', async () => {
    mkdirSync(join(dir, 'tree', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'clean.log'), 'nothing here\n');
    writeFileSync(join(dir, 'tree', 'inner', 'hit.log'), `one\ntwo\nphone ${PHONE}\n`);
    expect(await scanFolder(join(dir, 'tree'), names)).toEqual([
      { file: join('inner', 'hit.log'), line: 3, rule: 'mobile-phone' },
    ]);
  });

  it('prints file, line and rule — never the value — and exits 1 on a hit, 0 when clean', () => {
    const hit = { file: 'x.log', line: 7, rule: 'resident-id' } as const;
    expect(describeHit(hit)).toBe('x.log:7 resident-id');
    const logs = join(dir, 'run');
    mkdirSync(logs);
    writeFileSync(join(logs, 'process-1.log'), `{"who":"${ID}","tel":"${PHONE}"}\n{"msg":"${NAME}"}\n`);
    const namesFile = join(dir, 'names.txt');
    writeFileSync(namesFile, [...names].join('\n'));
    const run = () =>
      spawnSync(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          '--conditions=@relapse-watch/source',
          join(__dirname, 'personal-data-scan.main.ts'),
          logs,
          namesFile,
        ],
        {
          encoding: 'utf8',
          env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
        },
      );
    const dirty = run();
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toContain('process-1.log:1 resident-id');
    expect(dirty.stdout).toContain('process-1.log:1 mobile-phone');
    expect(dirty.stdout).toContain('process-1.log:2 demo-name');
    expect(dirty.stdout).toContain('3 hits');
    for (const value of [ID, PHONE, NAME]) expect(dirty.stdout + dirty.stderr).not.toContain(value);
    writeFileSync(join(logs, 'process-1.log'), '{"msg":"clean"}\n');
    const clean = run();
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('clean');
  });
});
