// A folding thread of a threaded rebuild (threaded-rebuild.ts): one HouseholdPartitionFold over the
// log rows the main thread sends it, acknowledging each message (the main thread keeps only a few
// in flight); at `end` it sends back its households in chunks and then its totals.
import { parentPort, workerData } from 'node:worker_threads';
import {
  HouseholdPartitionFold,
  type PartitionSettings,
  type PartitionTotals,
  type RowBatch,
} from './household-partition-fold';

/** What the main thread starts a folding thread with. */
export interface FoldThreadSettings extends PartitionSettings {
  /** Households per message at the end. */
  readonly chunk: number;
}

/** Messages to a folding thread. */
export type ToFoldThread = { readonly type: 'rows'; readonly batch: RowBatch } | { readonly type: 'end' };

/** Messages from a folding thread. */
export type FromFoldThread =
  | { readonly type: 'ack' }
  | { readonly type: 'villages'; readonly villageCodes: string[] }
  | { readonly type: 'households'; readonly ids: string[]; readonly docs: unknown[] }
  | ({ readonly type: 'done'; readonly cpuSeconds: number } & PartitionTotals);

const port = parentPort;
if (port) {
  const settings = workerData as FoldThreadSettings;
  const fold = new HouseholdPartitionFold(settings);
  port.on('message', (message: ToFoldThread) => {
    if (message.type === 'rows') {
      fold.foldBatch(message.batch);
      port.postMessage({ type: 'ack' } satisfies FromFoldThread);
      return;
    }
    port.postMessage({ type: 'villages', villageCodes: fold.villagesWithHouseholds() } satisfies FromFoldThread);
    const totals = fold.finish(settings.chunk, (ids, docs) =>
      port.postMessage({ type: 'households', ids, docs } satisfies FromFoldThread),
    );
    const cpu = process.threadCpuUsage();
    port.postMessage(
      { type: 'done', cpuSeconds: (cpu.user + cpu.system) / 1e6, ...totals } satisfies FromFoldThread,
      totals.values.map((v) => v.buffer as ArrayBuffer),
    );
    port.close();
  });
}
