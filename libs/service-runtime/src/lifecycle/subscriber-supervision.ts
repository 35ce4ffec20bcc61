import type { EventRelay } from '@relapse-watch/messaging-core';
import type { ProjectionRunner } from '@relapse-watch/read-store-core';
import type { Logger } from 'pino';
import type { ReadinessRegistry } from '../health/readiness.registry';
import type { SubscriptionLagRegistry } from '../metrics/subscription-lag.registry';
import type { ShutdownSequence } from './shutdown.sequence';

const LAG_REPORT_MS = 1_000;

/** Where a service's subscribers are watched: their lag (metrics), their stop (shutdown) and their health (readiness). */
export interface SubscriberSupervision {
  readonly shutdown: ShutdownSequence;
  readonly lag: SubscriptionLagRegistry;
  readonly readiness: ReadinessRegistry;
  readonly logger: Pick<Logger, 'info'>;
}

/**
 * Starts a read model's runner under supervision: its checkpoint reported as lag every second,
 * stopped in the `subscribers` shutdown phase (before the bus and the stores close), not ready
 * once it stopped on an error.
 */
export async function startSupervisedProjection(
  supervision: SubscriberSupervision,
  name: string,
  runner: ProjectionRunner<unknown>,
): Promise<void> {
  const timer = setInterval(() => supervision.lag.report(name, runner.checkpoint), LAG_REPORT_MS);
  timer.unref();
  supervision.shutdown.register('subscribers', name, async () => {
    clearInterval(timer);
    await runner.stop();
  });
  supervision.readiness.register(name, async () => {
    if (runner.error !== null) throw new Error(`${name} stopped on an error`);
    return { checkpoint: runner.checkpoint };
  });
  await runner.start();
  supervision.logger.info({ projection: name, checkpoint: runner.checkpoint }, '读模型已启动 / read model started');
}

/** Starts a relay under the same supervision: its last published position as lag, stopped first, not ready once failed. */
export async function startSupervisedRelay(
  supervision: SubscriberSupervision,
  name: string,
  relay: EventRelay,
): Promise<void> {
  const timer = setInterval(() => supervision.lag.report(name, relay.lastPublishedPosition), LAG_REPORT_MS);
  timer.unref();
  supervision.shutdown.register('subscribers', name, async () => {
    clearInterval(timer);
    await relay.stop();
  });
  supervision.readiness.register(name, async () => {
    if (relay.status === 'failed') throw new Error(`${name} stopped on an error`);
    return { relay: relay.status, lastPublishedPosition: relay.lastPublishedPosition };
  });
  await relay.start();
}
