// The workload both sides of bench/event-store run: the same events, the same stream id
// scheme, the same counts and the same statistics, so a difference in the figures is the
// store's and not the harness's. Imported by ours.mjs and peer.mjs (here and in
// event-store-postgres, relay-kafka, projection-mongo), which differ only in the store calls
// they make.
import { Buffer } from 'node:buffer';
import { randomFillSync } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

// Ids are generated here rather than with each side's `uuid` package so that both sides pay
// exactly the same for them.
const randomPool = Buffer.alloc(16 * 4096);
let randomOffset = randomPool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, random rest. */
export function uuidv7() {
  if (randomOffset === randomPool.length) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const b = randomPool.subarray(randomOffset, (randomOffset += 16));
  const ms = Date.now();
  const hi = Math.floor(ms / 0x1000000);
  const lo = ms % 0x1000000;
  b[0] = (hi >>> 16) & 0xff;
  b[1] = (hi >>> 8) & 0xff;
  b[2] = hi & 0xff;
  b[3] = (lo >>> 16) & 0xff;
  b[4] = (lo >>> 8) & 0xff;
  b[5] = lo & 0xff;
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = (i) => HEX[b[i]];
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/** Stream id as the household registry makes it (DESIGN.md: `<context>-<aggregate>-<id>`). */
export function householdStreamId(householdId) {
  return `registry-household-${householdId}`;
}

// Realistic registry content: a few villages of one county, household heads, risk types
// and visit notes as inspectors write them. Picked by a counter, so every run and both
// sides produce the same sequence of payloads.
const VILLAGES = [
  { code: '530323103201', name: '云南省曲靖市师宗县雄壁镇大舍村' },
  { code: '530323103204', name: '云南省曲靖市师宗县雄壁镇小龙潭村' },
  { code: '530323104202', name: '云南省曲靖市师宗县龙庆乡阿白村' },
  { code: '530323105203', name: '云南省曲靖市师宗县五龙乡狗街村' },
];
const HEADS = ['李秀英', '王建国', '张桂兰', '刘德华', '陈玉梅', '杨志强', '赵淑芬'];
const RISKS = ['因病', '因残', '因学', '因意外事故', '因务工就业不稳'];
const NOTES = [
  '户主患慢性病，医疗支出大，已申请临时救助。',
  '外出务工收入下降，需跟踪就业情况。',
  '子女就读高中，已落实助学政策。',
  '房屋受暴雨损坏，正核实危房改造资格。',
];
const SOURCES = [['务工', '种植'], ['养殖'], ['务工'], ['种植', '公益岗位']];
/** The registry's four event types, which the events cycle through. */
export const EVENT_TYPES = [
  'HouseholdRegistered',
  'HouseholdIncomeRecorded',
  'HouseholdRiskReported',
  'HouseholdVisitRecorded',
];
/** Events of one household in the seeded logs. */
export const EVENTS_PER_HOUSEHOLD = 20;

/**
 * The `index`-th event payload: about 300 bytes of JSON (UTF-8) with Chinese text. The
 * `members` field is summed by readers as a checksum, so both sides are seen to read the
 * same data back.
 */
export function householdData(householdId, index) {
  const village = VILLAGES[index % VILLAGES.length];
  return {
    householdId,
    divisionCode: village.code,
    village: village.name,
    head: HEADS[index % HEADS.length],
    members: 1 + (index % 6),
    perCapitaIncome: 6000 + ((index * 37) % 5000),
    incomeSources: SOURCES[index % SOURCES.length],
    riskType: RISKS[index % RISKS.length],
    note: NOTES[index % NOTES.length],
  };
}

/** Metadata of one command (shared by the events that command produced). */
export function commandMetadata(divisionCode) {
  return {
    actor: { userId: 'inspector-5303231032', role: 'village-inspector' },
    divisionCode,
    correlationId: uuidv7(),
    causationId: null,
    occurredAt: '2025-11-03T09:30:00.000Z',
  };
}

/**
 * One command's events for one household, in the port's `NewEvent` shape: `count` events
 * sharing one metadata object, numbered from `firstIndex` for the payload sequence.
 */
export function householdEvents(householdId, count, firstIndex) {
  const metadata = commandMetadata(VILLAGES[firstIndex % VILLAGES.length].code);
  const events = new Array(count);
  for (let i = 0; i < count; i++) {
    const index = firstIndex + i;
    events[i] = {
      id: uuidv7(),
      type: EVENT_TYPES[index % EVENT_TYPES.length],
      schemaVersion: 1,
      data: householdData(householdId, index),
      metadata,
    };
  }
  return events;
}

/** The emmett peers' events: same type, data and metadata as ours, with our UUIDv7 as messageId. */
export function peerEvents(householdId, count, firstIndex) {
  return householdEvents(householdId, count, firstIndex).map((e) => ({
    type: e.type,
    data: e.data,
    metadata: { ...e.metadata, messageId: e.id },
  }));
}

/**
 * `makeAppend` for {@link concurrentWriters}: each call a new household stream with `count`
 * events made by `toEvents` (ours: the port's `NewEvent` shape), numbered on from 0.
 */
export function newHouseholdStreams(count, toEvents = householdEvents) {
  let index = 0;
  return () => {
    const householdId = uuidv7();
    const events = toEvents(householdId, count, index);
    index += count;
    return { streamId: householdStreamId(householdId), events };
  };
}

/** `append` for our EventStore port: a new stream (`expectedRevision: 'no_stream'`). */
export function appendNewStream(store) {
  return ({ streamId, events }) => store.appendToStream(streamId, events, { expectedRevision: 'no_stream' });
}

/**
 * Our EventStore port under {@link concurrentWriters}: each append a new household stream with
 * `eventsPerAppend` events; `stored` is the store's head position afterwards.
 */
export async function portAppendToNewStreams(store, { writers, perWriter, eventsPerAppend }) {
  const run = await concurrentWriters({
    writers,
    perWriter,
    makeAppend: newHouseholdStreams(eventsPerAppend),
    append: appendNewStream(store),
  });
  return { ...run, stored: await store.headPosition() };
}

/**
 * Seeds `streams` new household streams of `eventsPerStream` events each (made by
 * `toEvents(householdId, eventsPerStream, firstIndex)`), `inFlight` appends at a time through
 * `append({ streamId, events })`.
 */
export async function seedHouseholds({ streams, eventsPerStream, inFlight, toEvents = householdEvents }, append) {
  for (let first = 0; first < streams; first += inFlight) {
    const wave = [];
    for (let s = first; s < Math.min(streams, first + inFlight); s++) {
      const householdId = uuidv7();
      wave.push(
        append({
          streamId: householdStreamId(householdId),
          events: toEvents(householdId, eventsPerStream, s * eventsPerStream),
        }),
      );
    }
    await Promise.all(wave);
  }
}

/** Our EventStore port's `store.readAll()` over the seeded log of `total` events. */
export function portReadAll(store, total) {
  return readSeededLog(() => store.readAll(), total);
}

/** Our EventStore port's `store.subscribeToAll()` from position 0, stopped after the `total`-th event. */
export async function portCatchUp(store, total) {
  let subscription;
  const read = await readSeededLog(() => (subscription = store.subscribeToAll()), total, { stopAtTotal: true });
  await subscription.stop();
  return read;
}

/**
 * Reads the seeded log of `total` events through `open()` (an async iterable of stored events),
 * summing each event's `members`; with `stopAtTotal` it stops at the `total`-th event (a
 * subscription does not end by itself). Timed from `open()` to the last event.
 */
async function readSeededLog(open, total, { stopAtTotal = false } = {}) {
  let events = 0;
  let checksum = 0;
  const t0 = performance.now();
  for await (const event of open()) {
    events++;
    checksum += event.data.members;
    if (stopAtTotal && events === total) break;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, checksumOk: (stopAtTotal || events === total) && checksum === expectedChecksum(total) };
}

/**
 * Reads an emmett peer's log from the start with its global batch reader: `readBatch(after)`
 * resolves `{ messages, more, position }`. Sums each message's `members`, as readSeededLog.
 */
export async function readPeerBatches(readBatch, total) {
  let events = 0;
  let checksum = 0;
  let after = 0n;
  const t0 = performance.now();
  for (;;) {
    const { messages, more, position } = await readBatch(after);
    for (const message of messages) {
      events++;
      checksum += message.data.members;
    }
    if (!more) break;
    after = position;
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events, seconds, checksumOk: events === total && checksum === expectedChecksum(total) };
}

/**
 * Counts what an emmett consumer's processor hands over, up to `limit` messages:
 * `handlers` (its `eachMessage` and `stopAfter`), and `result(t0)` timed to the `limit`-th.
 */
export function consumedMessages(limit) {
  let events = 0;
  let checksum = 0;
  let lastAt = 0;
  return {
    handlers: {
      eachMessage: (message) => {
        events++;
        checksum += message.data.members;
        if (events === limit) lastAt = performance.now();
      },
      stopAfter: () => events >= limit,
    },
    result: (t0) => ({
      events,
      seconds: ((lastAt || performance.now()) - t0) / 1000,
      checksumOk: checksum === expectedChecksum(limit),
    }),
  };
}

/** Average UTF-8 size of the `data` JSON, reported with the results. */
export function payloadBytes() {
  let total = 0;
  for (let i = 0; i < 100; i++) total += Buffer.byteLength(JSON.stringify(householdData(uuidv7(), i)));
  return Math.round(total / 100);
}

/** The checksum a reader of the seeded log must reach: sum of `members` over events 0..n-1. */
export function expectedChecksum(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += 1 + (i % 6);
  return sum;
}

/**
 * Runs `writers` concurrent loops of `perWriter` appends each. `makeAppend()` builds one
 * append's arguments outside the timed span; `append(args)` is timed from its call to its
 * promise's settlement — for a durable store, that is up to its own commit's fsync. Errors
 * are counted by code, never thrown: a store that fails appends must still give figures.
 *
 * For a setup that may stall, `stopAfterMs` stops starting new appends and `abandonAfterMs`
 * stops waiting for those in flight (reported as `pending`).
 */
export async function concurrentWriters({
  writers,
  perWriter,
  makeAppend,
  append,
  stopAfterMs = Infinity,
  abandonAfterMs = Infinity,
}) {
  const latencies = new Float64Array(writers * perWriter);
  const errors = {};
  let ok = 0;
  let started = 0;
  let slot = 0;
  const t0 = performance.now();
  const loop = async () => {
    for (let k = 0; k < perWriter && performance.now() - t0 < stopAfterMs; k++) {
      const args = makeAppend();
      const start = performance.now();
      started++;
      try {
        await append(args);
        ok++;
      } catch (error) {
        const code = errorCode(error);
        errors[code] = (errors[code] ?? 0) + 1;
      }
      latencies[slot++] = performance.now() - start;
    }
  };
  const all = Promise.all(Array.from({ length: writers }, loop));
  if (abandonAfterMs === Infinity) await all;
  else {
    let timer;
    await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, abandonAfterMs)))]);
    clearTimeout(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  // A snapshot: appends abandoned in flight may still settle after this returns.
  return {
    attempted: started,
    ok,
    errors: { ...errors },
    pending: started - slot,
    seconds,
    latencyMs: percentiles(latencies.slice(0, slot)),
  };
}

