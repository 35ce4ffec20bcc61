import { ensureServices, type EnsureServicesOptions, type ServiceName } from './services';

/**
 * A Jest `globalSetup` that starts the named services once per Jest run, before any test
 * file loads. In a project's jest.global-setup.ts:
 *
 *     import { jestGlobalSetup } from '@relapse-watch/testing';
 *     export default jestGlobalSetup(['postgres', 'kafka']);
 *
 * and in its jest.config.cjs: `{ globalSetup: '<rootDir>/jest.global-setup.ts' }`.
 * The services stay up after the run (the next project's run reuses them); `infra/down.sh`
 * stops them.
 */
export function jestGlobalSetup(
  services: readonly ServiceName[],
  options: EnsureServicesOptions = {},
): () => Promise<void> {
  return async () => {
    ensureServices(services, options);
  };
}
