/**
 * A configuration variable is missing a usable value, or names something this build cannot
 * run. Start-up stops on it with {@link ConfigError.message} as the only line on stderr, so the
 * message is complete on its own: the variable, what is wrong in Chinese and English, and the
 * value given (with any password masked).
 */
export class ConfigError extends Error {
  constructor(
    /** The environment variable at fault, e.g. `PORT`. */
    readonly variable: string,
    /** What is wrong, as `中文 / English`. */
    readonly problem: string,
    /** The value given, already masked; undefined when the variable was not set. */
    readonly given?: string,
  ) {
    super(`配置错误 / configuration error: ${variable} ${problem}${given === undefined ? '' : ` (got "${given}")`}`);
    this.name = 'ConfigError';
  }
}

const MAX_SHOWN = 120;

/**
 * The value as it may appear in a message or log: the password of a URL masked, control
 * characters escaped and long values cut, so an error line never leaks a secret or breaks the
 * one-line rule.
 */
export function maskValue(value: string): string {
  const masked = value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/i, '$1:***@');
  const printable = masked.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return printable.length > MAX_SHOWN ? `${printable.slice(0, MAX_SHOWN)}…` : printable;
}
