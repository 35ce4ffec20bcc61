// One run of the `relapse-watch` commands the assistance bench needs (the registry's `generate`,
// the assistance's `cases generate` and `cases import`), composed as apps/cli composes them, in a
// process of its own so a measured run's peak RSS is its own:
// `node cli-child.mjs <registry cli.js> <assistance-cli.js> <args…>`. Prints one JSON line on
// stdout: exit code, wall time, CPU time (user + system, all threads: the measure that holds on a
// machine others load), the command's summary line and process.resourceUsage().maxRSS.
import { createRequire } from 'node:module';

const [registryCli, assistanceCli, ...args] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { rootProgram, runProgram, addRegistryCommands } = require(registryCli);
const { addAssistanceCommands } = require(assistanceCli);
const out = [];
const io = {
  out: (line) => out.push(line),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
};
const root = rootProgram(io);
addRegistryCommands(root, io);
addAssistanceCommands(root, io);
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
const code = await runProgram(root, args, io);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(
  `${JSON.stringify({ code, seconds, cpuSeconds, summary: out.join('\n'), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
