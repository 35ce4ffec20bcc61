import { ConfigError, type RuntimeMode } from '@relapse-watch/service-runtime/config';

/** Injection token of the {@link AssistanceConfig}. */
export const ASSISTANCE_CONFIG = Symbol.for('relapse-watch.assistance-config');

/** What the assistance service reads from its environment, besides the runtime's adapters. */
export interface AssistanceConfig {
  /**
   * The bus consumer group the assistance service reads the registry's and the inspection's
   * events in, and the name its processed message ids are kept under (`ASSISTANCE_CONSUMER_GROUP`,
   * default `assistance`). One per deployment: every process of the service shares it.
   */
  readonly consumerGroup: string;
  /**
   * How often the deadline watcher looks for overdue steps (`DEADLINE_WATCH_INTERVAL_MS`, default
   * one hour; 0 turns it off, e.g. for a process that only serves reads).
   */
  readonly deadlineWatchIntervalMs: number;
  /**
   * Key of the salted resident-ID hashes (`RESIDENT_ID_SALT`): a department's warning that names a
   * person is looked up by the hash the registry publishes, so it must be the registry's own
   * secret. Required in distributed mode, as the registry's is; embedded, both read the same
   * variable and fall back to the same development salt.
   */
  readonly residentIdSalt: string;
}

/**
 * The embedded mode's development salt when RESIDENT_ID_SALT is unset: the registry's
 * (`EMBEDDED_DEVELOPMENT_SALT`, the embedded app's spec checks the two are equal), so the
 * services of one embedded process hash the same person alike.
 */
export const EMBEDDED_RESIDENT_ID_SALT = 'relapse-watch-embedded-development-salt';

/** The consumer group when ASSISTANCE_CONSUMER_GROUP is not set. */
export const DEFAULT_CONSUMER_GROUP = 'assistance';
const HOUR_MS = 3_600_000;

/**
 * Reads the assistance service's configuration: the one place it reads `process.env`.
 * @throws ConfigError naming the variable at fault.
 */
export function loadAssistanceConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  mode: RuntimeMode = 'embedded',
): AssistanceConfig {
  const consumerGroup = env['ASSISTANCE_CONSUMER_GROUP']?.trim() || DEFAULT_CONSUMER_GROUP;
  if (!/^[a-z][a-z0-9._-]{0,99}$/.test(consumerGroup))
    throw new ConfigError(
      'ASSISTANCE_CONSUMER_GROUP',
      '须为小写字母开头的字母、数字、点、横线或下划线 / must be lower-case letters, digits, dots, dashes or underscores, starting with a letter',
      consumerGroup,
    );
  const interval = env['DEADLINE_WATCH_INTERVAL_MS']?.trim();
  const deadlineWatchIntervalMs = interval === undefined || interval === '' ? HOUR_MS : Number(interval);
  if (
    !Number.isInteger(deadlineWatchIntervalMs) ||
    deadlineWatchIntervalMs < 0 ||
    deadlineWatchIntervalMs > 24 * HOUR_MS
  )
    throw new ConfigError(
      'DEADLINE_WATCH_INTERVAL_MS',
      '须为 0 到 86400000 之间的整数毫秒 / must be whole milliseconds from 0 to 86400000',
      interval,
    );
  const salt = env['RESIDENT_ID_SALT']?.trim() || undefined;
  if (salt === undefined && mode === 'distributed')
    throw new ConfigError(
      'RESIDENT_ID_SALT',
      '分布式模式必须设置（与户籍服务相同的部署密钥）/ must be set in distributed mode (the registry’s own deployment secret)',
    );
  if (salt !== undefined && salt.length < 16)
    throw new ConfigError('RESIDENT_ID_SALT', '至少16个字符 / must have at least 16 characters', '***');
  return { consumerGroup, deadlineWatchIntervalMs, residentIdSalt: salt ?? EMBEDDED_RESIDENT_ID_SALT };
}

/** The configuration of a process in `mode`, from its environment. */
export function assistanceConfigOf(mode: RuntimeMode): AssistanceConfig {
  return loadAssistanceConfig(process.env, mode);
}
