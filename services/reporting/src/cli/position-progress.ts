import { SingleBar } from 'cli-progress';
import type { ReportingCliIo } from './reporting-cli.io';

/**
 * Progress over log positions: a bar on a terminal; otherwise one line per tenth of the log
 * (tests, pipes and CI logs get no control characters).
 */
export function positionProgress(io: ReportingCliIo, label: string, total: number) {
  const started = Date.now();
  if (io.terminal !== undefined) {
    const bar = new SingleBar({
      stream: io.terminal,
      format: `${label} [{bar}] {percentage}% | {value}/{total} 事件 events | {rate} 事件/秒 events/s`,
      hideCursor: true,
    });
    bar.start(Math.max(total, 1), 0, { rate: 0 });
    return {
      update: (position: number) =>
        bar.update(Math.min(position, total), {
          rate: Math.round(position / Math.max(0.001, (Date.now() - started) / 1000)),
        }),
      stop: () => bar.stop(),
    };
  }
  let reported = 0;
  return {
    update: (position: number) => {
      const tenth = total === 0 ? 10 : Math.floor((position / total) * 10);
      if (tenth > reported) {
        reported = tenth;
        io.err(`${label}: ${Math.min(position, total)}/${total} 事件 events`);
      }
    },
    stop: () => undefined,
  };
}
