// A verifying thread of verifyLog: opens its own reader of the log (the adapter's module, named
// by the LogRangeReaderSource it was given) and checks the ranges the main thread sends it, one at
// a time, answering each with its RangeOutcome. `null` ends it.
import { parentPort, workerData } from 'node:worker_threads';
import type { LogRangeReaderSource, OpenLogRangeReader } from '@relapse-watch/event-store-core';
import { RangeCheck, type LogRange } from './range-check';

/** Rows per read: large enough that the per-query cost does not show. */
const BATCH = 4096;

const port = parentPort;
if (port) {
  const source = workerData as LogRangeReaderSource;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the adapter is named at run time
  const open = require(source.module)[source.exportName] as OpenLogRangeReader;
  const reader = open(source.settings);
  port.on('message', (range: LogRange | null) => {
    if (range === null) {
      reader.close();
      port.close();
      return;
    }
    const check = new RangeCheck(range);
    for (const rows of reader.readCanonical(range.after, range.upTo, BATCH)) {
      check.add(rows);
      if (check.suspect) break;
    }
    port.postMessage(check.outcome());
  });
}
