import { notAvailable } from '../event-store/event-store.factory';
import type { RuntimeConfig } from './runtime.config';

/**
 * Refuses, before anything is opened, a configuration naming an adapter this build does not
 * carry yet (KurrentDB). Checking first means no store is opened (and none left half-open)
 * when a later one would be refused.
 * @throws {@link ConfigError}
 */
export function checkAdaptersAvailable(config: RuntimeConfig): void {
  if (config.eventStore.kind === 'kurrentdb') throw notAvailable('EVENT_STORE_URL', config.eventStore.kind, config.eventStore.url);
}
