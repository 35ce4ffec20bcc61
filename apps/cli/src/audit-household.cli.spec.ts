import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { householdIdFor } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect } from '@relapse-watch/event-store-testing';
import { TEST_MASTER_KEYS } from '@relapse-watch/testing';
import { run } from './cli';

// `relapse-watch audit household` over a DATA_DIR the real commands filled: a generated sheet
// imported into the registry, a caseload over it imported into the assistance, one household's
// personal data erased. The trail merges the services' parts, shows who and why, and shows the
// erased household's people as erased — never a name or an ID number from the sheet.

const dataDir = mkdtempSync(join(tmpdir(), 'rw-audit-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const ENV = { DATA_DIR: dataDir, RESIDENT_ID_SALT: 'audit-cli-spec-salt', MASTER_KEYS: TEST_MASTER_KEYS };

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dataDir, env: ENV });
  return { code, out, err };
}

let sheet: string[][];
let withCase: string;
let withoutCase: string;

beforeAll(async () => {
  expect((await cli('generate', '--province', '51', '--households', '40', '--seed', '5', '--out', 'h.csv')).code).toBe(
    0,
  );
  expect((await cli('households', 'import', 'h.csv', '--no-progress-file')).code).toBe(0);
  expect(
    (await cli('cases', 'generate', '--households', 'h.csv', '--share', '0.5', '--seed', '5', '--out', 'c.csv')).code,
  ).toBe(0);
  expect((await cli('cases', 'import', 'c.csv', '--no-progress-file')).code).toBe(0);
  sheet = readFileSync(join(dataDir, 'h.csv'), 'utf8')
    .trimEnd()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(','));
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    const cases = new Set(
      (await collect(store.readAll()))
        .filter((e) => e.type === 'HouseholdCaseAssigned')
        .map((e) => (e.data as { householdId: string }).householdId),
    );
    const ids = [...new Set(sheet.map(([village, number]) => householdIdFor(village, number)))];
    withCase = ids.find((id) => cases.has(id))!;
    withoutCase = ids.find((id) => !cases.has(id))!;
  } finally {
    await store.close();
  }
}, 120_000);

describe('relapse-watch audit household', () => {
  it('prints the household’s registry and assistance history as one table, oldest first', async () => {
    const res = await cli('audit', 'household', withCase);
    expect(res.code).toBe(0);
    expect(res.err[0]).toBe(`事件库 / event store: ${join(dataDir, 'events.db')}（来自 / from DATA_DIR）`);
    expect(res.out[0]).toMatch(
      /^时间 time +\| 人员\/角色 who\/role +\| 业务域 context \| 内容 what \| 理由 why \| 关联ID correlation$/,
    );
    const rows = res.out.slice(1);
    expect(rows[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+08:00 \| \S+\/cli +\| registry +\| 从户籍信息表导入/);
    expect(rows.some((r) => /\| assistance +\| 从原监测系统导入案件/.test(r))).toBe(true);
    expect(rows.findIndex((r) => r.includes('| assistance'))).toBeGreaterThan(0);
  });

  it('prints JSON lines with --json, merged by recorded time, each with its actor and correlation id', async () => {
    const res = await cli('audit', 'household', withCase, '--json');
    expect(res.code).toBe(0);
    const entries = res.out.map((l) => JSON.parse(l) as Record<string, string>);
    expect(new Set(entries.map((e) => e.context))).toEqual(new Set(['registry', 'assistance']));
    const recorded = entries.map((e) => Date.parse(e.recordedAt));
    expect([...recorded].sort((a, b) => a - b)).toEqual(recorded);
    expect(entries.map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['HouseholdImported', 'HouseholdCaseAssigned', 'MonitoringCaseImported']),
    );
    for (const e of entries) expect(e).toMatchObject({ actor: { role: 'cli' }, correlationId: expect.any(String) });
  });

  it('shows an erased household’s people as erased, and never a name or ID number of the sheet', async () => {
    const erased = await cli(
      'privacy',
      'erase',
      '--household',
      withoutCase,
      '--reason',
      '本人申请 / asked',
      '--by',
      'dpo-1',
    );
    expect(erased.code).toBe(0);
    const res = await cli('audit', 'household', withoutCase, '--json');
    expect(res.code).toBe(0);
    const entries = res.out.map(
      (l) => JSON.parse(l) as { eventType: string; erased: boolean; reason: string | null; summary: { zh: string } },
    );
    expect(entries[0]).toMatchObject({ eventType: 'HouseholdImported', erased: true });
    expect(entries[0].summary.zh).toContain('姓名、身份证号：已删除');
    expect(entries.at(-1)).toMatchObject({
      eventType: 'HouseholdPersonalDataErased',
      erased: false,
      reason: '本人申请 / asked',
    });
    const table = (await cli('audit', 'household', withoutCase)).out.join('\n');
    expect(table).toContain('【已删除 erased】');
    const everything = `${res.out.join('\n')}\n${table}\n${(await cli('audit', 'household', withCase)).out.join('\n')}`;
    // The sheet's resident ID numbers never appear (names are checked by the describers' specs).
    const personal = sheet.flatMap((row) => row.filter((cell) => /^\d{17}[\dX]$/.test(cell)));
    expect(personal.length).toBeGreaterThan(0);
    for (const value of personal) expect(everything).not.toContain(value);
  });

  it('exits 1 with one line for a household no service knows, and for an id that is no UUID', async () => {
    const unknown = await cli('audit', 'household', randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.err.at(-1)).toMatch(/^错误 \/ error: 没有该户的任何记录：.* \/ no service has records of household/);
    expect(unknown.out).toEqual([]);
    const malformed = await cli('audit', 'household', 'not-an-id');
    expect(malformed).toMatchObject({ code: 1, err: [expect.stringContaining('the household id must be a UUID')] });
  });
});
