import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  LogRangeReaderSource,
  LogSeal,
  LogSealKeyring,
  OpenLogRangeReader,
} from '@relapse-watch/event-store-core';
import type { LogRange, RangeOutcome } from './range-check';
import { RangeStitcher } from './range-stitcher';
import { sealFaults } from './seal-checker';
import type { VerifyReport } from './verify-problem';

/** Unsealed positions per range: the tail of a log nobody seals still spreads over the threads. */
const UNSEALED_RANGE = 10_000;

/** What {@link verifyInThreads} needs besides the log's reader source. */
export interface ThreadedVerifyPlan {
  readonly fromPosition: number;
  /** The seals from `fromPosition` on, in position order. */
  readonly seals: readonly LogSeal[];
  readonly keyring: LogSealKeyring | null;
  readonly densePositions: boolean;
  readonly lastSealedPosition: number;
  readonly threads: number;
  /** Events from `fromPosition` on below which threads are not worth starting. */
  readonly threadsFromEvents: number;
  /** Unsealed positions per range (default {@link UNSEALED_RANGE}). */
  readonly unsealedRange?: number;
  readonly onProgress?: (eventsChecked: number, position: number) => void;
}

/**
 * Verifies the log in ranges on worker threads — each seal's range, then the unsealed rest in
 * ranges of {@link UNSEALED_RANGE} positions — and stitches the ranges in position order.
 * Resolves the report of an intact log, or null as soon as anything does not verify: the caller
 * then runs the one-thread verifier, which names the first problem exactly and counts them all;
 * `too-short` when the log holds fewer than `threadsFromEvents` positions from `fromPosition`.
 */
export async function verifyInThreads(
  source: LogRangeReaderSource,
  plan: ThreadedVerifyPlan,
): Promise<VerifyReport | null | 'too-short'> {
  const head = headPosition(source);
  if (head - plan.fromPosition < plan.threadsFromEvents) return 'too-short';
  const wholeLog = plan.fromPosition <= 0;
  for (const [i, seal] of plan.seals.entries())
    if (sealFaults(seal, plan.seals[i - 1] ?? null, plan.keyring, wholeLog).length > 0) return null;
  const ranges = rangesOf(plan, head);
  const stitcher = new RangeStitcher(plan.fromPosition, plan.densePositions);
  const intact = await runRanges(source, ranges, Math.min(plan.threads, ranges.length), (outcome) => {
    if (!stitcher.accept(outcome, ranges[outcome.index].seal)) return false;
    plan.onProgress?.(stitcher.events, stitcher.position);
    return true;
  });
  if (!intact) return null;
  return {
    intact: true,
    firstProblem: null,
    problems: [],
    problemCount: 0,
    fromPosition: plan.fromPosition,
    eventsChecked: stitcher.events,
    sealsChecked: plan.seals.length,
    unsealedEvents: stitcher.unsealed,
    lastSealedPosition: plan.lastSealedPosition,
  };
}

type PlannedRange = LogRange & { readonly seal: LogSeal | null };

function rangesOf(plan: ThreadedVerifyPlan, head: number): PlannedRange[] {
  const ranges: PlannedRange[] = [];
  const add = (after: number, upTo: number | null, seal: LogSeal | null) =>
    ranges.push({
      index: ranges.length,
      after,
      upTo,
      seal,
      densePositions: plan.densePositions,
      lastSealedPosition: plan.lastSealedPosition,
    });
  let after = Math.max(0, plan.fromPosition - 1);
  for (const seal of plan.seals) {
    // Before the first seal read (from a position other than 0): events no seal read covers.
    if (seal.fromPosition > after) add(after, seal.fromPosition, null);
    add(seal.fromPosition, seal.toPosition, seal);
    after = seal.toPosition;
  }
  const size = plan.unsealedRange ?? UNSEALED_RANGE;
  for (; head - after > size; after += size) add(after, after + size, null);
  // The last range reads to the end as it is then, like the one-thread scan.
  add(after, null, null);
  return ranges;
}

function openReader(source: LogRangeReaderSource) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the adapter is named at run time
  return (require(source.module)[source.exportName] as OpenLogRangeReader)(source.settings);
}

function headPosition(source: LogRangeReaderSource): number {
  const reader = openReader(source);
  try {
    return reader.headPosition();
  } finally {
    reader.close();
  }
}

/**
 * Hands the ranges to `threads` workers, each the next range when it answers, and passes the
 * outcomes to `stitch` in range order. Resolves false at the first outcome `stitch` refuses
 * (stopping every worker), true when all ranges were stitched.
 */
function runRanges(
  source: LogRangeReaderSource,
  ranges: readonly LogRange[],
  threads: number,
  stitch: (outcome: RangeOutcome) => boolean,
): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const workers: Worker[] = [];
    const waiting = new Map<number, RangeOutcome>();
    let nextRange = 0;
    let nextStitch = 0;
    let settled = false;
    const end = (result: boolean | Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const feed = (worker: Worker) => worker.postMessage(nextRange < ranges.length ? ranges[nextRange++] : null);
    for (let i = 0; i < threads; i++) {
      const worker = rangeWorker(source);
      workers.push(worker);
      worker.on('error', (error) => end(error));
      worker.on('message', (outcome: RangeOutcome) => {
        waiting.set(outcome.index, outcome);
        for (let ready = waiting.get(nextStitch); ready !== undefined; ready = waiting.get(nextStitch)) {
          waiting.delete(nextStitch++);
          if (!stitch(ready)) return end(false);
        }
        if (nextStitch === ranges.length) return end(true);
        feed(worker);
      });
      feed(worker);
    }
  });
}

function rangeWorker(source: LogRangeReaderSource): Worker {
  // From TypeScript sources (tests, `node -r @swc-node/register`), the worker needs the same loader.
  const fromSource = extname(__filename) === '.ts';
  return new Worker(join(__dirname, `log-range.worker${extname(__filename)}`), {
    workerData: source,
    execArgv: fromSource ? ['-r', '@swc-node/register', '--conditions=@relapse-watch/source'] : undefined,
  });
}
