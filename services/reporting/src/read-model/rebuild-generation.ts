import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readsLogRows, type EventStore, type LogRowReader } from '@relapse-watch/event-store-core';
import {
  writesJsonText,
  type JsonTextDocument,
  type ReadStore,
  type ReadStoreOperation,
} from '@relapse-watch/read-store-core';
import {
  CONTEXT_EVENT_NAMES,
  foldReportEvent,
  markVillageWithHouseholds,
  settleHouseholds,
} from '../domain/reporting-fold';
import { ReportingState } from '../domain/reporting-state';
import { eventNameOf, reportEventOfRow } from '../inbox/inbox-log';
import type { FoldThreadSettings, FromFoldThread, ToFoldThread } from './household-fold.worker';
import { partitionsOfDataText } from './household-partition';
import {
  HouseholdPartitionFold,
  RowBatchBuilder,
  type PartitionTotals,
  type RowBatch,
} from './household-partition-fold';
import {
  HOUSEHOLD_INDEXES,
  type ReportingCollections,
  storedCounts,
  type UnitDocument,
  UNIT_INDEXES,
  unitPlacementOf,
} from './reporting-collections';
import { TierSummaryProjector } from './tier-summary.projector';

/** Options of {@link rebuildGeneration}. */
export interface RebuildOptions {
  readonly inbox: EventStore;
  /** The store of the generation's collections, which must be empty (dropped before). */
  readonly store: ReadStore;
  readonly collections: ReportingCollections;
  readonly utcOffsetMinutes: number;
  /** Fold no event past this position; without it, fold until the log's head, following it while it moves. */
  readonly untilPosition?: number;
  /**
   * Folding threads for a log read as rows (default 2); 0 folds on this thread. Below
   * {@link RebuildOptions.threadsFromEvents} events, or from a log that cannot be read as rows,
   * the fold runs on this thread.
   */
  readonly threads?: number;
  /** Events below which threads are not worth starting; default 50,000. */
  readonly threadsFromEvents?: number;
  /** Told as the fold moves on (progress bars). */
  readonly onProgress?: (position: number) => void;
  /**
   * Told when the log has been read to the end (`read`), when every household is folded, settled
   * and handed to the writes (`folded`), and when everything is written (`written`): the
   * benchmark's phases. The projector's fold says `read` and `folded` together.
   */
  readonly onPhase?: (phase: 'read' | 'folded' | 'written') => void;
  /** Told the CPU seconds each folding thread used, when they are done (none without threads). */
  readonly onThreadsDone?: (cpuSeconds: readonly number[]) => void;
}

/** Documents per store write. */
const WRITE_DOCUMENTS = 10_000;
/** Households per message from a folding thread. */
const HOUSEHOLD_CHUNK = 10_000;
/**
 * A folding thread's young generation: most of what a fold allocates (each event's parsed data, a
 * household's previous version) dies young; 96 MB (V8's default is 16–32) measured a little less
 * CPU on this machine.
 */
const FOLD_THREAD_YOUNG_MB = 96;
/** Row messages a folding thread may have queued before the reader waits for it. */
const IN_FLIGHT = 4;

/**
 * Rebuilds every reporting read model (households, contexts, units) of one generation from
 * position zero of the inbox, as `projections rebuild` and `verify` need it: folded in memory,
 * then each document written once, the checkpoint last, the indexes after.
 *
 * From a log read as rows (`readLogRows`), the households are folded by partitions of their ids
 * on worker threads while this thread reads the log, hands each thread the rows of its
 * households (and every context event), and folds the contexts; the units are the sum of each
 * partition's households' counts and the villages' own. Other logs are folded by the
 * {@link TierSummaryProjector} on this thread. Either way the same documents.
 *
 * @returns the position the generation was rebuilt to (its checkpoint).
 */
export async function rebuildGeneration(options: RebuildOptions): Promise<number> {
  const { inbox } = options;
  if (!readsLogRows(inbox)) return projectorRebuild(options);
  const head = options.untilPosition ?? (await inbox.headPosition());
  const threads = head < (options.threadsFromEvents ?? 50_000) ? 0 : (options.threads ?? 2);
  return new RowRebuild(inbox, options, threads).run();
}

/** The single-thread rebuild through the live projector's bulk mode (logs without a row reader). */
async function projectorRebuild(options: RebuildOptions): Promise<number> {
  const { inbox, untilPosition: until } = options;
  let target = until ?? (await inbox.headPosition());
  const projector = new TierSummaryProjector({
    inbox,
    store: options.store,
    collections: options.collections,
    utcOffsetMinutes: options.utcOffsetMinutes,
    batchEvents: 5_000,
    untilPosition: until,
    bulk: true,
    onBatch: (position) => options.onProgress?.(position),
  });
  await projector.start();
  try {
    for (;;) {
      await projector.waitUntil(target);
      if (until !== undefined) break;
      const head = await inbox.headPosition();
      if (head <= target) break;
      target = head;
    }
  } finally {
    await projector.stop();
  }
  if (projector.error !== null) throw projector.error;
  options.onPhase?.('read');
  options.onPhase?.('folded');
  await projector.flush();
  options.onPhase?.('written');
  return projector.checkpoint;
}

