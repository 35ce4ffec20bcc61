#!/usr/bin/env node
// `npm run bench -- inspection`: issue 11's benchmark of the inspection service, two cases, each
// in a child process of its own (so each one's peak RSS and JIT state are its own):
//   record-visits-http — whole visits through the embedded process's HTTP API (record-visits-http.mjs)
//   rules              — the inspection rules over 1,000,000 generated households (rules.mjs)
// stdout carries JSON lines only (one per case, `bench: "inspection"`), progress goes to stderr;
// the exit code is 1 when a case failed. See bench/README.md, "inspection".
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listOf, parseOptions, positiveInt, reporter } from '../event-store/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CASES = ['record-visits-http', 'rules'];
const { log } = reporter('inspection');
const options = parseOptions(
  withEquals(process.argv.slice(2)),
  'usage: npm run bench -- inspection [--cases=record-visits-http,rules] [--households=N] [--quick] [--cpu-prof]',
  {
    cases: { default: CASES, parse: listOf(CASES), help: 'a subset of the cases' },
    quick: { help: 'a smoke run: 10,000 visits, 100,000 households for the rules' },
    households: { default: 100_000, parse: positiveInt, help: 'record-visits-http: households seeded and visited' },
    connections: { default: 64, parse: positiveInt, help: 'record-visits-http: concurrent keep-alive clients' },
    port: { default: 0, parse: (v) => Number(v), help: 'record-visits-http: PORT of the embedded process (0: free)' },
    'cpu-prof': { help: 'record-visits-http: V8 CPU profile of the embedded process (reports/cpu-prof/inspection/)' },
    'rules-households': { default: 1_000_000, parse: positiveInt, help: 'rules: households evaluated' },
    chunk: { default: 10_000, parse: positiveInt, help: 'rules: households generated at a time' },
  },
);

const runs = {
  'record-visits-http': [
    'record-visits-http.mjs',
    `--households=${options.quick ? 10_000 : options.households}`,
    `--connections=${options.connections}`,
    `--port=${options.port}`,
    ...(options['cpu-prof'] ? ['--cpu-prof'] : []),
  ],
  rules: [
    'rules.mjs',
    `--households=${options.quick ? 100_000 : options['rules-households']}`,
    `--chunk=${options.chunk}`,
  ],
};

let failed = false;
for (const name of options.cases) {
  const [script, ...args] = runs[name];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal));
  });
  if (code !== 0) {
    log(`${name} failed (${code})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

/** `--households 20000` as `--households=20000`, the form the shared option parser reads. */
function withEquals(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const takesValue = /^--(cases|households|connections|port|rules-households|chunk)$/.test(args[i]);
    out.push(takesValue && i + 1 < args.length ? `${args[i]}=${args[++i]}` : args[i]);
  }
  return out;
}
