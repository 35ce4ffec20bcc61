import { dirname, join } from 'node:path';
import {
  ConfigError,
  parseEventStoreUrl,
  type EventStoreTarget,
  type RuntimeConfig,
} from '@relapse-watch/service-runtime/config';

/** Injection token of the {@link ReportingConfig}. */
export const REPORTING_CONFIG = Symbol.for('relapse-watch.reporting-config');

/** What the reporting service reads from its environment, besides the runtime's adapters. */
export interface ReportingConfig {
  /**
   * The bus consumer group the reporting reads every context's integration events in
   * (`REPORTING_CONSUMER_GROUP`, default `reporting`).
   */
  readonly consumerGroup: string;
  /**
   * The reporting's own log of the integration events it consumed (`REPORTING_INBOX_URL`, an
   * event store URL). Default: `reporting-inbox.db` beside an embedded SQLite event store; the
   * `reporting_inbox` schema of the PostgreSQL event store; the KurrentDB event store itself
   * (its streams are `reporting-inbox-…`).
   */
  readonly inbox: EventStoreTarget;
}

/** The consumer group when REPORTING_CONSUMER_GROUP is not set. */
export const DEFAULT_REPORTING_GROUP = 'reporting';
/** The inbox's PostgreSQL schema by default. */
export const DEFAULT_INBOX_SCHEMA = 'reporting_inbox';

/** The inbox beside the runtime's event store, when REPORTING_INBOX_URL is not set. */
export function defaultInbox(eventStore: EventStoreTarget): EventStoreTarget {
  switch (eventStore.kind) {
    case 'sqlite': {
      const path = join(dirname(eventStore.path), 'reporting-inbox.db');
      return { kind: 'sqlite', url: `sqlite:${path}`, path };
    }
    case 'postgres':
      return { ...eventStore, schema: DEFAULT_INBOX_SCHEMA };
    case 'kurrentdb':
      return eventStore;
  }
}

/**
 * Reads the reporting service's configuration: the one place it reads `process.env`.
 * @throws ConfigError naming the variable at fault.
 */
export function loadReportingConfig(
  runtime: Pick<RuntimeConfig, 'eventStore'>,
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): ReportingConfig {
  const consumerGroup = env['REPORTING_CONSUMER_GROUP']?.trim() || DEFAULT_REPORTING_GROUP;
  if (!/^[a-z][a-z0-9._-]{0,99}$/.test(consumerGroup))
    throw new ConfigError(
      'REPORTING_CONSUMER_GROUP',
      '须为小写字母开头的字母、数字、点、横线或下划线 / must be lower-case letters, digits, dots, dashes or underscores, starting with a letter',
      consumerGroup,
    );
  const inboxUrl = env['REPORTING_INBOX_URL']?.trim();
  const inbox = inboxUrl ? parseEventStoreUrl('REPORTING_INBOX_URL', inboxUrl, cwd) : defaultInbox(runtime.eventStore);
  return { consumerGroup, inbox };
}
