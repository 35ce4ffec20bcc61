import { ConfigError, type RuntimeMode } from '@relapse-watch/service-runtime/config';

/** Injection token of the {@link InspectionConfig}. */
export const INSPECTION_CONFIG = Symbol.for('relapse-watch.inspection-config');

/** What the inspection service reads from its environment, besides the runtime's adapters. */
export interface InspectionConfig {
  /**
   * Base URL of the registry's HTTP API, where corrections found in the field are sent as the
   * registry's own commands. Null in embedded mode: the registry answers in the same process,
   * at the process's own address.
   */
  readonly registryUrl: string | null;
}

/**
 * Reads the inspection service's configuration: the one place it reads `process.env`.
 * @throws ConfigError naming the variable at fault.
 */
export function loadInspectionConfig(
  mode: RuntimeMode,
  env: Readonly<Record<string, string | undefined>> = process.env,
): InspectionConfig {
  const registryUrl = env['REGISTRY_URL']?.trim() || null;
  if (registryUrl === null && mode === 'distributed')
    throw new ConfigError(
      'REGISTRY_URL',
      '分布式模式必须设置户籍服务地址 / must be set in distributed mode (the registry service URL)',
    );
  if (registryUrl !== null && !/^https?:\/\/[^\s/]+/.test(registryUrl))
    throw new ConfigError('REGISTRY_URL', '须为 http(s) 地址 / must be an http(s) URL', registryUrl);
  return { registryUrl };
}
