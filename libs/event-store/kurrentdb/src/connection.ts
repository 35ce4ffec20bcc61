import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { InvalidKurrentDbConfig } from './errors';

/** URL schemes the client accepts; `esdb` ones still work but the client warns they are deprecated. */
const SCHEMES = ['kurrentdb', 'kurrentdb+discover', 'kurrent', 'kurrent+discover', 'esdb', 'esdb+discover'];
const SCHEME = /^([a-z+]+):\/\//;
const USER_INFO = /^[a-z+]+:\/\/[^@/?]*:([^@/?]*)@/;

/**
 * The connection string with its password (if any) replaced by `***`, for error messages
 * and logs: the string usually comes from EVENT_STORE_URL and may carry credentials.
 */
export function redactConnectionString(value: string): string {
  return redactPassword(value, value);
}

/** `text` with the password of `connectionString` (if it has one) replaced by `***`. */
function redactPassword(text: string, connectionString: string): string {
  const password = USER_INFO.exec(connectionString)?.[1];
  return password ? text.split(password).join('***') : text;
}

/**
 * Checks the connection string and builds a client for it. The client connects lazily,
 * so this never touches the network: an unreachable server shows up on first use.
 * @throws {@link InvalidKurrentDbConfig} for an empty string, an unknown scheme or a string
 * the client's parser refuses (the message never repeats the password).
 */
export function createKurrentDbClient(connectionString: unknown): KurrentDBClient {
  if (typeof connectionString !== 'string' || connectionString.trim().length === 0) {
    throw new InvalidKurrentDbConfig(
      'KurrentDB connection string must be a non-empty string, e.g. kurrentdb://localhost:2113?tls=false',
    );
  }
  const scheme = SCHEME.exec(connectionString)?.[1];
  if (!scheme || !SCHEMES.includes(scheme)) {
    throw new InvalidKurrentDbConfig(
      `KurrentDB connection string must start with one of ${SCHEMES.map((s) => `${s}://`).join(', ')}; got ${redactConnectionString(connectionString).slice(0, 40)}`,
    );
  }
  try {
    return KurrentDBClient.connectionString(connectionString);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidKurrentDbConfig(
      `Invalid KurrentDB connection string: ${redactPassword(reason, connectionString)}`,
    );
  }
}
