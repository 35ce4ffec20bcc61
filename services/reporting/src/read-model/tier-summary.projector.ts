import type { EventStore, EventSubscription, StoredEvent } from '@relapse-watch/event-store-core';
import {
  eventBatches,
  MAX_GET_MANY_IDS,
  PositionWaiters,
  type ReadStore,
  type ReadStoreOperation,
} from '@relapse-watch/read-store-core';
import { foldReportEvent, householdsNeeded, settleHouseholds } from '../domain/reporting-fold';
import type { HouseholdReport } from '../domain/household-report';
import { ReportingState } from '../domain/reporting-state';
import { reportEventOf } from '../inbox/inbox-log';
import {
  HOUSEHOLD_INDEXES,
  type ReportingCollections,
  countsOf,
  storedCounts,
  type UnitDocument,
  UNIT_INDEXES,
  unitPlacementOf,
} from './reporting-collections';

/** Options of a {@link TierSummaryProjector}. */
export interface TierSummaryProjectorOptions {
  readonly inbox: EventStore;
  readonly store: ReadStore;
  readonly collections: ReportingCollections;
  readonly utcOffsetMinutes: number;
  /** Most events folded into one store write; default 2,000. */
  readonly batchEvents?: number;
  /** Households kept in memory between batches; default 50,000. */
  readonly cacheHouseholds?: number;
  /** Told after each batch (progress bars); `position` is the batch's last. */
  readonly onBatch?: (position: number, events: number) => void;
  /** Told when a batch fails; the projector has then stopped. */
  readonly onError?: (error: unknown) => void;
  /** Fold no event past this position (a scratch rebuild to compare with a live generation at it). */
  readonly untilPosition?: number;
  /**
   * A rebuild into an empty generation: every document stays in memory and nothing is written
   * until {@link TierSummaryProjector.flush}, which writes each document once, the checkpoint
   * last. Stores that update slowly (FerretDB) then only insert. A crash before the flush leaves
   * a generation without a checkpoint, which the next rebuild drops.
   */
  readonly bulk?: boolean;
}

/** Documents per store write when a bulk rebuild flushes. */
const FLUSH_OPERATIONS = 2_000;

const PAGE = 5_000;
/**
 * A household as stored: its state as one JSON text (read back by id only, never queried inside:
 * a store then checks and writes one field instead of dozens — FerretDB 1.x spends most of a
 * write on each nested field), and its province as a field of its own, for a line's recount.
 */
export interface StoredHousehold {
  readonly provinceCode: string;
  readonly state: string;
}

/** A household in its stored form. */
export function storedHouseholdOf(household: HouseholdReport): StoredHousehold {
  return { provinceCode: household.villageCode.slice(0, 2).padEnd(12, '0'), state: JSON.stringify(household) };
}

/**
 * Keeps one generation of the reporting's read models up to date from the inbox log: folds
 * batches of events into households, contexts and unit summaries ({@link foldReportEvent}) and
 * writes what changed with the checkpoint in one {@link ReadStore.applyBatch}. Contexts and units
 * (a few tens of thousands per province) stay in memory; households are read when a batch needs
 * them and kept in a bounded cache. Every write carries the batch's last position, so a batch
 * replayed after a crash is ignored by the position guard where it had landed.
 */
export class TierSummaryProjector {
  private readonly state = new ReportingState();
  private readonly waiters = new PositionWaiters();
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  private saved = 0;
  private failure: unknown = null;

  constructor(private readonly options: TierSummaryProjectorOptions) {}

  /** Position of the last inbox event the stored read models include. */
  get checkpoint(): number {
    return this.saved;
  }

  /** The error that stopped the projector, or null. */
  get error(): unknown {
    return this.failure;
  }

  /** Loads the generation's checkpoint, contexts and units, and subscribes to the inbox after it. */
  async start(): Promise<void> {
    if (this.loop !== null) return;
    const { store, collections } = this.options;
    // A bulk rebuild makes its indexes after writing (cheaper than keeping them up row by row).
    if (!this.options.bulk) await this.ensureIndexes();
    this.saved = await store.loadCheckpoint(collections.checkpoint);
    for await (const doc of this.pages(collections.contexts)) this.state.loadContext(doc.id, doc.data);
    for await (const doc of this.pages<UnitDocument>(collections.units))
      this.state.loadUnit(doc.id, countsOf(doc.data.counts));
    this.waiters.advance(this.saved);
    this.failure = null;
    const subscription = this.options.inbox.subscribeToAll({ fromPosition: this.saved });
    this.subscription = subscription;
    this.loop = this.run(subscription);
  }

  /** Ends the subscription once the batch in flight is saved. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.loop;
  }

  /** Resolves once the read models include the inbox up to `position`. */
  waitUntil(position: number, signal?: AbortSignal): Promise<void> {
    if (this.saved >= position) return Promise.resolve();
    if (this.failure !== null && this.loop === null) return Promise.reject(this.failure);
    return this.waiters.wait(position, signal);
  }

