#!/usr/bin/env -S node --max-semi-space-size=8
// The `relapse-watch` command: `relapse-watch divisions import --province 51`.
// --max-semi-space-size=8 (MB): V8's default young generation on a large machine let a bulk
// import's short-lived garbage hold ~130 MB more memory at its peak, at no gain in speed (measured).
import { run } from './cli';

void run(process.argv.slice(2)).then((code) => {
  // exitCode rather than exit(): stdout may still be flushing into a pipe.
  process.exitCode = code;
});
