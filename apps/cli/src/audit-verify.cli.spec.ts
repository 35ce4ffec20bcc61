import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { collect, testEvent } from '@relapse-watch/event-store-testing';
import { run } from './cli';

// `relapse-watch audit seal` and `audit verify` over the embedded store of a DATA_DIR, as an
// operator would check a log that someone may have edited behind the service's back.

const dataDir = mkdtempSync(join(tmpdir(), 'rw-audit-cli-'));
const emptyDir = mkdtempSync(join(tmpdir(), 'rw-audit-cli-empty-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string> = {}, cwd = dataDir) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd,
    env: { DATA_DIR: cwd, ...env },
  });
  return { code, out, err };
}

let positions: number[] = [];

beforeAll(async () => {
  const store = SqliteEventStore.open({ path: join(dataDir, 'events.db') });
  try {
    for (let i = 0; i < 30; i++) await store.appendToStream(`audit-cli-${i % 4}`, [testEvent('Recorded', { i })]);
    positions = (await collect(store.readAll())).map((e) => e.position);
  } finally {
    await store.close();
  }
});

describe('relapse-watch audit', () => {
  it('seal: seals everything committed with a key made once, owner-only, under DATA_DIR', async () => {
    const sealed = await cli(['audit', 'seal']);
    expect(sealed).toMatchObject({ code: 0 });
    expect(sealed.err).toEqual([`事件库 / event store: ${join(dataDir, 'events.db')}（来自 / from DATA_DIR）`]);
    expect(sealed.out).toEqual([
      '已封签 / sealed: 1 个新封签 new seals, 30 个事件 events; 封签至位置 / sealed up to position 30',
    ]);
    expect(statSync(join(dataDir, 'audit-seal-key')).mode & 0o777).toBe(0o600);
    expect(await cli(['audit', 'seal'])).toMatchObject({
      code: 0,
      out: [expect.stringContaining('0 个新封签 new seals')],
    });
  });

  it('verify: an intact log exits 0 with its counts, progress on stderr, or the report as JSON', async () => {
    const verified = await cli(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.out).toEqual([
      '日志完整 / log intact: 30 个事件 events, 1 个封签 seals, 0 个未封签 unsealed (封签至位置 / sealed up to position 30)',
    ]);
    expect(verified.err.at(-1)).toMatch(/^校验 \/ verifying: 30 事件 events \(100%\)/);
    const json = await cli(['audit', 'verify', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out[0])).toMatchObject({ intact: true, eventsChecked: 30, sealsChecked: 1, problems: [] });
  });

  it('verify: an event edited in the file exits 2 with one line naming it; --from past it exits 0', async () => {
    const target = positions[17];
    const db = new DatabaseSync(join(dataDir, 'events.db'));
    const row = db.prepare('SELECT stream_id, revision, event_id FROM events WHERE position = ?').get(target) as {
      stream_id: string;
      revision: number;
      event_id: string;
    };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run('{"i":999}', target);
    db.close();

    const tampered = await cli(['audit', 'verify']);
    expect(tampered.code).toBe(2);
    expect(tampered.err.at(-1)).toBe(
      `篡改 / tampered: event.hash-mismatch: 事件内容与其哈希不符（已被修改） / event does not match its hash (edited): ` +
        `位置 ${target}，流 ${row.stream_id} 修订号 ${row.revision}，事件 ${row.event_id} / ` +
        `position ${target}, stream ${row.stream_id} revision ${row.revision}, event ${row.event_id}`,
    );
    expect(tampered.out).toEqual([
      expect.stringMatching(/^日志不符 \/ log does not verify: 1 处问题 problems; 30 个事件/),
    ]);
    const json = await cli(['audit', 'verify', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out[0]).firstProblem).toMatchObject({ reason: 'event.hash-mismatch', position: target });

    expect(await cli(['audit', 'verify', '--from', String(target + 1)])).toMatchObject({
      code: 0,
      out: [expect.stringContaining('日志完整 / log intact: 12 个事件 events, 0 个封签 seals')],
    });
  });

  it('verify: seals checked with another secret under the same key id are named forged', async () => {
    const keyId = readFileSync(join(dataDir, 'audit-seal-key'), 'utf8').split(':')[0];
    const forged = await cli(['audit', 'verify', '--from', '0'], {
      AUDIT_SEAL_KEY: `${keyId}:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(forged.code).toBe(2);
    expect(forged.out[0]).toMatch(/2 处问题 problems/);
    const json = await cli(['audit', 'verify', '--json'], {
      AUDIT_SEAL_KEY: `${keyId}:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(JSON.parse(json.out[0]).problems.map((p: { reason: string }) => p.reason)).toEqual([
      'event.hash-mismatch',
      'seal.signature-invalid',
    ]);
  });

  it('exits 1 with one line for a bad --from, a missing store or a bad key', async () => {
    const from = await cli(['audit', 'verify', '--from', 'abc']);
    expect(from).toMatchObject({ code: 1, err: [expect.stringContaining('--from must be a whole number')] });
    const missing = await cli(['audit', 'verify'], {}, emptyDir);
    expect(missing).toMatchObject({ code: 1, err: [expect.stringContaining('the event store file does not exist')] });
    const key = await cli(['audit', 'seal'], { AUDIT_SEAL_KEY: 'no-secret' });
    expect(key).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/^配置错误 \/ configuration error: AUDIT_SEAL_KEY/)],
    });
  });
});
