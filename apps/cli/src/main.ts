#!/usr/bin/env -S node --max-semi-space-size=8
// The `relapse-watch` command (`npm run relapse-watch -- users add …`).
// --max-semi-space-size=8 (MB): see services/household-registry/src/cli/main.ts (bulk imports).
import { run } from './cli';

void run(process.argv.slice(2)).then((code) => {
  // exitCode rather than exit(): stdout may still be flushing into a pipe.
  process.exitCode = code;
});