  private async *pages<T>(collection: string) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.options.store.find<T>(collection, { limit: PAGE, offset });
      yield* page;
      if (page.length < PAGE) return;
    }
  }

  private async run(subscription: EventSubscription): Promise<void> {
    try {
      for await (const batch of eventBatches(subscription, this.options.batchEvents ?? 2_000)) await this.apply(batch);
    } catch (error) {
      this.failure = error;
      await subscription.stop();
      this.waiters.failAll(error);
      this.options.onError?.(error);
    } finally {
      this.loop = null;
      this.subscription = null;
    }
  }

  private async load(batch: readonly StoredEvent[]) {
    const events = batch.map(reportEventOf);
    const wanted = new Set<string>();
    for (const event of events) {
      const needed = householdsNeeded(event);
      for (const id of needed.householdIds) if (!this.state.hasHousehold(id)) wanted.add(id);
      if (needed.provinceCode !== null)
        for await (const doc of this.householdsOfProvince(needed.provinceCode)) this.state.loadHousehold(doc);
    }
    const ids = [...wanted];
    for (let i = 0; i < ids.length; i += MAX_GET_MANY_IDS) {
      const found = await this.options.store.getMany<StoredHousehold>(
        this.options.collections.households,
        ids.slice(i, i + MAX_GET_MANY_IDS),
      );
      for (const doc of found.values()) if (doc !== null) this.state.loadHousehold(householdOf(doc.data));
    }
    return events;
  }

  private async *householdsOfProvince(provinceCode: string) {
    const { store, collections } = this.options;
    for (let offset = 0; ; offset += PAGE) {
      const where = { provinceCode };
      const page = await store.find<StoredHousehold>(collections.households, { where, limit: PAGE, offset });
      for (const doc of page) if (!this.state.hasHousehold(doc.id)) yield householdOf(doc.data);
      if (page.length < PAGE) return;
    }
  }

  /**
   * Writes what a bulk rebuild folded: every changed document once, in batches of
   * {@link FLUSH_OPERATIONS}, the checkpoint with the last. Call it after {@link stop}.
   */
  async flush(): Promise<void> {
    settleHouseholds(this.state);
    const operations = this.operations(this.saved);
    const { store, collections } = this.options;
    for (let i = 0; i < operations.length || i === 0; i += FLUSH_OPERATIONS) {
      const last = i + FLUSH_OPERATIONS >= operations.length;
      await store.applyBatch({
        operations: operations.slice(i, i + FLUSH_OPERATIONS),
        ...(last ? { checkpoint: { name: collections.checkpoint, position: this.saved } } : {}),
      });
    }
    await this.ensureIndexes();
  }

  private async ensureIndexes(): Promise<void> {
    const { store, collections } = this.options;
    for (const fields of HOUSEHOLD_INDEXES) await store.ensureIndex(collections.households, fields);
    for (const fields of UNIT_INDEXES) await store.ensureIndex(collections.units, fields);
  }

  private async apply(read: readonly StoredEvent[]): Promise<void> {
    const until = this.options.untilPosition ?? Number.MAX_SAFE_INTEGER;
    const batch = read.filter((event) => event.position <= until);
    if (batch.length === 0) return;
    const events = this.options.bulk ? batch.map(reportEventOf) : await this.load(batch);
    for (const event of events) foldReportEvent(this.state, event, this.options.utcOffsetMinutes);
    const position = batch[batch.length - 1].position;
    // A bulk rebuild settles once, when it flushes: nothing reads its units before.
    if (!this.options.bulk) {
      settleHouseholds(this.state);
      await this.options.store.applyBatch({
        operations: this.operations(position),
        checkpoint: { name: this.options.collections.checkpoint, position },
      });
      this.state.forgetHouseholds(this.options.cacheHouseholds ?? 50_000);
    }
    this.saved = position;
    this.waiters.advance(position);
    this.options.onBatch?.(position, batch.length);
  }

  /** The writes of every document changed since the last call, at `position`. */
  private operations(position: number): ReadStoreOperation[] {
    const changes = this.state.takeChanges();
    const { collections } = this.options;
    const operations: ReadStoreOperation[] = [];
    for (const id of changes.households) {
      const data = storedHouseholdOf(this.state.household(id)!);
      operations.push({ type: 'put', collection: collections.households, doc: { id, position, data } });
    }
    for (const id of changes.contexts)
      operations.push({
        type: 'put',
        collection: collections.contexts,
        doc: { id, position, data: this.state.context(id) },
      });
    for (const id of changes.units) {
      const data: UnitDocument = { ...unitPlacementOf(id), counts: storedCounts(this.state.unitCounts(id)) };
      operations.push({ type: 'put', collection: collections.units, doc: { id, position, data } });
    }
    return operations;
  }
}

function householdOf(stored: StoredHousehold): HouseholdReport {
  return JSON.parse(stored.state) as HouseholdReport;
}