/** A partition folded on a worker thread, or on this one. */
interface Partition {
  fold(batch: RowBatch): Promise<void>;
  /**
   * Tells the villages of the partition's registered households, then hands out its settled
   * households; resolves the partition's totals.
   */
  finish(
    villages: (villageCodes: string[]) => void,
    households: (ids: string[], docs: unknown[]) => void,
  ): Promise<PartitionTotals>;
  close(): Promise<void>;
}

class RowRebuild {
  // Villages' own counts roll up to the units above them once, at the end.
  private readonly contexts = new ReportingState(true);
  private readonly jsonText: boolean;
  private position = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly inbox: EventStore & LogRowReader,
    private readonly options: RebuildOptions,
    private readonly threads: number,
  ) {
    this.jsonText = writesJsonText(options.store);
  }

  async run(): Promise<number> {
    const partitions = this.partitions();
    try {
      // Kept up by the households' inserts, which run while the threads still settle.
      for (const fields of HOUSEHOLD_INDEXES)
        await this.options.store.ensureIndex(this.options.collections.households, fields);
      await this.fold(partitions);
      this.options.onPhase?.('read');
      let waitingForVillages = partitions.length;
      const totals = await Promise.all(
        partitions.map((p) =>
          p.finish(
            (villages) => {
              for (const villageCode of villages) markVillageWithHouseholds(this.contexts, villageCode);
              // Every village known: the contexts are final, written while the threads settle.
              if (--waitingForVillages === 0) this.afterWrites(() => this.writeContexts());
            },
            (ids, docs) => this.afterWrites(() => this.writeHouseholds(ids, docs)),
          ),
        ),
      );
      this.options.onPhase?.('folded');
      const threadCpu = totals.map((t) => t.cpuSeconds).filter((cpu): cpu is number => cpu !== undefined);
      if (threadCpu.length > 0) this.options.onThreadsDone?.(threadCpu);
      // A write that failed fails the rebuild (the handlers above only chain them).
      await this.writing;
      await this.writeUnits(totals);
      const { store, collections } = this.options;
      await store.applyBatch({ operations: [], checkpoint: { name: collections.checkpoint, position: this.position } });
      this.options.onPhase?.('written');
    } finally {
      await Promise.all(partitions.map((p) => p.close()));
    }
    return this.position;
  }

  /** Chains a write after those queued (one at a time, in order). */
  private afterWrites(write: () => Promise<void>): void {
    this.writing = this.writing.then(write);
  }

  private partitions(): Partition[] {
    const settings = { partitions: Math.max(1, this.threads), utcOffsetMinutes: this.options.utcOffsetMinutes };
    if (this.threads === 0) return [inlinePartition({ ...settings, partition: 0, jsonText: this.jsonText })];
    return Array.from({ length: this.threads }, (_, partition) =>
      threadPartition({ ...settings, partition, jsonText: this.jsonText, chunk: HOUSEHOLD_CHUNK }),
    );
  }

  /** Reads the log (to `untilPosition`, or to its head as long as it moves) and folds it. */
  private async fold(partitions: readonly Partition[]): Promise<void> {
    const until = this.options.untilPosition;
    const all = (1 << partitions.length) - 1;
    const batches = partitions.map(() => new RowBatchBuilder());
    for (;;) {
      const from = this.position + 1;
      for await (const rows of this.inbox.readLogRows({ fromPosition: from, untilPosition: until })) {
        for (const row of rows) {
          let mask: number;
          const context = CONTEXT_EVENT_NAMES.has(eventNameOf(row[3]));
          if (context) {
            foldReportEvent(this.contexts, reportEventOfRow(row), this.options.utcOffsetMinutes);
            mask = all;
          } else mask = partitions.length === 1 ? all : partitionsOfDataText(row[4], partitions.length);
          for (let p = 0; p < partitions.length; p++) if ((mask & (1 << p)) !== 0) batches[p].add(row, context);
        }
        await Promise.all(partitions.map((p, i) => (batches[i].length > 0 ? p.fold(batches[i].take()) : null)));
        this.position = rows[rows.length - 1][0];
        this.options.onProgress?.(this.position);
      }
      if (until !== undefined || (await this.inbox.headPosition()) <= this.position) return;
    }
  }

  private async writeHouseholds(ids: readonly string[], docs: readonly unknown[]): Promise<void> {
    const { store, collections } = this.options;
    if (this.jsonText && writesJsonText(store))
      await store.putJsonTexts(
        collections.households,
        ids.map((id, i) => ({ id, position: this.position, dataJson: docs[i] as string })),
      );
    else
      await this.writeOperations(
        ids.map((id, i) => ({
          type: 'put',
          collection: collections.households,
          doc: { id, position: this.position, data: docs[i] },
        })),
      );
  }

  private async writeOperations(operations: readonly ReadStoreOperation[]): Promise<void> {
    for (let i = 0; i < operations.length; i += WRITE_DOCUMENTS / 5)
      await this.options.store.applyBatch({ operations: operations.slice(i, i + WRITE_DOCUMENTS / 5) });
  }

  private async writeContexts(): Promise<void> {
    const { collections } = this.options;
    const state = this.contexts;
    await this.writeDocuments(
      collections.contexts,
      state.takeChangedContexts().map((id) => [id, state.context(id)]),
    );
  }

  /** The units: the villages' own counts (folded here) plus every partition's households'. */
  private async writeUnits(totals: readonly PartitionTotals[]): Promise<void> {
    const { store, collections } = this.options;
    const state = this.contexts;
    settleHouseholds(state);
    state.rollUp();
    for (const partition of totals) state.addUnitTotals(partition.names, partition.codes, partition.values);
    const changes = state.takeChanges();
    // Contexts a village's counts changed were written already; nothing else changes them now.
    if (changes.contexts.length > 0) throw new Error('contexts changed after they were written');
    await this.writeDocuments(
      collections.units,
      changes.units.map((id) => [
        id,
        { ...unitPlacementOf(id), counts: storedCounts(state.unitCounts(id, true)) } satisfies UnitDocument,
      ]),
    );
    for (const fields of UNIT_INDEXES) await store.ensureIndex(collections.units, fields);
  }

  private async writeDocuments(collection: string, documents: readonly (readonly [string, unknown])[]) {
    const { store } = this.options;
    if (writesJsonText(store)) {
      const docs: JsonTextDocument[] = documents.map(([id, data]) => ({
        id,
        position: this.position,
        dataJson: JSON.stringify(data),
      }));
      for (let i = 0; i < docs.length; i += WRITE_DOCUMENTS)
        await store.putJsonTexts(collection, docs.slice(i, i + WRITE_DOCUMENTS));
    } else
      await this.writeOperations(
        documents.map(([id, data]) => ({ type: 'put', collection, doc: { id, position: this.position, data } })),
      );
  }
}

