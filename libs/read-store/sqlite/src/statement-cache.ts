import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { collectionTableName } from './schema';

// Query texts are few (one per query shape in the code), but bound the cache anyway.
const MAX_CACHED_STATEMENTS = 1_000;

/** Prepared statements by SQL text: preparing is most of the cost of a small query. */
export class StatementCache {
  private readonly statements = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  /** The prepared statement for `sql`; `arrays` makes it return rows as arrays. */
  get(sql: string, arrays = false): StatementSync {
    const key = arrays ? `arrays:${sql}` : sql;
    let stmt = this.statements.get(key);
    if (!stmt) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      stmt = this.db.prepare(sql);
      if (arrays) stmt.setReturnArrays(true);
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  /** Forgets every statement, e.g. before dropping a table they may refer to. */
  clear(): void {
    this.statements.clear();
  }

  /**
   * Whether the collection's table exists. Not remembered: another connection on the
   * same file (a rebuild run from the CLI) may drop or create it at any time.
   */
  hasCollection(collection: string): boolean {
    return (
      this.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(collectionTableName(collection)) !==
      undefined
    );
  }
}
