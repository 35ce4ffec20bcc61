// The writer thread of SqliteEventStore: it owns the one write connection and runs group
// commits, so the fsync of a commit never blocks the main thread's event loop (HTTP,
// reads, preparing the next appends carry on meanwhile, on the other core).
import { parentPort, workerData } from 'node:worker_threads';
import { GroupCommitter, type AppendOutcome, type WriteUnit } from './group-committer';
import { openConnection } from './sqlite-connection';

/** Settings the main thread passes to the writer. */
export interface WriterData {
  readonly path: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly maxEventsPerCommit: number;
}

/** Main thread → writer. */
export type WriterRequest =
  { readonly type: 'append'; readonly appends: readonly QueuedUnit[] } | { readonly type: 'close' };

/** A unit to write, with the id its outcome is reported under. */
export interface QueuedUnit {
  readonly id: number;
  readonly unit: WriteUnit;
  /** Events of the unit, counted by the sender. */
  readonly events: number;
}

/** Writer → main thread. */
export type WriterReply =
  | { readonly type: 'committed'; readonly ids: readonly number[]; readonly outcomes: readonly AppendOutcome[] }
  | { readonly type: 'closed' };

/** The writer's page cache: enough for the right edge of the stream index and the table. */
const WRITER_CACHE_MB = 32;
/** WAL pages (4 KiB) after which a commit checkpoints: 64 MiB. */
const WRITER_WAL_AUTOCHECKPOINT_PAGES = 16_000;

const port = parentPort;
if (port) {
  const settings = workerData as WriterData;
  const db = openConnection(settings.path, settings.synchronous, WRITER_CACHE_MB);
  // Commits on this connection run the automatic checkpoints. A longer WAL between them lets
  // the pages a bulk load rewrites commit after commit (the stream index's leaves, the table's
  // tail) be copied to the database once instead of several times: measured, the commits of the
  // registry import took a fifth less time. Durability is the WAL's fsync at each commit, as before.
  db.exec(`PRAGMA wal_autocheckpoint = ${WRITER_WAL_AUTOCHECKPOINT_PAGES}`);
  const committer = new GroupCommitter(db);
  let queue: QueuedUnit[] = [];
  let scheduled = false;

  // Everything that arrived while the previous commit was running is written together.
  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      let take = 0;
      let events = 0;
      while (take < queue.length && (take === 0 || events + queue[take].events <= settings.maxEventsPerCommit)) {
        events += queue[take].events;
        take++;
      }
      const group = queue.slice(0, take);
      queue = queue.slice(take);
      const outcomes = committer.commit(group.map((g) => g.unit));
      const reply: WriterReply = { type: 'committed', ids: group.map((g) => g.id), outcomes };
      port.postMessage(reply);
    }
  };

  port.on('message', (request: WriterRequest) => {
    if (request.type === 'append') {
      for (const item of request.appends) queue.push(item);
      // Messages that arrived during the last commit are all delivered before this turn's
      // immediates run, so they commit together.
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    } else {
      flush();
      db.close();
      const reply: WriterReply = { type: 'closed' };
      port.postMessage(reply);
      port.close();
    }
  });
}
