import { LogSealDigest, signLogSeal, type LogSealKeyring } from './log-seal.digest';
import type { LogSeal, LogSeals } from './log-seals.port';

/** Options of {@link LogSealer}. */
export interface LogSealerOptions {
  /** The current key signs (`AUDIT_SEAL_KEY`). */
  readonly keyring: LogSealKeyring;
  /** A seal is cut every this many events (`AUDIT_SEAL_INTERVAL_EVENTS`). */
  readonly intervalEvents: number;
  /** Whatever is committed is sealed at least this often, in ms (`AUDIT_SEAL_INTERVAL_MS`); 0: never by time. */
  readonly intervalMs: number;
  /** How often a running sealer looks for a full interval of new events; default 1,000 ms. */
  readonly pollMs?: number;
  /** The time written into each seal (`sealedAt`, informative). */
  readonly now: () => Date;
  /** Where a failed round is reported; the sealer carries on with the next one. */
  readonly onError?: (error: unknown) => void;
}

/** What one round of sealing did. */
export interface SealRound {
  readonly sealsAdded: number;
  readonly eventsSealed: number;
  /** The last sealed position after the round (0: nothing sealed yet). */
  readonly lastSealedPosition: number;
}

/**
 * Seals the global log as it grows: a seal every `intervalEvents` events, and whatever is
 * committed every `intervalMs`. It keeps its running digest between rounds, so a round reads only
 * the events that are new since the last one.
 *
 * Several sealers on one log (the distributed services sharing EVENT_STORE_URL) race harmlessly:
 * a seal is added only if it extends the chain ({@link LogSeals.addSeal}); the loser forgets its
 * progress and continues from the winner's seal. In PostgreSQL the raw reader stops below any
 * position a running transaction may still commit, so a seal never covers a range a late commit
 * could change.
 *
 * Every service process that opens the event store runs one when a seal key is configured
 * (service-runtime); `relapse-watch audit seal` runs one round.
 */
export class LogSealer {
  private progress: LogSealDigest | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private slots: { timer?: NodeJS.Timeout }[] = [];
  private stopped = true;

  constructor(
    private readonly log: LogSeals,
    private readonly options: LogSealerOptions,
  ) {
    if (!Number.isSafeInteger(options.intervalEvents) || options.intervalEvents < 1)
      throw new Error(`LogSealer intervalEvents must be a positive integer, got ${options.intervalEvents}`);
  }

  /** Starts sealing in the background: full intervals every `pollMs`, the rest every `intervalMs`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.every(this.options.pollMs ?? 1000, () => this.sealFullIntervals());
    if (this.options.intervalMs > 0) this.every(this.options.intervalMs, () => this.sealCommitted());
  }

  /** Stops the timers and waits for a round in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const slot of this.slots) clearTimeout(slot.timer);
    this.slots = [];
    await this.running.catch(() => undefined);
  }

  /** Seals everything committed now: full intervals, then the rest in one shorter seal. */
  sealCommitted(): Promise<SealRound> {
    return this.serialised(() => this.round(true));
  }

  /** Seals only full intervals of `intervalEvents` events. */
  sealFullIntervals(): Promise<SealRound> {
    return this.serialised(() => this.round(false));
  }

  private serialised(work: () => Promise<SealRound>): Promise<SealRound> {
    const next = this.running.catch(() => undefined).then(work);
    this.running = next;
    return next;
  }

  private async round(rest: boolean): Promise<SealRound> {
    let sealsAdded = 0;
    let eventsSealed = 0;
    const digest = this.progress ?? (await this.restart());
    let current = digest;
    const commit = async (): Promise<boolean> => {
      const seal = signLogSeal(current, this.options.keyring.current, this.options.now().toISOString());
      if (!(await this.log.addSeal(seal))) {
        // Another process sealed first: its chain is the chain; start again from its last seal.
        this.progress = null;
        return false;
      }
      sealsAdded++;
      eventsSealed += seal.eventCount;
      current = this.advance(seal);
      return true;
    };
    reading: for await (const batch of this.log.readRawEvents(current.lastPosition + 1)) {
      for (const row of batch) {
        current.add(Number(row[0]), row[10]);
        if (current.eventCount >= this.options.intervalEvents && !(await commit())) break reading;
      }
      // A synchronous reader (SQLite) would hold the event loop for a long first round: the
      // service's requests go between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.progress !== null && rest && current.eventCount > 0) await commit();
    const lastSealedPosition =
      this.progress === null ? ((await this.log.lastSeal())?.toPosition ?? 0) : current.fromPosition;
    return { sealsAdded, eventsSealed, lastSealedPosition };
  }

  private async restart(): Promise<LogSealDigest> {
    const last = await this.log.lastSeal();
    return this.advance(last);
  }

  private advance(seal: LogSeal | null): LogSealDigest {
    this.progress = new LogSealDigest(seal?.digest ?? null, seal?.toPosition ?? 0);
    return this.progress;
  }

  private every(ms: number, work: () => Promise<unknown>): void {
    const slot: { timer?: NodeJS.Timeout } = {};
    const schedule = () => {
      slot.timer = setTimeout(tick, ms);
      slot.timer.unref();
    };
    const tick = () => {
      if (this.stopped) return;
      void work()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          if (!this.stopped) schedule();
        });
    };
    this.slots.push(slot);
    schedule();
  }
}
