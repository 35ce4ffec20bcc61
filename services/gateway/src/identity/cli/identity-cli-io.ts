/** Where an identity command writes, and the environment it reads (the server's own variables). */
export interface IdentityCliIo {
  /** Results, one line per call: the terminal, never the log (one-time passwords and secrets go here). */
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}
