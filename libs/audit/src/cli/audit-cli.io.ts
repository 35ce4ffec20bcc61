/** Where an audit command writes, and the environment it reads (the server's own variables). */
export interface AuditCliIo {
  /** Results, one line per call. */
  readonly out: (line: string) => void;
  /** Progress and the tampering line, one line per call. */
  readonly err: (line: string) => void;
  readonly cwd: string;
  /** A terminal to draw the progress bar on; absent (tests, pipes, CI logs): progress as log lines. */
  readonly terminal?: NodeJS.WriteStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
}
