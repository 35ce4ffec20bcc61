// One measured run of the registry CLI in a process of its own, so its peak RSS is the
// import's alone: `node import-child.mjs <cli.js> <args…>`. Prints one JSON line on stdout:
// exit code, wall time, the CLI's summary line and process.resourceUsage().maxRSS.
import { createRequire } from 'node:module';

const [cliPath, ...args] = process.argv.slice(2);
const require = createRequire(import.meta.url);
if (process.env.BENCH_UNSEALED === '1') withoutSealing(require, cliPath);
const { run } = require(cliPath);
const out = [];
const io = {
  out: (line) => out.push(line),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
};
const started = process.hrtime.bigint();
const code = await run(args, io);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(
  `${JSON.stringify({ code, seconds, summary: out.join('\n'), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);

/**
 * Bench only, for the side-by-side figure: the same CLI with the sealing step replaced by the
 * plain event store (personal data in clear, no key store), as the import ran before issue 10.
 * Nothing the CLI ships can do this: the stand-in exists only in this process's module cache.
 */
function withoutSealing(req, cli) {
  const path = req.resolve(cli.replace(/cli\.js$/, 'personal-data.option.js'));
  const { Module } = req('node:module');
  const stand = new Module(path);
  stand.filename = path;
  stand.loaded = true;
  stand.exports = { sealingEventStore: async (inner) => ({ store: inner, vault: null, close: () => inner.close() }) };
  req.cache[path] = stand;
}
