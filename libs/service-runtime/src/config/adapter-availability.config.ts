import { notAvailable } from '../event-store/event-store.factory';
import type { RuntimeConfig } from './runtime.config';

/**
 * Refuses, before anything is opened, a configuration naming an adapter this build does not
 * carry yet. The read store and the bus have no factory in this build, so without this check a
 * `BUS_URL=kafka://…` would silently run on nothing.
 * @throws {@link ConfigError}
 */
export function checkAdaptersAvailable(config: RuntimeConfig): void {
  if (config.eventStore.kind !== 'sqlite') throw notAvailable('EVENT_STORE_URL', config.eventStore.kind, config.eventStore.url);
  if (config.readStore.kind !== 'sqlite') throw notAvailable('READ_STORE_URL', config.readStore.kind, config.readStore.url);
  if (config.bus.kind !== 'inproc') throw notAvailable('BUS_URL', config.bus.kind, config.bus.url);
}
