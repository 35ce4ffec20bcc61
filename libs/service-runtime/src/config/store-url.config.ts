import { isAbsolute, resolve } from 'node:path';
import { ConfigError, maskValue } from './config.errors';

/** Where the event store lives, parsed from `EVENT_STORE_URL`. */
export type EventStoreTarget =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** The URL without the `schema` parameter, as the PostgreSQL client takes it. */
      readonly connectionString: string;
      /** Schema holding the event tables: the URL's `schema` parameter, else {@link DEFAULT_POSTGRES_SCHEMA}. */
      readonly schema: string;
    }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** The PostgreSQL schema of the event store when the URL names none. */
export const DEFAULT_POSTGRES_SCHEMA = 'event_store';

/** Where projections keep their documents, parsed from `READ_STORE_URL`. */
export type ReadStoreTarget =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | {
      readonly kind: 'mongodb';
      readonly url: string;
      /** The database named in the URL's path (required: the driver's silent default is `test`). */
      readonly database: string;
    };

/** Which message bus integration events travel on, parsed from `BUS_URL`. */
export type BusTarget =
  | { readonly kind: 'inproc'; readonly url: string }
  | {
      readonly kind: 'kafka';
      readonly url: string;
      readonly brokers: readonly string[];
      /** The client behind the Bus port: @platformatic/kafka (default) or kafkajs (`?client=kafkajs`). */
      readonly client: KafkaClientName;
    };

/** The Kafka clients the bus can run on. */
export type KafkaClientName = 'kafkajs' | 'platformatic';

/** A SQLite URL for a file: `sqlite:<path>`, a relative path being taken from the working directory. */
export function sqliteUrl(path: string): string {
  return `sqlite:${path}`;
}

/** Parses `EVENT_STORE_URL`. */
export function parseEventStoreUrl(variable: string, value: string, cwd: string): EventStoreTarget {
  const scheme = schemeOf(variable, value, 'sqlite:<文件路径 path>, postgres://, kurrentdb://');
  switch (scheme) {
    case 'sqlite':
      return { kind: 'sqlite', url: value, path: sqlitePath(variable, value, cwd) };
    case 'postgres':
    case 'postgresql':
      return postgresTarget(variable, value);
    case 'kurrentdb':
    case 'kurrentdb+discover':
    case 'esdb':
    case 'esdb+discover':
      checkServerUrl(variable, value);
      return { kind: 'kurrentdb', url: value };
    default:
      throw unknownScheme(variable, value, 'sqlite:, postgres://, kurrentdb://');
  }
}

/** Parses `READ_STORE_URL`. */
export function parseReadStoreUrl(variable: string, value: string, cwd: string): ReadStoreTarget {
  const scheme = schemeOf(variable, value, 'sqlite:<文件路径 path>, mongodb://');
  switch (scheme) {
    case 'sqlite':
      return { kind: 'sqlite', url: value, path: sqlitePath(variable, value, cwd) };
    case 'mongodb':
    case 'mongodb+srv':
      return mongoTarget(variable, value);
    default:
      throw unknownScheme(variable, value, 'sqlite:, mongodb://');
  }
}

/** Parses `BUS_URL`: `inproc:` or `kafka://host:port[,host:port…][?client=platformatic|kafkajs]` (default platformatic). */
export function parseBusUrl(variable: string, value: string): BusTarget {
  const scheme = schemeOf(variable, value, 'inproc:, kafka://host:port');
  switch (scheme) {
    case 'inproc':
      if (value !== 'inproc:')
        throw new ConfigError(variable, '应为 "inproc:"，不带其他内容 / must be exactly "inproc:"', maskValue(value));
      return { kind: 'inproc', url: value };
    case 'kafka': {
      // A Kafka URL lists several bootstrap brokers, which WHATWG URL cannot parse.
      const [address, query = ''] = value.slice('kafka://'.length).split('?', 2);
      const list = address.replace(/\/+$/, '');
      const client = query === '' ? 'platformatic' : /^client=(kafkajs|platformatic)$/.exec(query)?.[1];
      if (client === undefined) {
        throw new ConfigError(
          variable,
          '只接受参数 ?client=kafkajs 或 ?client=platformatic / takes only ?client=kafkajs or ?client=platformatic',
          maskValue(value),
        );
      }
      const brokers = list.split(',').map((b) => b.trim());
      const broker = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;
      const bad = brokers.find((b) => !broker.test(b) || Number(b.slice(b.lastIndexOf(':') + 1)) > 65535);
      if (!value.startsWith('kafka://') || bad !== undefined) {
        throw new ConfigError(
          variable,
          '应为 kafka://主机:端口[,主机:端口…] / must be kafka://host:port[,host:port…]',
          maskValue(value),
        );
      }
      return { kind: 'kafka', url: value, brokers, client: client as KafkaClientName };
    }
    default:
      throw unknownScheme(variable, value, 'inproc:, kafka://');
  }
}

