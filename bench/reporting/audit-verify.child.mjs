// The child of bench/reporting's `audit-verify` case (audit-verify.case.mjs builds our packages and
// passes BENCH_OURS_ENTRIES and NODE_PATH): writes the log, seals it, times the verification.
// stdout carries one JSON line; progress goes to stderr.
import { randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  parseOptions,
  positiveInt,
  reporter,
  requireOurs,
  requireWorkspace,
  serviceUrl,
} from '../event-store/harness.mjs';

const require = createRequire(import.meta.url);
const { LogSealer, verifyLog } = requireOurs(require, '@relapse-watch/audit');
const { logSealsOf, newEventId, parseLogSealKeys } = requireOurs(require, '@relapse-watch/event-store-core');
const { log, emit } = reporter('reporting');
const TARGET = { eventsPerSecond: 200_000 };
const options = parseOptions(
  process.argv.slice(2),
  'usage: audit-verify.child.mjs --events=N --store=sqlite|postgres --seal-interval=N --dir=PATH [--threads=N]',
  {
    events: { default: 1_000_000, parse: positiveInt, help: 'events written, sealed and verified' },
    store: { default: 'sqlite', parse: String, help: 'sqlite or postgres' },
    'seal-interval': { default: 10_000, parse: positiveInt, help: 'events per seal' },
    dir: { parse: String, help: 'scratch folder (the SQLite file)' },
    threads: {
      default: undefined,
      parse: positiveInt,
      help: "verify's worker threads (default: the cores; 1: one thread)",
    },
  },
);

/** Households of 5 events on average: about 200,000 streams for a million events. */
const EVENTS_PER_STREAM = 5;
/** Events per multi-stream append: large batches, the import's fast path. */
const BATCH_EVENTS = 10_000;
const FINDINGS = [
  '收入稳定 income stable',
  '住房安全 housing safe',
  '饮水安全 water safe',
  '义务教育有保障 schooling secured',
];
const KEYRING = parseLogSealKeys(`bench:${randomBytes(32).toString('base64')}`);

const { store, cleanUp } = await openStore();
try {
  log(`audit-verify: ${options.events} events into ${options.store}; ${process.version}`);
  const writeStarted = performance.now();
  let bytes = 0;
  for (let written = 0; written < options.events;) {
    const appends = [];
    for (let n = 0; n < BATCH_EVENTS && written < options.events;) {
      const stream = Math.floor(written / EVENTS_PER_STREAM);
      const count = Math.min(EVENTS_PER_STREAM, options.events - written);
      const events = Array.from({ length: count }, (_, i) => visitEvent(stream, i));
      for (const e of events) bytes += Buffer.byteLength(JSON.stringify(e.data));
      appends.push({ streamId: `inspection-household-visit-${stream}`, events });
      written += count;
      n += count;
    }
    await store.appendToStreams(appends);
    if (written % 100_000 < BATCH_EVENTS) log(`written ${written}`);
  }
  const writeSeconds = (performance.now() - writeStarted) / 1000;

  const seals = logSealsOf(store);
  const sealStarted = performance.now();
  const sealer = new LogSealer(seals, {
    keyring: KEYRING,
    intervalEvents: options['seal-interval'],
    intervalMs: 0,
    now: () => new Date(),
  });
  const round = await sealer.sealCommitted();
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  log(`sealed ${round.eventsSealed} events in ${round.sealsAdded} seals, ${sealSeconds.toFixed(1)} s`);

  const cpuBefore = process.cpuUsage();
  const verifyStarted = performance.now();
  let verifiedOn = 'one-thread';
  const loadBefore = loadavg()[0];
  const report = await verifyLog(seals, {
    keyring: KEYRING,
    threads: options.threads,
    onStrategy: (strategy, threads) => (verifiedOn = strategy === 'threads' ? `${threads} threads` : strategy),
  });
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const ours = Math.round(report.eventsChecked / verifySeconds);
  emit({
    case: 'audit-verify',
    store: options.store,
    unit: 'events/s',
    ours,
    events: report.eventsChecked,
    intact: report.intact,
    sealsChecked: report.sealsChecked,
    verifySeconds: round2(verifySeconds),
    verifiedOn,
    loadAverage: round2(loadBefore),
    cpuSecondsPerMillion: round2(((cpu.user + cpu.system) / 1e6 / report.eventsChecked) * 1e6),
    sealEventsPerSecond: Math.round(round.eventsSealed / sealSeconds),
    writeEventsPerSecond: Math.round(options.events / writeSeconds),
    meanDataBytes: Math.round(bytes / options.events),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    target: TARGET.eventsPerSecond,
    meetsTarget: ours >= TARGET.eventsPerSecond,
  });
  if (!report.intact || report.eventsChecked !== options.events) {
    log(`the log did not verify whole: ${JSON.stringify(report.firstProblem)}, ${report.eventsChecked} checked`);
    process.exitCode = 1;
  }
} finally {
  await store.close();
  await cleanUp();
}

async function openStore() {
  if (options.store === 'postgres') {
    const { PostgresEventStore } = requireOurs(require, '@relapse-watch/event-store-postgres');
    const url = serviceUrl('POSTGRES_URL', 'postgres');
    const schema = `bench_audit_${randomBytes(4).toString('hex')}`;
    const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: 4 });
    const cleanUp = async () => {
      const { Pool } = requireWorkspace('pg');
      const admin = new Pool({ connectionString: url, max: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    };
    return { store, cleanUp };
  }
  const { SqliteEventStore } = requireOurs(require, '@relapse-watch/event-store-sqlite');
  const store = SqliteEventStore.open({ path: join(options.dir, 'events.db'), synchronous: 'NORMAL' });
  return { store, cleanUp: async () => undefined };
}

/** A household visit as the inspection records it: 300–600 bytes of JSON, Chinese text included. */
function visitEvent(stream, i) {
  const seed = (stream * 7 + i * 13) % 97;
  return {
    id: newEventId(),
    type: i === 0 ? 'HouseholdVisitPlanned' : 'HouseholdVisitRecorded',
    data: {
      householdId: `hh-${String(stream).padStart(9, '0')}`,
      villageCode: `5119231052${String(seed % 100).padStart(2, '0')}`,
      visitedOn: `2024-08-${String(12 + (seed % 18)).padStart(2, '0')}`,
      method: seed % 3 === 0 ? 'online' : 'household-visit',
      findings: FINDINGS.slice(0, 1 + (seed % FINDINGS.length)),
      perCapitaIncomeYuan: 6000 + seed * 113,
      note: '入户核实家庭成员务工与收入情况，'.repeat(1 + (seed % 6)),
    },
    metadata: {
      actor: { userId: `inspector-${seed}`, role: 'village-inspector' },
      divisionCode: '511923105200',
      correlationId: `c-${stream}-${i}`,
      causationId: null,
      occurredAt: '2024-08-20T09:30:00.000Z',
    },
  };
}

function round2(n) {
  return Math.round(n * 100) / 100;
}
