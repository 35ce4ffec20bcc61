// Runs the real services: the first run on a new machine installs them (FerretDB is built from
// source, Kafka's jars fetched), which takes minutes; later runs reuse the running instances.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_SERVICES, ENSURED_ENV, ensureServices, findRepoRoot, mongoWirePing, serviceUrls } from './index';

jest.setTimeout(20 * 60_000);

/** A PostgreSQL client program: on PATH, or in the newest /usr/lib/postgresql/<version>/bin. */
function pgBin(name: string): string {
  const onPath = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : [];
  const version = versions.sort((a, b) => Number(b) - Number(a))[0];
  return `/usr/lib/postgresql/${version}/bin/${name}`;
}

describe('ensureServices: real services on 127.0.0.1', () => {
  it('gives the URLs that infra/env.sh prints', () => {
    expect(serviceUrls()).toEqual({
      KAFKA_URL: 'kafka://127.0.0.1:19092',
      MONGODB_URL: 'mongodb://127.0.0.1:27018/relapsewatch',
      POSTGRES_URL: 'postgres://postgres@127.0.0.1:15432/relapsewatch',
    });
    expect(findRepoRoot()).toBe(findRepoRoot(`${__dirname}/../..`));
  });

  it('starts PostgreSQL: pg_isready accepts connections to the relapsewatch database', () => {
    const urls = ensureServices(['postgres']);
    expect(urls.POSTGRES_URL).toBe('postgres://postgres@127.0.0.1:15432/relapsewatch');
    const ready = spawnSync(
      pgBin('pg_isready'),
      ['-h', '127.0.0.1', '-p', '15432', '-U', 'postgres', '-d', 'relapsewatch'],
      {
        encoding: 'utf8',
      },
    );
    expect(ready.stdout).toContain('accepting connections');
    expect(ready.status).toBe(0);
    const query = spawnSync(
      pgBin('psql'),
      [
        '-X',
        '-tA',
        '-h',
        '127.0.0.1',
        '-p',
        '15432',
        '-U',
        'postgres',
        '-d',
        'relapsewatch',
        '-c',
        'SELECT current_database()',
      ],
      { encoding: 'utf8' },
    );
    expect(query.stdout.trim()).toBe('relapsewatch');
  });

  it('starts Kafka: kcat lists the broker, and a record produced with kcat is consumed back', () => {
    ensureServices(['kafka']);
    const metadata = spawnSync('kcat', ['-b', '127.0.0.1:19092', '-L', '-m', '10'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(metadata.stdout).toContain('broker 1 at 127.0.0.1:19092');

    const topic = `relapsewatch.testing.smoke.${randomUUID()}`;
    const value = `hello ${randomUUID()}`;
    const produce = spawnSync('kcat', ['-b', '127.0.0.1:19092', '-P', '-t', topic], {
      input: `${value}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(produce.status).toBe(0);
    const consume = spawnSync(
      'kcat',
      ['-b', '127.0.0.1:19092', '-C', '-t', topic, '-o', 'beginning', '-c', '1', '-e'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(consume.stdout.trim()).toBe(value);
  });

  it('starts FerretDB: it answers a MongoDB wire-protocol ping', async () => {
    const urls = ensureServices(['ferretdb']);
    expect(urls.MONGODB_URL).toBe('mongodb://127.0.0.1:27018/relapsewatch');
    await expect(mongoWirePing('127.0.0.1', 27018)).resolves.toBe(1);
  });

  it('runs infra/up.sh once per Jest run: services already ensured are not started again', () => {
    ensureServices(ALL_SERVICES);
    expect(process.env[ENSURED_ENV]?.split(',').sort()).toEqual(['ferretdb', 'kafka', 'postgres']);
    // A root whose up.sh leaves a mark and fails: ensuring the same services again must not run it.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-once-'));
    try {
      fs.mkdirSync(path.join(root, 'infra'));
      const mark = path.join(root, 'up.sh-ran');
      fs.writeFileSync(path.join(root, 'infra', 'up.sh'), `touch '${mark}'; exit 1\n`);
      fs.copyFileSync(path.join(findRepoRoot(), 'infra', 'env.sh'), path.join(root, 'infra', 'env.sh'));
      fs.copyFileSync(path.join(findRepoRoot(), 'infra', 'lib.sh'), path.join(root, 'infra', 'lib.sh'));
      expect(ensureServices(['postgres', 'kafka', 'ferretdb'], { repoRoot: root })).toEqual(serviceUrls());
      expect(fs.existsSync(mark)).toBe(false);
      // The same fake root does run up.sh for a service not yet ensured in this run.
      const saved = process.env[ENSURED_ENV];
      process.env[ENSURED_ENV] = 'kafka,ferretdb';
      try {
        expect(() => ensureServices(['postgres'], { repoRoot: root })).toThrow('infra/up.sh postgres failed');
        expect(fs.existsSync(mark)).toBe(true);
      } finally {
        process.env[ENSURED_ENV] = saved;
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('rejects an unknown service name', () => {
    expect(() => ensureServices(['redis' as never])).toThrow("unknown service 'redis'");
  });
});