function schemeOf(variable: string, value: string, expected: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!match)
    throw new ConfigError(
      variable,
      `不是 URL，应为 ${expected} / is not a URL; expected ${expected}`,
      maskValue(value),
    );
  return match[1].toLowerCase();
}

function unknownScheme(variable: string, value: string, expected: string): ConfigError {
  return new ConfigError(
    variable,
    `不支持的类型，应为 ${expected} / has an unsupported scheme; expected ${expected}`,
    maskValue(value),
  );
}

function sqlitePath(variable: string, value: string, cwd: string): string {
  // `sqlite:///abs/file.db` is accepted too, as other tools write it.
  let path = value.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path.length === 0 || path.includes('\0')) {
    throw new ConfigError(
      variable,
      '缺少数据库文件路径，应为 sqlite:<路径> / must name a file: sqlite:<path>',
      maskValue(value),
    );
  }
  if (path === ':memory:') return path;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

// Spliced into SQL by the adapter, so only plain lower-case identifiers (the adapter's own rule).
const POSTGRES_SCHEMA = /^[a-z_][a-z0-9_]{0,47}$/;

function postgresTarget(variable: string, value: string): EventStoreTarget {
  const url = checkServerUrl(variable, value);
  const schema = url.searchParams.get('schema') ?? DEFAULT_POSTGRES_SCHEMA;
  if (!POSTGRES_SCHEMA.test(schema)) {
    throw new ConfigError(
      variable,
      'schema 参数只能含小写字母、数字和 _（最多 48 个）/ schema parameter must be lower-case letters, digits and _ (at most 48)',
      maskValue(value),
    );
  }
  // pg would pass an unknown `schema` parameter on to the server as a start-up option.
  url.searchParams.delete('schema');
  return { kind: 'postgres', url: value, connectionString: url.toString(), schema };
}

// A database name MongoDB accepts: no path separators, spaces, dots, quotes or `$`.
const MONGO_DATABASE = /^[^/\\. "$*<>:|?]{1,63}$/;
// Parsed by hand: a replica-set URL lists several hosts (`h1:27017,h2:27017`), which WHATWG URL refuses.
const MONGO_URL = /^mongodb(?:\+srv)?:\/\/(?:[^@/?#]*@)?([^/?#]+)(?:\/([^?#]*))?(?:\?[^#]*)?$/i;

function mongoTarget(variable: string, value: string): ReadStoreTarget {
  const match = MONGO_URL.exec(value);
  if (!match) throw new ConfigError(variable, '不是有效的 URL / is not a valid URL', maskValue(value));
  let database = '';
  try {
    database = decodeURIComponent(match[2] ?? '');
  } catch {
    // An undecodable path is reported below as a missing database name.
  }
  if (!MONGO_DATABASE.test(database)) {
    throw new ConfigError(
      variable,
      '应为 mongodb://主机:端口/数据库 / must name a database: mongodb://host:port/database',
      maskValue(value),
    );
  }
  return { kind: 'mongodb', url: value, database };
}

function checkServerUrl(variable: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, '不是有效的 URL / is not a valid URL', maskValue(value));
  }
  if (url.hostname.length === 0) throw new ConfigError(variable, '缺少主机名 / must name a host', maskValue(value));
  return url;
}
