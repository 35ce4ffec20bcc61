import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { householdIdFor } from '@relapse-watch/domain-kernel';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect } from '@relapse-watch/event-store-testing';
import { run } from './cli';

// `relapse-watch cases generate` over the sheet `relapse-watch generate` writes, then `cases import`
// into the embedded store of a DATA_DIR, as an operator would load a province's caseload.

const dataDir = mkdtempSync(join(tmpdir(), 'rw-cases-cli-'));
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

async function storedCases(): Promise<{ streamId: string; householdId: string }[]> {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    return (await collect(store.readAll()))
      .filter((e) => e.type === 'MonitoringCaseImported')
      .map((e) => ({ streamId: e.streamId, householdId: (e.data as { householdId: string }).householdId }));
  } finally {
    await store.close();
  }
}

describe('relapse-watch cases', () => {
  it('generates a caseload over the registry’s households and imports it, a re-run adding nothing', async () => {
    const households = await cli('generate', '--province', '51', '--households', '60', '--seed', '7', '--out', 'h.csv');
    expect(households.code).toBe(0);
    const generated = await cli(
      'cases',
      'generate',
      '--households',
      'h.csv',
      '--share',
      '0.5',
      '--seed',
      '7',
      '--out',
      'c.csv',
    );
    expect(generated).toMatchObject({ code: 0, out: [] });
    const count = Number(/Generated (\d+) cases/.exec(generated.err[0])![1]);
    expect(count).toBeGreaterThan(15);
    expect(count).toBeLessThan(45);

    const imported = await cli('cases', 'import', 'c.csv');
    expect(imported.code).toBe(0);
    expect(imported.err[0]).toBe(`事件库 / event store: ${join(dataDir, 'events.db')}（来自 / from DATA_DIR）`);
    expect(imported.err.join('\n')).toMatch(/importing: \d+ 行 rows, \d+ 个监测对象 cases/);
    expect(imported.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^已导入 ${count} 个监测对象.* / Imported ${count} cases, \\d+ measures: \\d+ rows accepted, 0 refused;`,
        ),
      ),
    ]);

    // Every case names a household of the household sheet, as the registry derives its id.
    const sheet = readFileSync(join(dataDir, 'h.csv'), 'utf8').trimEnd().split('\r\n').slice(1);
    const registryIds = new Set(sheet.map((line) => householdIdFor(line.split(',')[0], line.split(',')[1])));
    const cases = await storedCases();
    expect(cases).toHaveLength(count);
    for (const c of cases) expect(registryIds.has(c.householdId)).toBe(true);

    const again = await cli('cases', 'import', 'c.csv', '--synchronous', 'normal');
    expect(again.code).toBe(0);
    expect(await storedCases()).toEqual(cases);
  });

  it('exits 1 with one line for a bad option or a missing file', async () => {
    const batch = await cli('cases', 'import', 'c.csv', '--batch-cases', '0');
    expect(batch).toMatchObject({
      code: 1,
      err: [expect.stringContaining('--batch-cases must be a whole number from 1 to 2000')],
    });
    const missing = await cli('cases', 'import', 'missing.csv');
    expect(missing.code).toBe(1);
    expect(missing.err.at(-1)).toContain('无法读取导入文件');
    const share = await cli('cases', 'generate', '--households', 'h.csv', '--out', 'x.csv', '--share', '2');
    expect(share).toMatchObject({ code: 1, err: [expect.stringContaining('--share must be a number from 0 to 1')] });
  });
});
