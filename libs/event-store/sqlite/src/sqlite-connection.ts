import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Opens a connection to the store's file with the settings every connection shares: WAL,
 * fsync on every commit unless told otherwise, and a busy timeout for the moments another
 * process (a CLI import next to the server) holds the write lock.
 */
export function openConnection(path: string, synchronous: 'FULL' | 'NORMAL' = 'FULL', cacheMB = 8): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.exec('PRAGMA busy_timeout = 10000');
  // The page cache is per connection and counts in the process's memory: readers stream
  // through the log and gain little from a big one; the writer's keeps the stream index's
  // hot pages. Checkpointing the WAL every ~16 MB instead of 4 MB spreads the
  // checkpoint's fsyncs over more commits.
  db.exec(`PRAGMA cache_size = ${-1024 * cacheMB}`);
  db.exec('PRAGMA wal_autocheckpoint = 4000');
  return db;
}