/** A short, stable name for an error: its code, else its class and the start of its message. */
export function errorCode(error) {
  if (error && typeof error === 'object') {
    if (typeof error.code === 'string') return error.code;
    return `${error.name ?? 'Error'}: ${String(error.message ?? '').slice(0, 60)}`;
  }
  return String(error);
}

/** p50 / p99 / max of millisecond samples. */
export function percentiles(samples) {
  if (samples.length === 0) return { p50: null, p99: null, max: null };
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: round(at(0.5), 3), p99: round(at(0.99), 3), max: round(sorted[sorted.length - 1], 3) };
}

export function round(value, digits = 0) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB() {
  return round(process.resourceUsage().maxRSS / 1024, 1);
}

/** Size of a database file with its WAL, in MB. */
export function databaseMB(file) {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(file + suffix).size;
    } catch {
      // no WAL left after a clean close
    }
  }
  return round(bytes / 1024 / 1024, 1);
}

/** Removes a database and its WAL / shared-memory side files. */
export function removeDatabase(file) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/**
 * The child side of the orchestrator's protocol: wait for one `{ task, params }` message,
 * run `tasks[task](params)`, send back `{ ok, result | error }` with the peak RSS, and let
 * the process end by itself — a store that leaves a handle open shows up as a child that
 * does not exit, which the orchestrator reports.
 */
export function serveOneTask(tasks) {
  process.once('message', async ({ task, params }) => {
    let reply;
    try {
      if (!tasks[task]) throw new Error(`unknown task ${task}`);
      const result = await tasks[task](params);
      reply = { ok: true, result: { ...result, rssMB: peakRssMB() } };
    } catch (error) {
      reply = {
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        rssMB: peakRssMB(),
      };
    }
    process.send(reply, () => process.disconnect());
  });
}
