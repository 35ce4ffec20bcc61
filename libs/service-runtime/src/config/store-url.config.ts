import { isAbsolute, resolve } from 'node:path';
import { ConfigError, maskValue } from './config.errors';

/** Where the event store lives, parsed from `EVENT_STORE_URL`. */
export type EventStoreTarget =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** Where projections keep their documents, parsed from `READ_STORE_URL`. */
export type ReadStoreTarget =
  | { readonly kind: 'sqlite'; readonly url: string; readonly path: string }
  | { readonly kind: 'mongodb'; readonly url: string };

/** Which message bus integration events travel on, parsed from `BUS_URL`. */
export type BusTarget =
  | { readonly kind: 'inproc'; readonly url: string }
  | { readonly kind: 'kafka'; readonly url: string; readonly brokers: readonly string[] };

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
      checkServerUrl(variable, value);
      return { kind: 'postgres', url: value };
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
      checkServerUrl(variable, value);
      return { kind: 'mongodb', url: value };
    default:
      throw unknownScheme(variable, value, 'sqlite:, mongodb://');
  }
}

/** Parses `BUS_URL`: `inproc:` or `kafka://host:port[,host:port…]`. */
export function parseBusUrl(variable: string, value: string): BusTarget {
  const scheme = schemeOf(variable, value, 'inproc:, kafka://host:port');
  switch (scheme) {
    case 'inproc':
      if (value !== 'inproc:') throw new ConfigError(variable, '应为 "inproc:"，不带其他内容 / must be exactly "inproc:"', maskValue(value));
      return { kind: 'inproc', url: value };
    case 'kafka': {
      // A Kafka URL lists several bootstrap brokers, which WHATWG URL cannot parse.
      const list = value.slice('kafka://'.length).replace(/\/+$/, '');
      const brokers = list.split(',').map((b) => b.trim());
      const broker = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;
      const bad = brokers.find((b) => !broker.test(b) || Number(b.slice(b.lastIndexOf(':') + 1)) > 65535);
      if (!value.startsWith('kafka://') || bad !== undefined) {
        throw new ConfigError(variable, '应为 kafka://主机:端口[,主机:端口…] / must be kafka://host:port[,host:port…]', maskValue(value));
      }
      return { kind: 'kafka', url: value, brokers };
    }
    default:
      throw unknownScheme(variable, value, 'inproc:, kafka://');
  }
}

function schemeOf(variable: string, value: string, expected: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!match) throw new ConfigError(variable, `不是 URL，应为 ${expected} / is not a URL; expected ${expected}`, maskValue(value));
  return match[1].toLowerCase();
}

function unknownScheme(variable: string, value: string, expected: string): ConfigError {
  return new ConfigError(variable, `不支持的类型，应为 ${expected} / has an unsupported scheme; expected ${expected}`, maskValue(value));
}

function sqlitePath(variable: string, value: string, cwd: string): string {
  // `sqlite:///abs/file.db` is accepted too, as other tools write it.
  let path = value.slice('sqlite:'.length);
  if (path.startsWith('//')) path = path.slice(2);
  if (path.length === 0 || path.includes('\0')) {
    throw new ConfigError(variable, '缺少数据库文件路径，应为 sqlite:<路径> / must name a file: sqlite:<path>', maskValue(value));
  }
  if (path === ':memory:') return path;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function checkServerUrl(variable: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, '不是有效的 URL / is not a valid URL', maskValue(value));
  }
  if (url.hostname.length === 0) throw new ConfigError(variable, '缺少主机名 / must name a host', maskValue(value));
}
