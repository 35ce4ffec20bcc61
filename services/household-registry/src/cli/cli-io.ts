/** Where a CLI run writes and which folder relative paths are taken from; tests pass their own. */
export interface CliIo {
  /** Results (the summary line), one line per call. */
  readonly out: (line: string) => void;
  /** Progress and errors, one line per call. */
  readonly err: (line: string) => void;
  readonly cwd: string;
}

/** The process's own streams and working directory. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}
