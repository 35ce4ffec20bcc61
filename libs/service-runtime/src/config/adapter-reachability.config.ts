import { ConfigError, maskValue } from './config.errors';

/**
 * Longest a service waits at start-up for each server-backed adapter to answer. The drivers'
 * own defaults are far longer (MongoDB's server selection 30 s, kafkajs' retries about 10 s,
 * pg none at all), and an operator who mistyped a host should hear so at once.
 */
export const ADAPTER_CONNECT_TIMEOUT_MS = 5_000;

/** The promise settled within `timeoutMs`, else rejected with {@link AdapterTimeout}; the timer never holds the process open. */
export function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AdapterTimeout(timeoutMs)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** {@link withinTimeout} ran out. */
export class AdapterTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'AdapterTimeout';
  }
}

/**
 * Opens an adapter and proves its server answers within `timeoutMs`, or throws the one-line
 * {@link ConfigError} start-up prints: the variable, why it cannot be reached, the URL masked.
 * An adapter that opens after the deadline is closed when it does, so nothing leaks.
 *
 * @param open connects and makes one round trip (a query, a ping, a metadata request).
 */
export async function openReachable<T extends { close(): Promise<void> }>(
  variable: string,
  url: string,
  open: () => Promise<T>,
  timeoutMs: number = ADAPTER_CONNECT_TIMEOUT_MS,
): Promise<T> {
  const opening = open();
  try {
    return await withinTimeout(opening, timeoutMs);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof AdapterTimeout) {
      opening.then((late) => late.close()).catch(() => undefined);
      const seconds = timeoutMs / 1000;
      throw new ConfigError(
        variable,
        `无法连接 / cannot be reached: ${seconds} 秒内无应答 / no answer within ${seconds} s`,
        maskValue(url),
      );
    }
    const reason = reasonOf(error, url);
    // The driver's reason stays in its own words (English): translating it would lose detail.
    throw new ConfigError(variable, `无法连接 / cannot be reached: ${reason}`, maskValue(url));
  }
}

/** A driver error as one short line: first line only, the URL's password never shown. */
function reasonOf(error: unknown, url: string): string {
  // Duck-typed, not instanceof: errors from other realms (Jest's sandbox) are Errors too.
  const fields = (value: unknown): { message?: unknown; code?: unknown; errors?: unknown } =>
    typeof value === 'object' && value !== null
      ? (value as { message?: unknown; code?: unknown; errors?: unknown })
      : {};
  let inner = fields(error);
  // Node reports a refused dual-stack connect as an AggregateError with an empty message.
  if (!inner.message && Array.isArray(inner.errors) && inner.errors.length > 0) inner = fields(inner.errors[0]);
  let text =
    typeof inner.message === 'string' && inner.message
      ? inner.message
      : typeof inner.code === 'string'
        ? inner.code
        : String(error);
  const password = passwordOf(url);
  if (password) text = text.split(password).join('***');
  return maskValue(text.split('\n')[0].trim());
}

function passwordOf(url: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/i.exec(url);
  return match?.[1];
}
