import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CheckpointStore } from '@relapse-watch/event-store-core';

/**
 * Subscriber checkpoints in a SQLite file — normally the event store's own file, so the
 * embedded mode keeps one file per concern. Uses its own connection: a checkpoint save
 * never waits for, or joins, an event group commit.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStmt: StatementSync;
  private readonly saveStmt: StatementSync;

  private constructor(private readonly db: DatabaseSync) {
    this.loadStmt = db.prepare('SELECT position FROM subscriber_checkpoints WHERE subscriber = ?');
    this.saveStmt = db.prepare(
      `INSERT INTO subscriber_checkpoints (subscriber, position) VALUES (?, ?)
       ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position WHERE excluded.position > position`,
    );
  }

  /** Opens the checkpoint table in the SQLite file at `path`, creating it when missing. */
  static open(path: string): SqliteCheckpointStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;');
    db.exec(
      'CREATE TABLE IF NOT EXISTS subscriber_checkpoints (subscriber TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID',
    );
    return new SqliteCheckpointStore(db);
  }

  async loadCheckpoint(subscriber: string): Promise<number> {
    const row = this.loadStmt.get(subscriber) as { position: number } | undefined;
    return row?.position ?? 0;
  }

  async saveCheckpoint(subscriber: string, position: number): Promise<void> {
    this.saveStmt.run(subscriber, position);
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
