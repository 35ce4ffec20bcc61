import { notAvailable } from '../event-store/event-store.factory';
import type { RuntimeConfig } from './runtime.config';

/**
 * Refuses, before anything is opened, a configuration naming an adapter this build does not
 * carry yet. Checking all three first means no store is opened (and none left half-open)
 * when a later one would be refused.
 * @throws {@link ConfigError}
 */
export function checkAdaptersAvailable(config: RuntimeConfig): void {
  if (config.eventStore.kind !== 'sqlite') throw notAvailable('EVENT_STORE_URL', config.eventStore.kind, config.eventStore.url);
  if (config.readStore.kind !== 'sqlite') throw notAvailable('READ_STORE_URL', config.readStore.kind, config.readStore.url);
  if (config.bus.kind !== 'inproc') throw notAvailable('BUS_URL', config.bus.kind, config.bus.url);
}
