#!/usr/bin/env node
// The `relapse-watch` command: `relapse-watch divisions import --province 51`.
import { run } from './cli';

void run(process.argv.slice(2)).then((code) => {
  // exitCode rather than exit(): stdout may still be flushing into a pipe.
  process.exitCode = code;
});