function inlinePartition(settings: ConstructorParameters<typeof HouseholdPartitionFold>[0]): Partition {
  const fold = new HouseholdPartitionFold(settings);
  return {
    fold: async (batch) => fold.foldBatch(batch),
    finish: async (villages, households) => {
      villages(fold.villagesWithHouseholds());
      return fold.finish(HOUSEHOLD_CHUNK, households);
    },
    close: async () => undefined,
  };
}

function threadPartition(settings: FoldThreadSettings): Partition {
  // From TypeScript sources (tests, `node -r @swc-node/register`), the worker needs the same loader.
  const fromSource = extname(__filename) === '.ts';
  const worker = new Worker(join(__dirname, `household-fold.worker${extname(__filename)}`), {
    workerData: settings,
    resourceLimits: { maxYoungGenerationSizeMb: FOLD_THREAD_YOUNG_MB },
    execArgv: fromSource ? ['-r', '@swc-node/register', '--conditions=@relapse-watch/source'] : undefined,
  });
  let failure: Error | null = null;
  let inFlight = 0;
  let roomWaiter: (() => void) | null = null;
  let villages: ((villageCodes: string[]) => void) | null = null;
  let households: ((ids: string[], docs: unknown[]) => void) | null = null;
  let done: { resolve: (totals: PartitionTotals) => void; reject: (error: Error) => void } | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    done?.reject(failure);
    roomWaiter?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a folding thread stopped (exit code ${code}) before it was done`)));
  worker.on('message', (message: FromFoldThread) => {
    if (message.type === 'ack') {
      inFlight -= 1;
      const wake = roomWaiter;
      roomWaiter = null;
      wake?.();
    } else if (message.type === 'villages') villages?.(message.villageCodes);
    else if (message.type === 'households') households?.(message.ids, message.docs);
    else {
      const settled = done;
      done = null;
      settled?.resolve(message);
    }
  });
  const send = (message: ToFoldThread) => worker.postMessage(message);
  return {
    async fold(batch) {
      while (inFlight >= IN_FLIGHT && failure === null) await new Promise<void>((wake) => (roomWaiter = wake));
      if (failure !== null) throw failure;
      inFlight += 1;
      send({ type: 'rows', batch });
    },
    finish(tellVillages, handOut) {
      if (failure !== null) return Promise.reject(failure);
      villages = tellVillages;
      households = handOut;
      return new Promise<PartitionTotals>((resolve, reject) => {
        done = { resolve, reject };
        send({ type: 'end' });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
