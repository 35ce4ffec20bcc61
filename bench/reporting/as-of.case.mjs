// Issue 13's `as-of` case: the reporting service (its own process, embedded mode) asked over HTTP
// for a province's report as of a past instant (30 Aug 2024, the inspection's deadline) over the
// generated 1,000,000-event inbox: the log folded in memory up to the instant. `ours` = seconds of
// the request; asked twice, the two answers must be byte-identical.
import { call, provinceOfficialToken } from '../inspection/embedded.mjs';
import { reporter } from '../event-store/harness.mjs';
import { startReporting } from './serve.mjs';

const { log, emit } = reporter('reporting');
const AS_OF = '2024-08-30T23:59:59+08:00';

/** Asks the service on `dataDir` (inbox written, read models built) for an as-of report, twice. */
export async function asOf({ dataDir, events }) {
  const server = startReporting({ dataDir, log });
  try {
    const url = await server.url;
    const token = await provinceOfficialToken(dataDir, 3600);
    const path = `/api/reporting/units/510000000000?year=2024&asOf=${encodeURIComponent(AS_OF)}`;
    const timings = [];
    const bodies = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const answer = await call(url, token, 'GET', path);
      timings.push((performance.now() - started) / 1000);
      if (answer.status !== 200) throw new Error(`as-of answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      bodies.push(JSON.stringify(answer.body));
    }
    const report = JSON.parse(bodies[0]);
    emit({
      case: 'as-of',
      unit: 's',
      ours: Math.round(Math.max(...timings) * 10) / 10,
      target: 15,
      events,
      asOf: AS_OF,
      seconds: timings.map((t) => Math.round(t * 10) / 10),
      identical: bodies[0] === bodies[1],
      households: report.households.total,
      inspectedByDeadline: report.campaign?.inspectedByDeadline ?? null,
    });
    return bodies[0] === bodies[1];
  } finally {
    await server.stop();
  }
}
