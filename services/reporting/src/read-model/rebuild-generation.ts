import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readsLogRows, type EventStore, type LogRow, type LogRowReader } from '@relapse-watch/event-store-core';
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
import { HouseholdPartitionFold, type PartitionTotals } from './household-partition-fold';
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
}

/** Documents per store write. */
const WRITE_DOCUMENTS = 10_000;
/** Households per message from a folding thread. */
const HOUSEHOLD_CHUNK = 10_000;
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
  await projector.flush();
  return projector.checkpoint;
}

/** A partition folded on a worker thread, or on this one. */
interface Partition {
  fold(rows: readonly LogRow[]): Promise<void>;
  /** Hands out the settled households; resolves the partition's totals. */
  finish(households: (ids: string[], docs: unknown[]) => void): Promise<PartitionTotals>;
  close(): Promise<void>;
}

class RowRebuild {
  private readonly contexts = new ReportingState();
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
      await this.fold(partitions);
      const totals = await Promise.all(
        partitions.map((p) =>
          p.finish((ids, docs) => {
            this.writing = this.writing.then(() => this.writeHouseholds(ids, docs));
          }),
        ),
      );
      // A write that failed fails the rebuild (the handlers above only chain them).
      await this.writing;
      await this.writeContextsAndUnits(totals);
    } finally {
      await Promise.all(partitions.map((p) => p.close()));
    }
    return this.position;
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
    for (;;) {
      const from = this.position + 1;
      for await (const rows of this.inbox.readLogRows({ fromPosition: from, untilPosition: until })) {
        const perPartition: LogRow[][] = partitions.map(() => []);
        for (const row of rows) {
          let mask: number;
          if (CONTEXT_EVENT_NAMES.has(eventNameOf(row[3]))) {
            foldReportEvent(this.contexts, reportEventOfRow(row), this.options.utcOffsetMinutes);
            mask = all;
          } else mask = partitions.length === 1 ? all : partitionsOfDataText(row[4], partitions.length);
          for (let p = 0; p < partitions.length; p++) if ((mask & (1 << p)) !== 0) perPartition[p].push(row);
        }
        await Promise.all(partitions.map((p, i) => (perPartition[i].length > 0 ? p.fold(perPartition[i]) : null)));
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

  /** The contexts, and the units: the villages' own counts here plus every partition's households'. */
  private async writeContextsAndUnits(totals: readonly PartitionTotals[]): Promise<void> {
    const { store, collections } = this.options;
    const state = this.contexts;
    settleHouseholds(state);
    for (const partition of totals)
      for (const villageCode of partition.villages) markVillageWithHouseholds(state, villageCode);
    for (const partition of totals) state.addUnitTotals(partition.names, partition.codes, partition.values);
    const changes = state.takeChanges();
    const documents: [string, string, unknown][] = [
      ...changes.contexts.map((id): [string, string, unknown] => [collections.contexts, id, state.context(id)]),
      ...changes.units.map((id): [string, string, unknown] => [
        collections.units,
        id,
        { ...unitPlacementOf(id), counts: storedCounts(state.unitCounts(id)) } satisfies UnitDocument,
      ]),
    ];
    if (writesJsonText(store))
      for (const collection of [collections.contexts, collections.units]) {
        const docs: JsonTextDocument[] = documents
          .filter(([c]) => c === collection)
          .map(([, id, data]) => ({ id, position: this.position, dataJson: JSON.stringify(data) }));
        for (let i = 0; i < docs.length; i += WRITE_DOCUMENTS)
          await store.putJsonTexts(collection, docs.slice(i, i + WRITE_DOCUMENTS));
      }
    else
      await this.writeOperations(
        documents.map(([collection, id, data]) => ({
          type: 'put',
          collection,
          doc: { id, position: this.position, data },
        })),
      );
    await store.applyBatch({ operations: [], checkpoint: { name: collections.checkpoint, position: this.position } });
    for (const fields of HOUSEHOLD_INDEXES) await store.ensureIndex(collections.households, fields);
    for (const fields of UNIT_INDEXES) await store.ensureIndex(collections.units, fields);
  }
}

function inlinePartition(settings: ConstructorParameters<typeof HouseholdPartitionFold>[0]): Partition {
  const fold = new HouseholdPartitionFold(settings);
  return {
    fold: async (rows) => fold.foldRows(rows),
    finish: async (households) => fold.finish(HOUSEHOLD_CHUNK, households),
    close: async () => undefined,
  };
}

function threadPartition(settings: FoldThreadSettings): Partition {
  // From TypeScript sources (tests, `node -r @swc-node/register`), the worker needs the same loader.
  const fromSource = extname(__filename) === '.ts';
  const worker = new Worker(join(__dirname, `household-fold.worker${extname(__filename)}`), {
    workerData: settings,
    execArgv: fromSource ? ['-r', '@swc-node/register', '--conditions=@relapse-watch/source'] : undefined,
  });
  let failure: Error | null = null;
  let inFlight = 0;
  let roomWaiter: (() => void) | null = null;
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
    } else if (message.type === 'households') households?.(message.ids, message.docs);
    else {
      const settled = done;
      done = null;
      settled?.resolve(message);
    }
  });
  const send = (message: ToFoldThread) => worker.postMessage(message);
  return {
    async fold(rows) {
      while (inFlight >= IN_FLIGHT && failure === null) await new Promise<void>((wake) => (roomWaiter = wake));
      if (failure !== null) throw failure;
      inFlight += 1;
      send({ type: 'rows', rows });
    },
    finish(handOut) {
      if (failure !== null) return Promise.reject(failure);
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
