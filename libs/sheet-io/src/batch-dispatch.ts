/** What {@link BatchDispatch} needs. */
export interface BatchDispatchOptions<Unit> {
  /** Units per batch; 1 sends each unit alone. */
  readonly batchUnits: number;
  /** Rows per batch at most, so one batch's multi-stream append stays a few thousand events. */
  readonly maxBatchRows: number;
  /** Units in flight at once (in batches: about this many, and never fewer than two batches). */
  readonly concurrency: number;
  /** Imports a batch (a single unit when `batchUnits` is 1); rejects only when the import must stop. */
  readonly run: (units: readonly Unit[]) => Promise<void>;
}

/**
 * Sends a bulk import's units (households, cases) to the store with bounded work in flight: in
 * batches (a few in flight, so one is decided while another waits for its commit), or one by
 * one. `add` waits for a free slot, so a sheet read faster than the store writes holds at most
 * the units in flight in memory. The first failure is kept ({@link failure}); the caller stops
 * reading on it.
 */
export class BatchDispatch<Unit extends { readonly records: readonly unknown[] }> {
  /** The first error that stopped a batch (the store failing), or null. */
  failure: unknown = null;
  private readonly slots: number;
  private inFlight = 0;
  private readonly slotFreed: (() => void)[] = [];
  private drainedWaiter: (() => void) | null = null;
  private batch: Unit[] = [];
  private batchRows = 0;

  constructor(private readonly options: BatchDispatchOptions<Unit>) {
    const { batchUnits, concurrency } = options;
    this.slots = batchUnits > 1 ? Math.max(2, Math.ceil(concurrency / batchUnits)) : concurrency;
  }

  /** Queues a unit; dispatches its batch when full. */
  async add(unit: Unit): Promise<void> {
    if (this.options.batchUnits <= 1) return this.dispatch([unit]);
    this.batch.push(unit);
    this.batchRows += unit.records.length;
    if (this.batch.length >= this.options.batchUnits || this.batchRows >= this.options.maxBatchRows) await this.flush();
  }

  /** Dispatches the units queued so far. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const units = this.batch;
    this.batch = [];
    this.batchRows = 0;
    await this.dispatch(units);
  }

  /** Resolves once nothing is in flight. */
  async drained(): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drainedWaiter = resolve));
  }

  private async dispatch(units: Unit[]): Promise<void> {
    while (this.inFlight >= this.slots) await new Promise<void>((resolve) => this.slotFreed.push(resolve));
    this.inFlight++;
    void this.options
      .run(units)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.inFlight--;
        this.slotFreed.shift()?.();
        if (this.inFlight === 0) this.drainedWaiter?.();
      });
  }
}
