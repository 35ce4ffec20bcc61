/** One published message as the in-process log keeps it. */
export interface LogEntry {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Consumed messages are dropped in chunks of at least this many, so trimming stays cheap. */
export const TRIM_CHUNK = 1_024;

/**
 * Where a consumer group stands on one topic. `committed` is the offset of the first
 * message not yet finished; `finished` holds the offsets above it already finished (other
 * keys ran ahead), so a resuming subscription skips them instead of handling them twice.
 */
export class GroupPosition {
  readonly finished = new Set<number>();
  /** The group's live subscription; one at a time in-process. */
  member: object | null = null;

  constructor(public committed: number) {}

  /** Marks `offset` finished and moves `committed` past every finished offset in a row. */
  finish(offset: number): void {
    this.finished.add(offset);
    while (this.finished.delete(this.committed)) this.committed++;
  }
}

/**
 * The append-only log of one topic (a single partition, 0) and its groups' positions.
 * Offsets are absolute; messages every known group has finished are dropped from memory,
 * so a topic with consumers keeps only their backlog. A topic no group ever subscribed to
 * keeps everything, for the first group to come.
 */
export class TopicLog {
  readonly groups = new Map<string, GroupPosition>();
  private entries: LogEntry[] = [];
  private base = 0;
  private readonly listeners = new Set<() => void>();

  /** Offset of the oldest message still held. */
  get startOffset(): number {
    return this.base;
  }

  /** Offset the next appended message gets. */
  get endOffset(): number {
    return this.base + this.entries.length;
  }

  /** The message at `offset`; only offsets from {@link startOffset} are held. */
  at(offset: number): LogEntry {
    return this.entries[offset - this.base];
  }

  /** Appends and wakes the subscribers on a later turn, never inside the publisher's call. */
  append(entries: readonly LogEntry[]): void {
    this.entries.push(...entries);
    if (this.listeners.size === 0) return;
    setImmediate(() => {
      for (const wake of [...this.listeners]) wake();
    });
  }

  /** The position of consumer group `name`; a new group starts at the oldest message held. */
  group(name: string): GroupPosition {
    let position = this.groups.get(name);
    if (!position) {
      position = new GroupPosition(this.base);
      this.groups.set(name, position);
    }
    return position;
  }

  /** Drops the messages every group has finished, once there are enough of them. */
  trim(): void {
    let consumed = Number.POSITIVE_INFINITY;
    for (const position of this.groups.values()) consumed = Math.min(consumed, position.committed);
    const count = consumed - this.base;
    if (!Number.isFinite(count) || count < TRIM_CHUNK) return;
    this.entries = this.entries.slice(count);
    this.base = consumed;
  }

  /** Calls `wake` after each append; returns the function that stops it. */
  listen(wake: () => void): () => void {
    this.listeners.add(wake);
    return () => this.listeners.delete(wake);
  }
}
