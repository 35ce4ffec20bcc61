// One measured run of the registry CLI in a process of its own, so its peak RSS is the
// import's alone: `node import-child.mjs <cli.js> <args…>`. Prints one JSON line on stdout:
// exit code, wall time, the CLI's summary line and process.resourceUsage().maxRSS.
import { createRequire } from 'node:module';

const [cliPath, ...args] = process.argv.slice(2);
const { run } = createRequire(import.meta.url)(cliPath);
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
