import type { RuntimeConfig } from './runtime.config';

/**
 * Refuses, before anything is opened, a configuration naming an adapter this build does not
 * carry yet (KurrentDB). Checking first means no store is opened (and none left half-open)
 * when a later one would be refused.
 * @throws {@link ConfigError}
 */
export function checkAdaptersAvailable(_config: RuntimeConfig): void {
  // Every adapter EVENT_STORE_URL, READ_STORE_URL and BUS_URL can name is in this build now;
  // the check stays as the one place a future optional adapter is refused before anything opens.
}
