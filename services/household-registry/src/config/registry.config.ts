import { ConfigError, type RuntimeMode } from '@relapse-watch/service-runtime/config';

/** Injection token of the {@link RegistryConfig}. */
export const REGISTRY_CONFIG = Symbol.for('relapse-watch.registry-config');

/** What the registry reads from its environment, besides the runtime's adapters. */
export interface RegistryConfig {
  /**
   * Key of `residentIdHash` for the person reservation streams. A deployment secret: the same
   * value for the life of the event store (changing it would let a person into two households).
   */
  readonly residentIdSalt: string;
  /** Two-digit codes of the provinces whose division tree is loaded (villages households live in). */
  readonly provinces: readonly string[];
}

/**
 * Used in embedded mode when RESIDENT_ID_SALT is unset, so `npm start` works on a new machine.
 * A distributed deployment holds real data and must set its own secret.
 */
export const EMBEDDED_DEVELOPMENT_SALT = 'relapse-watch-embedded-development-salt';

/**
 * Reads the registry's configuration: the one place the registry reads `process.env`.
 * @throws ConfigError naming the variable at fault.
 */
export function loadRegistryConfig(
  mode: RuntimeMode,
  env: Readonly<Record<string, string | undefined>> = process.env,
): RegistryConfig {
  const read = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const salt = read('RESIDENT_ID_SALT');
  if (salt === undefined && mode === 'distributed') {
    throw new ConfigError(
      'RESIDENT_ID_SALT',
      '分布式模式必须设置（部署密钥，至少16个字符）/ must be set in distributed mode (a deployment secret, at least 16 characters)',
    );
  }
  if (salt !== undefined && salt.length < 16)
    throw new ConfigError('RESIDENT_ID_SALT', '至少16个字符 / must have at least 16 characters', '***');
  const provinces = (read('REGISTRY_PROVINCES') ?? '51').split(',').map((p) => p.trim());
  const bad = provinces.find((p) => !/^[1-9]\d$/.test(p));
  if (bad !== undefined)
    throw new ConfigError(
      'REGISTRY_PROVINCES',
      '须为逗号分隔的两位省级代码 / must be comma-separated two-digit province codes',
      bad,
    );
  return { residentIdSalt: salt ?? EMBEDDED_DEVELOPMENT_SALT, provinces };
}
