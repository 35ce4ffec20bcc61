import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { loadRuntimeConfig } from '@relapse-watch/service-runtime/config';
import { householdStreamId } from '../domain/household/household.decider';
import { run } from './cli';
import type { CliIo } from './cli-io';
import { sealingEventStore } from './personal-data.option';

interface Captured extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
}

const folder = mkdtempSync(join(tmpdir(), 'rw-cli-privacy-'));
const env = { DATA_DIR: join(folder, 'data') };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function capture(): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd: folder, env, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/** The household ids and the members' names and ID numbers the sheet holds (column order from its header). */
function sheetPeople(path: string): { names: string[]; ids: string[] } {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const cells = (header as string).split(',');
  const col = (prefix: string) => cells.findIndex((c) => c.startsWith(prefix));
  const [name, id] = [col('姓名'), col('身份证号')];
  const split = rows.map((r) => r.split(','));
  return { names: split.map((r) => r[name] as string), ids: split.map((r) => r[id] as string) };
}

async function storedEvents(): Promise<StoredEvent[]> {
  const store = SqliteEventStore.open({ path: join(env.DATA_DIR, 'events.db') });
  const events: StoredEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  await store.close();
  return events;
}

let householdId: string;
let people: { names: string[]; ids: string[] };
beforeAll(async () => {
  expect(
    await run(['generate', '--province', '51', '--households', '5', '--seed', '7', '--out', 'sheet.csv'], capture()),
  ).toBe(0);
  expect(await run(['households', 'import', 'sheet.csv', '--no-progress-file'], capture())).toBe(0);
  people = sheetPeople(join(folder, 'sheet.csv'));
  const imported = (await storedEvents()).find((e) => e.type === 'HouseholdImported');
  householdId = (imported?.data as { householdId: string }).householdId;
});

describe('relapse-watch households import with sealing', () => {
  it('writes no name or ID number of the sheet into the event store files', () => {
    expect(people.names.length).toBeGreaterThan(5);
    expect(people.names.every((n) => /^\p{Script=Han}{2,4}$/u.test(n))).toBe(true);
    expect(people.ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    const raw = readdirSync(env.DATA_DIR)
      .filter((f) => f.startsWith('events.db'))
      .map((f) => readFileSync(join(env.DATA_DIR, f)).toString('utf8'))
      .join('\n');
    expect(raw).toContain(householdId);
    for (const text of [...people.names, ...people.ids]) expect(raw).not.toContain(text);
  });
});

describe('relapse-watch privacy erase', () => {
  it('records the erasure in the household’s stream and destroys its key; a second run records nothing', async () => {
    const io = capture();
    const args = [
      'privacy',
      'erase',
      '--household',
      householdId,
      '--reason',
      '个人信息删除申请 2024-17',
      '--by',
      'ops-1',
    ];
    expect(await run(args, io)).toBe(0);
    expect(io.stdout).toEqual([
      `已删除该户个人信息 / erased the household’s personal data: ${householdId} (key: erased)`,
    ]);
    const erasures = (await storedEvents()).filter((e) => e.type === 'HouseholdPersonalDataErased');
    expect(erasures.map((e) => e.data)).toMatchObject([
      { householdId, reason: '个人信息删除申请 2024-17', erasedBy: { userId: 'cli:ops-1', role: 'administrator' } },
    ]);

    // Read as the server would, with its key store and master keys: the people are gone.
    const config = loadRuntimeConfig(env, folder);
    const sealing = await sealingEventStore(
      SqliteEventStore.open({ path: join(env.DATA_DIR, 'events.db') }),
      config.personalData,
    );
    const personal: unknown[] = [];
    for await (const e of sealing.store.readStream(householdStreamId(householdId)))
      if ((e.data as { personal?: unknown }).personal !== undefined)
        personal.push((e.data as { personal: unknown }).personal);
    await sealing.close();
    expect(personal.length).toBeGreaterThan(0);
    expect(personal.every((p) => (p as { $erased?: boolean }).$erased === true)).toBe(true);

    const again = capture();
    expect(await run(args, again)).toBe(0);
    expect(again.stdout[0]).toMatch(/^该户个人信息此前已删除.*\(key: already-erased\)$/);
    expect((await storedEvents()).filter((e) => e.type === 'HouseholdPersonalDataErased')).toHaveLength(1);
  });

  it('refuses an unknown household with one line, writing nothing', async () => {
    const before = (await storedEvents()).length;
    const io = capture();
    expect(await run(['privacy', 'erase', '--household', 'hh-nobody', '--reason', 'x'], io)).toBe(1);
    expect(io.stderr.at(-1)).toMatch(/^错误 \/ error: 该户尚未登记 \/ The household is not registered$/);
    expect((await storedEvents()).length).toBe(before);
  });

  it('needs a reason', async () => {
    const io = capture();
    expect(await run(['privacy', 'erase', '--household', householdId], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/--reason/);
  });
});
