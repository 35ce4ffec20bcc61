import { importHouseholdBatch } from './household-batch.importer';
import {
  importHouseholdGroup,
  type GroupImportContext,
  type GroupOutcome,
  type RowGroup,
} from './household-group.importer';

/** Rows per fast-path batch at most, so one multi-stream append stays a few thousand events. */
const MAX_BATCH_ROWS = 2_000;

/**
 * Sends households to the store with bounded work in flight: in batches of `batchHouseholds` for
 * the fast path (a few batches in flight, so one is decided while another waits for its commit),
 * or one by one through the handlers when `batchHouseholds` is 1. `add` waits for a free slot, so
 * a sheet read faster than the store writes holds at most the households in flight in memory.
 * The first failure of any household is kept ({@link failure}); the caller stops reading on it.
 */
export class HouseholdDispatch {
  /** The first error that stopped a household (the store failing), or null. */
  failure: unknown = null;
  private readonly slots: number;
  private inFlight = 0;
  private readonly slotFreed: (() => void)[] = [];
  private drainedWaiter: (() => void) | null = null;
  private batch: RowGroup[] = [];
  private batchRows = 0;

  constructor(
    private readonly ctx: GroupImportContext,
    private readonly batchHouseholds: number,
    concurrency: number,
    private readonly onDone: (group: RowGroup, outcome: GroupOutcome) => void,
  ) {
    this.slots = batchHouseholds > 1 ? Math.max(2, Math.ceil(concurrency / batchHouseholds)) : concurrency;
  }

  /** Queues a household; dispatches its batch when full. */
  async add(group: RowGroup): Promise<void> {
    if (this.batchHouseholds === 1) return this.dispatch([group]);
    this.batch.push(group);
    this.batchRows += group.records.length;
    if (this.batch.length >= this.batchHouseholds || this.batchRows >= MAX_BATCH_ROWS) await this.flush();
  }

  /** Dispatches the households queued so far. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const groups = this.batch;
    this.batch = [];
    this.batchRows = 0;
    await this.dispatch(groups);
  }

  /** Resolves once nothing is in flight. */
  async drained(): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drainedWaiter = resolve));
  }

  private async dispatch(groups: RowGroup[]): Promise<void> {
    while (this.inFlight >= this.slots) await new Promise<void>((resolve) => this.slotFreed.push(resolve));
    this.inFlight++;
    const work =
      groups.length === 1 && this.batchHouseholds === 1
        ? importHouseholdGroup(groups[0], this.ctx).then((outcome) => this.onDone(groups[0], outcome))
        : importHouseholdBatch(groups, this.ctx, this.onDone);
    void work
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
