// The writer thread of SqliteEventStore: it owns the one write connection and runs group
// commits, so the fsync of a commit never blocks the main thread's event loop (HTTP,
// reads, preparing the next appends carry on meanwhile, on the other core).
import { parentPort, workerData } from 'node:worker_threads';
import type { PreparedAppend } from '@relapse-watch/event-store-core';
import { GroupCommitter, type AppendOutcome } from './group-committer';
import { openConnection } from './sqlite-connection';

/** Settings the main thread passes to the writer. */
export interface WriterData {
  readonly path: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly maxEventsPerCommit: number;
}

/** Main thread → writer. */
export type WriterRequest = { readonly type: 'append'; readonly appends: readonly { id: number; append: PreparedAppend }[] } | { readonly type: 'close' };

/** Writer → main thread. */
export type WriterReply =
  | { readonly type: 'committed'; readonly ids: readonly number[]; readonly outcomes: readonly AppendOutcome[] }
  | { readonly type: 'closed' };

/** The writer's page cache: enough for the right edge of the stream index and the table. */
const WRITER_CACHE_MB = 32;

const port = parentPort;
if (port) {
  const settings = workerData as WriterData;
  const db = openConnection(settings.path, settings.synchronous, WRITER_CACHE_MB);
  const committer = new GroupCommitter(db);
  let queue: { id: number; append: PreparedAppend }[] = [];
  let scheduled = false;

  // Everything that arrived while the previous commit was running is written together.
  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      let take = 0;
      let events = 0;
      while (take < queue.length && (take === 0 || events + queue[take].append.events.length <= settings.maxEventsPerCommit)) {
        events += queue[take].append.events.length;
        take++;
      }
      const group = queue.slice(0, take);
      queue = queue.slice(take);
      const outcomes = committer.commit(group.map((g) => g.append));
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
