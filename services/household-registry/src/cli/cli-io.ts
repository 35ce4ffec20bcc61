import type { Writable } from 'node:stream';

/** Where a CLI run writes and which folder relative paths are taken from; tests pass their own. */
export interface CliIo {
  /** Results (the summary line), one line per call. */
  readonly out: (line: string) => void;
  /** Progress and errors, one line per call. */
  readonly err: (line: string) => void;
  readonly cwd: string;
  /** Where a command writes data to stdout (`generate` without `--out`); absent: the data goes through `out`. */
  readonly dataOut?: Writable;
  /** A terminal to draw progress bars on; absent (tests, pipes, CI logs): progress is logged as lines through `err`. */
  readonly terminal?: NodeJS.WriteStream;
  /** Environment variables the CLI reads (RESIDENT_ID_SALT): config is read in one place, here. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams, environment and working directory. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    dataOut: process.stdout,
    terminal: process.stderr.isTTY ? process.stderr : undefined,
    env: process.env,
  };
}
