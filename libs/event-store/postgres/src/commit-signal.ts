import type { Pool, PoolClient } from 'pg';

/**
 * Wakes waiting subscriptions when events may have become readable: on this process's own
 * commits at once, on other processes' commits through LISTEN/NOTIFY, and on a poll timer
 * — the only signal when the mark moves because some other transaction ended.
 *
 * NOTIFY is sent after COMMIT, in its own statement, at most one in flight at a time: a
 * NOTIFY inside the append transaction would take PostgreSQL's global notify lock across
 * the commit and serialise every append's fsync behind it.
 */
export class CommitSignal {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private listener: PoolClient | null = null;
  private listening: Promise<void> | null = null;
  private notifying: Promise<void> | null = null;
  private notifyAgain = false;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly pollIntervalMs: number,
  ) {}

  /** A token to pass to {@link wait}: taken before a read, it makes a commit during the read count. */
  current(): number {
    return this.generation;
  }

  /** Called after each local commit. */
  committed(): void {
    this.wake();
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = this.sendNotify();
  }

  /** Resolves on the next commit or notification after `seen`, after the poll interval, or on abort. */
  wait(seen: number, signal: AbortSignal): Promise<void> {
    void this.listen();
    if (this.closed || signal.aborted || this.generation !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      timer.unref();
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  /** Releases the LISTEN connection and wakes every waiter. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.listening?.catch(() => undefined);
    await this.notifying;
    this.dropListener(undefined);
  }

  private wake(): void {
    this.generation++;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const done of waiters) done();
  }

  private listen(): Promise<void> {
    if (this.listening || this.closed) return this.listening ?? Promise.resolve();
    this.listening = (async () => {
      const client = await this.pool.connect();
      if (this.closed) {
        client.release();
        return;
      }
      this.listener = client;
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.wake();
      });
      // A lost LISTEN connection degrades to polling; the next wait opens a new one.
      client.on('error', (error) => this.dropListener(error));
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    })().catch((error: unknown) => this.dropListener(error));
    return this.listening;
  }

  private dropListener(error: unknown): void {
    const client = this.listener;
    this.listener = null;
    if (!this.closed) this.listening = null;
    if (!client) return;
    client.removeAllListeners('notification');
    // Releasing with an error destroys the connection, which also ends its LISTEN.
    client.release(error instanceof Error ? error : true);
  }

  private async sendNotify(): Promise<void> {
    do {
      this.notifyAgain = false;
      try {
        await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']);
      } catch {
        // Best effort: other processes' subscribers also poll.
      }
    } while (this.notifyAgain && !this.closed);
    this.notifying = null;
  }
}
