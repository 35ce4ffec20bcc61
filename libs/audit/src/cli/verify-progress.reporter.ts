import { SingleBar } from 'cli-progress';
import type { AuditCliIo } from './audit-cli.io';

/**
 * The verification's progress for people: a bar over the log's positions with the rate on a
 * terminal; otherwise a log line per tenth of the log — a log, not an animation.
 */
export function verifyProgressReporter(
  io: AuditCliIo,
  fromPosition: number,
  headPosition: number,
): { readonly update: (eventsChecked: number, position: number) => void; readonly stop: () => void } {
  const span = Math.max(1, headPosition - fromPosition + 1);
  const share = (position: number) => Math.min(1, Math.max(0, (position - fromPosition + 1) / span));
  const started = Date.now();
  const rate = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
  if (io.terminal !== undefined) {
    const bar = new SingleBar({
      stream: io.terminal,
      format: '校验 verifying [{bar}] {percentage}% | {events} 事件 events | {rate} 事件/s events/s',
      hideCursor: true,
    });
    bar.start(1000, 0, { events: 0, rate: 0 });
    return {
      update: (events, position) => bar.update(Math.round(share(position) * 1000), { events, rate: rate(events) }),
      stop: () => bar.stop(),
    };
  }
  let reported = 0;
  return {
    update: (events, position) => {
      const tenth = Math.floor(share(position) * 10);
      if (tenth <= reported) return;
      reported = tenth;
      io.err(`校验 / verifying: ${events} 事件 events (${tenth * 10}%), ${rate(events)} 事件/s events/s`);
    },
    stop: () => undefined,
  };
}
