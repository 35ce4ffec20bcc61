// Issue 13's `tier-summary` case: the reporting service (its own process, embedded mode) over read
// models of a province of 1,000,000 generated households (~35,000 villages), 32 clients asking it
// over HTTP for the reports of random units of every tier (a village, a township, a county, a city,
// the province, in turn) for 20 s with autocannon. `p99Ms` is the figure; each answer is one unit
// document read plus its province-year's campaign and lines.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { provinceOfficialToken } from '../inspection/embedded.mjs';
import { cpuMsOf, reporter } from '../event-store/harness.mjs';
import { villageCodes } from './inbox-log.mjs';
import { startReporting } from './serve.mjs';

const { log, emit } = reporter('reporting');

/** Units of every tier of the generated province, cycled through by the clients. */
function unitsOfEveryTier() {
  const villages = villageCodes();
  const unit = (code, digits) => code.slice(0, digits).padEnd(12, '0');
  const byTier = [villages, ...[9, 6, 4, 2].map((digits) => [...new Set(villages.map((v) => unit(v, digits)))])];
  return byTier;
}

export async function tierSummary({ dataDir, households, connections = 32, seconds = 20 }) {
  const server = startReporting({ dataDir, log });
  try {
    const url = await server.url;
    const token = await provinceOfficialToken(dataDir, 3600);
    const tiers = unitsOfEveryTier();
    let next = 0;
    const serverCpuBefore = cpuMsOf(server.pid);
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const units = tiers[next % tiers.length];
            const code = units[Math.floor(Math.random() * units.length)];
            next += 1;
            return {
              ...request,
              path: `/api/reporting/units/${code}?year=2024`,
              headers: { authorization: `Bearer ${token}` },
            };
          },
        },
      ],
    });
    const answered = Object.values(result.statusCodeStats).reduce((sum, s) => sum + Number(s.count), 0);
    const serverCpuMsPerRequest = Math.round(((cpuMsOf(server.pid) - serverCpuBefore) / answered) * 1000) / 1000;
    emit({
      case: 'tier-summary',
      unit: 'ms',
      p99Ms: result.latency.p99,
      ours: result.latency.p99,
      target: 20,
      p50Ms: result.latency.p50,
      maxMs: result.latency.max,
      requestsPerSecond: Math.round(result.requests.average),
      connections,
      households,
      serverCpuMsPerRequest,
      non2xx: result.non2xx,
      errors: result.errors,
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    });
    return result.non2xx === 0 && result.errors === 0;
  } finally {
    await server.stop();
  }
}
