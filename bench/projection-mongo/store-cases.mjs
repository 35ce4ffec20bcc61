// Parent side of bench/projection-mongo's store cases (store.mjs runs them in a child):
// bulk-insert, rollup, get-many and find-indexed, on the backend the run was given. One JSON
// line per case and size; see bench/README.md (projection-mongo).
import { join } from 'node:path';
import { machineLoad } from '../event-store/harness.mjs';

/** The store cases, in the order they run (get-many and find-indexed reuse rollup's collection). */
export const STORE_CASES = ['bulk-insert', 'rollup', 'get-many', 'find-indexed'];

/**
 * Runs the selected store cases against `url` and emits their lines; returns false when one
 * failed. `o` holds the parsed options (`docs`, `insert-batches`, `rollup-events`,
 * `rollup-batches`, `budget-s`, `reads`), already scaled for `--quick`.
 */
export async function runStoreCases({ here, runChild, env, url, backend, cases, o, emit, log }) {
  const common = { backend, url: url.replace(/\/[^/]*$/, '') };
  let ok = true;
  const database = (name) => `bench_store_${name}_${process.pid}`;
  if (cases.includes('bulk-insert')) {
    log(`bulk-insert: ${o.docs} new documents per batch size ${o['insert-batches'].join(', ')} on ${backend}`);
    const reply = await runChild(
      join(here, 'store.mjs'),
      'bulkInsert',
      { url, database: database('insert'), docs: o.docs, sizes: o['insert-batches'], budgetS: o['budget-s'] },
      { env, timeoutMs: 3_600_000 },
    );
    if (!reply.ok) {
      ok = false;
      log(`bulk-insert FAILED: ${reply.error}`);
    } else
      for (const r of reply.result.runs) {
        log(`bulk-insert ${r.batchDocs}/batch: ${r.docs} docs in ${r.seconds} s, ${r.docsPerS} docs/s`);
        emit({
          case: 'bulk-insert',
          unit: 'docs/s',
          ours: r.docsPerS,
          peer: null,
          ratio: null,
          ...common,
          ...r,
          rssMB: reply.result.rssMB,
          load: await machineLoad(),
        });
      }
  }
  const wantsRollup = ['rollup', 'get-many', 'find-indexed'].some((c) => cases.includes(c));
  if (!wantsRollup) return ok;
  const events = cases.includes('rollup') ? o['rollup-events'] : 0;
  log(
    `rollup: ${events} events per batch size ${o['rollup-batches'].join(', ')} events on ${backend} (budget ${o['budget-s']} s each)`,
  );
  const reply = await runChild(
    join(here, 'store.mjs'),
    'rollup',
    {
      url,
      database: database('rollup'),
      events,
      batchSizes: events ? o['rollup-batches'] : [],
      budgetS: o['budget-s'],
      reads: o.reads,
    },
    { env, timeoutMs: 3_600_000 },
  );
  if (!reply.ok) {
    log(`rollup FAILED: ${reply.error}`);
    return false;
  }
  const { seed, runs, reads } = reply.result;
  log(`rollup: seeded ${seed.units} units in ${seed.seconds} s`);
  for (const r of runs) {
    log(
      `rollup ${r.eventsPerBatch} events/batch: ${r.events} events, ${r.writesPerBatch} writes/batch, ${r.eventsPerS} events/s, ${r.writesPerS} writes/s${r.stopped ? ` (stopped: ${r.stopped})` : ''}`,
    );
    emit({
      case: 'rollup',
      unit: 'events/s',
      ours: r.eventsPerS,
      peer: null,
      ratio: null,
      ...common,
      units: seed.units,
      seedSeconds: seed.seconds,
      ...r,
      rssMB: reply.result.rssMB,
      load: await machineLoad(),
    });
  }
  for (const [name, r] of [
    ['get-many', reads.getMany500],
    ['find-indexed', reads.findIndexed],
  ]) {
    if (!cases.includes(name)) continue;
    log(`${name}: ${r.calls} calls, ${r.msPerCall} ms each, ${r.docsPerS} docs/s`);
    emit({ case: name, unit: 'docs/s', ours: r.docsPerS, peer: null, ratio: null, ...common, units: seed.units, ...r });
  }
  return ok;
}
