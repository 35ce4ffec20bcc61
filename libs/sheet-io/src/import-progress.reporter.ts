import { SingleBar } from 'cli-progress';

/** Where an import's progress goes: a bar on a terminal, else log lines. */
export interface ProgressOutput {
  readonly err: (line: string) => void;
  /** A terminal to draw the bar on; absent (tests, pipes, CI logs): a line per tenth of the file. */
  readonly terminal?: NodeJS.WriteStream;
}

/** What every import's progress reports: rows read, rows refused, and the share of the file read (null for XLSX). */
export interface ReportedProgress {
  readonly rows: number;
  readonly rejectedRows: number;
  readonly fraction: number | null;
}

/** The unit an import counts besides rows (households, visits), in both languages, and its count. */
export interface ProgressUnit<P> {
  readonly zh: string;
  readonly en: string;
  readonly count: (progress: P) => number;
}

/**
 * An import's progress for people: a bar with rows, units, refusals and the rate on a terminal;
 * otherwise a log line per tenth of the file (or per 20,000 rows of an XLSX, whose share read
 * is unknown) — a log, not an animation.
 */
export function importProgressReporter<P extends ReportedProgress>(
  io: ProgressOutput,
  unit: ProgressUnit<P>,
): { readonly update: (progress: P) => void; readonly stop: () => void } {
  if (io.terminal !== undefined) {
    const bar = new SingleBar({
      stream: io.terminal,
      format: `导入 importing [{bar}] {percentage}% | {rows} 行 rows | {units} ${unit.zh} ${unit.en} | {rejectedRows} 拒 rejected | {rate} ${unit.zh}/s`,
      hideCursor: true,
    });
    const started = Date.now();
    bar.start(1000, 0, { rows: 0, units: 0, rejectedRows: 0, rate: 0 });
    return {
      update: (p) =>
        bar.update(Math.round((p.fraction ?? 0) * 1000), {
          rows: p.rows,
          units: unit.count(p),
          rejectedRows: p.rejectedRows,
          rate: Math.round(unit.count(p) / Math.max(0.001, (Date.now() - started) / 1000)),
        }),
      stop: () => bar.stop(),
    };
  }
  let reported = -1;
  return {
    update: (p) => {
      const step = p.fraction === null ? Math.floor(p.rows / 20_000) : Math.floor(p.fraction * 10);
      if (step <= reported) return;
      reported = step;
      io.err(
        `导入 / importing: ${p.rows} 行 rows, ${unit.count(p)} ${unit.zh} ${unit.en}, ${p.rejectedRows} 拒 rejected${p.fraction === null ? '' : ` (${Math.round(p.fraction * 100)}%)`}`,
      );
    },
    stop: () => undefined,
  };
}
