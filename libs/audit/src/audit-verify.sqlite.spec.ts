import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll } from '@jest/globals';
import type { EventStore } from '@relapse-watch/event-store-core';
import { SqliteEventStore } from '@relapse-watch/event-store-sqlite';
import { tamperScenarios, type TamperHarness } from './testing/tamper.scenarios';

const dir = mkdtempSync(join(tmpdir(), 'rw-audit-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const paths = new Map<EventStore, string>();
let files = 0;

/** Runs SQL on the store's file through a connection of its own, as anyone with the file could. */
function behindTheStore(store: EventStore, sql: string, ...params: (string | number)[]): void {
  const db = new DatabaseSync(paths.get(store)!);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function opened(path: string): EventStore {
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  paths.set(store, path);
  return store;
}

const harness: TamperHarness = {
  open: async () => opened(join(dir, `events-${++files}.db`)),
  reopen: async (store) => opened(paths.get(store)!),
  editData: async (store, position, dataJson) =>
    behindTheStore(store, 'UPDATE events SET data = ? WHERE position = ?', dataJson, position),
  deleteRow: async (store, position) => behindTheStore(store, 'DELETE FROM events WHERE position = ?', position),
  swapPositions: async (store, a, b) => {
    const db = new DatabaseSync(paths.get(store)!);
    try {
      db.exec('BEGIN');
      db.prepare('UPDATE events SET position = -1 WHERE position = ?').run(a);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(a, b);
      db.prepare('UPDATE events SET position = ? WHERE position = -1').run(b);
      db.exec('COMMIT');
    } finally {
      db.close();
    }
  },
};

tamperScenarios('sqlite (file)', harness);
// The same scenarios through the worker threads: a tamper they miss would verify intact, and a
// tamper they see must end in the one-thread report the scenarios expect, word for word.
tamperScenarios('sqlite (file), ranges on worker threads', {
  ...harness,
  verifyOptions: { threads: 2, threadsFromEvents: 0 },
});
