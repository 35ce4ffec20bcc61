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
  /**
   * The bus consumer group the inspection reads the registry's events in, and the name its
   * processed message ids are kept under (`INSPECTION_CONSUMER_GROUP`, default `inspection`).
   * One per deployment: every process of the service shares it, so each event is folded once;
   * a new group reads the topic from its start.
   */
  readonly consumerGroup: string;
}

/** The consumer group when INSPECTION_CONSUMER_GROUP is not set. */
export const DEFAULT_CONSUMER_GROUP = 'inspection';

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
  const consumerGroup = env['INSPECTION_CONSUMER_GROUP']?.trim() || DEFAULT_CONSUMER_GROUP;
  if (!/^[a-z][a-z0-9._-]{0,99}$/.test(consumerGroup))
    throw new ConfigError(
      'INSPECTION_CONSUMER_GROUP',
      '须为小写字母开头的字母、数字、点、横线或下划线 / must be lower-case letters, digits, dots, dashes or underscores, starting with a letter',
      consumerGroup,
    );
  return { registryUrl, consumerGroup };
}
