import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventHash, type StoredEvent } from '@relapse-watch/event-store-core';
import { collect, take } from '@relapse-watch/event-store-testing';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

interface Ack {
  streamId: string;
  ids: string[];
  nextRevision: number;
  lastPosition: number;
}

const root = resolve(__dirname, '../../../..');
const node = join(root, 'node_modules/.bin/node');

/** Runs the writer child until it has acknowledged some appends, then SIGKILLs it at a random moment. */
function runAndKill(path: string): Promise<Ack[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      node,
      [
        '-r',
        '@swc-node/register',
        '--conditions=@relapse-watch/source',
        join(__dirname, 'crash-writer.child.ts'),
        path,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!armed && out.includes('\n')) {
        armed = true;
        // A random moment after the writers are in full flow: anywhere inside a group commit.
        setTimeout(() => child.kill('SIGKILL'), 200 + Math.random() * 800);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer child ended by itself (${signal}): ${err}`));
      // The last line may be cut by the kill: only whole lines are acknowledgements the parent saw.
      const lines = out.split('\n').slice(0, -1);
      resolvePromise(lines.map((l) => JSON.parse(l) as Ack));
    });
  });
}

describe('SqliteEventStore survives SIGKILL during concurrent appends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2, 3])(
    'run %i: every acknowledged event is there once, streams are contiguous, the subscriber resumes',
    async (run) => {
      const path = join(dir, `crash-${run}.db`);
      const acks = await runAndKill(path);
      expect(acks.length).toBeGreaterThan(0);

      const store = SqliteEventStore.open({ path });
      const all: StoredEvent[] = await collect(store.readAll());

      const seen = new Map<string, number>();
      for (const e of all) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
      const acknowledged = acks.flatMap((a) => a.ids);
      expect(acknowledged.filter((id) => seen.get(id) !== 1)).toEqual([]);
      const byId = new Map(all.map((e) => [e.id, e]));
      for (const ack of acks) {
        const stored = byId.get(ack.ids[ack.ids.length - 1]);
        expect(stored?.position).toBe(ack.lastPosition);
        expect(stored?.revision).toBe(ack.nextRevision);
      }

      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      const byStream = new Map<string, StoredEvent[]>();
      for (const e of all) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
      for (const events of byStream.values()) {
        expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
        events.forEach((e, i) => {
          expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
          const recomputed = eventHash(
            { ...e, dataJson: JSON.stringify(e.data), metadataJson: JSON.stringify(e.metadata) },
            e.prevHash,
          );
          expect(recomputed).toBe(e.hash);
        });
      }

      const checkpoints = SqliteCheckpointStore.open(path);
      const checkpoint = await checkpoints.loadCheckpoint('crash-test');
      checkpoints.close();
      process.stderr.write(
        `crash run ${run}: ${acks.length} acknowledged appends, ${all.length} events stored, checkpoint ${checkpoint}\n`,
      );
      const expectedAfter = all.filter((e) => e.position > checkpoint);
      const resumed = await take(store.subscribeToAll({ fromPosition: checkpoint }), expectedAfter.length);
      expect(resumed.map((e) => e.position)).toEqual(expectedAfter.map((e) => e.position));
      await store.close();
    },
  );
});
