// Issue 13's rebuild cases: all the reporting's read models (households, contexts, unit summaries)
// folded from position zero of the generated inbox log into an empty generation, as `relapse-watch
// projections rebuild` does (bulk: folded in memory, each document written once): on the embedded
// SQLite read store (`rebuild-sqlite`) and on FerretDB, MongoDB API (`rebuild-mongo`). `ours` =
// events/s from start to written; `cpuSeconds` is the process's CPU time (steadier on a shared machine).
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { reporter, root, serviceUrl } from '../event-store/harness.mjs';
import { peakRssMB } from '../event-store/workload.mjs';

const { log, emit } = reporter('reporting');
const require = createRequire(import.meta.url);
const dist = (p) => require(path.join(root, p));

/** Rebuilds the read models of `inboxFile` (`events` events of `households` households) into `kind`'s store. */
export async function rebuild({ kind, inboxFile, readFile, events, households, threads, emitLine = true }) {
  const { SqliteEventStore } = dist('libs/event-store/sqlite/dist/index.js');
  const { SqliteReadStore } = dist('libs/read-store/sqlite/dist/index.js');
  const { MongoReadStore } = dist('libs/read-store/mongodb/dist/index.js');
  const { rebuildGeneration } = dist('services/reporting/dist/read-model/rebuild-generation.js');
  const { reportingCollections } = dist('services/reporting/dist/read-model/reporting-collections.js');
  const mongoUrl = kind === 'mongo' ? serviceUrl('MONGODB_URL', 'ferretdb') : null;
  const database = `rw_bench_reporting_${Date.now()}`;
  const store =
    kind === 'sqlite' ? SqliteReadStore.open({ path: readFile }) : await MongoReadStore.connect(mongoUrl, { database });
  const inbox = SqliteEventStore.open({ path: inboxFile, readPageSize: 2_000 });
  try {
    const head = await inbox.headPosition();
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const mainBefore = process.threadCpuUsage();
    const mainCpu = () => {
      const main = process.threadCpuUsage(mainBefore);
      return Math.round((main.user + main.system) / 1e5) / 10;
    };
    // Wall and CPU seconds (the process's, all threads) at the end of each phase.
    const phases = {};
    const at = () => {
      const cpu = process.cpuUsage(cpuBefore);
      return {
        seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
        cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
        mainCpuSeconds: mainCpu(),
      };
    };
    const loadAverage = os.loadavg()[0];
    let threadCpuSeconds = [];
    await rebuildGeneration({
      inbox,
      store,
      collections: reportingCollections(1),
      utcOffsetMinutes: 480,
      // `--threads=1`: the fold on this thread only (as audit-verify's one-thread run).
      ...(threads !== undefined ? { threads: threads === 1 ? 0 : threads } : {}),
      onProgress: (position) => position % 200_000 < 4_096 && log(`${kind}: ${position}/${head}`),
      onPhase: (phase) => (phases[phase] = at()),
      onThreadsDone: (cpuSeconds) => (threadCpuSeconds = cpuSeconds.map((c) => Math.round(c * 10) / 10)),
    });
    const mainCpuSeconds = mainCpu();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { cpuSeconds } = at();
    log(
      `${kind}: read by ${phases.read.seconds} s (${phases.read.cpuSeconds} s CPU, this thread ${phases.read.mainCpuSeconds} s), ` +
        `folded by ${phases.folded.seconds} s (${phases.folded.cpuSeconds} s CPU, this thread ${phases.folded.mainCpuSeconds} s), written by ${seconds.toFixed(1)} s (${cpuSeconds} s CPU; this thread ${mainCpuSeconds} s, folding threads ${threadCpuSeconds.join(' + ') || 'none'} s); load ${loadAverage.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`,
    );
    if (emitLine)
      emit({
        case: `rebuild-${kind}`,
        unit: 'events/s',
        ours: Math.round(events / seconds),
        target: kind === 'sqlite' ? 100_000 : 20_000,
        events,
        households,
        seconds: Math.round(seconds * 10) / 10,
        foldSeconds: phases.folded.seconds,
        threads: threadCpuSeconds.length,
        cpuSeconds,
        // The CPU of this thread (reads the log, folds the contexts, writes) and of each folding thread.
        mainCpuSeconds,
        threadCpuSeconds,
        phases,
        loadAverage: [Math.round(loadAverage * 100) / 100, Math.round(os.loadavg()[0] * 100) / 100],
        peakRssMB: peakRssMB(),
        ...(kind === 'mongo' ? { store: 'FerretDB 1.24 (SQLite backend), as infra/ starts it' } : {}),
      });
  } finally {
    await inbox.close();
    await store.close();
    if (kind === 'mongo') {
      const { MongoClient } = require(
        require.resolve('mongodb', { paths: [path.join(root, 'libs/read-store/mongodb')] }),
      );
      const client = new MongoClient(mongoUrl);
      await client
        .db(database)
        .dropDatabase()
        .finally(() => client.close());
    }
  }
}
