/** Where a reporting command writes, and the environment it reads (the server's own variables). */
export interface ReportingCliIo {
  /** Results, one line per call. */
  readonly out: (line: string) => void;
  /** Progress and notices. */
  readonly err: (line: string) => void;
  /** A terminal to draw a progress bar on; absent (tests, pipes, CI logs): a line per tenth. */
  readonly terminal?: NodeJS.WriteStream;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}
