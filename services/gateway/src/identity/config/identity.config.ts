import { ConfigError } from '@relapse-watch/service-runtime/config';

/** Injection token of the {@link IdentityConfig}. */
export const IDENTITY_CONFIG = Symbol.for('relapse-watch.identity-config');

/** argon2id cost parameters. */
export interface Argon2Cost {
  /** Memory in KiB (`m`). */
  readonly memoryKib: number;
  /** Passes over memory (`t`). */
  readonly iterations: number;
  /** Lanes (`p`). */
  readonly parallelism: number;
}

/** Failed sign-ins allowed in a window, per sign-in name and per client address. */
export interface SignInLimits {
  readonly perUser: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
}

/** What the gateway's sign-in reads from its environment. */
export interface IdentityConfig {
  readonly argon2: Argon2Cost;
  /** Lifetime of an access token: minutes, so a stolen one is short-lived and revocation lists stay small. */
  readonly accessTokenTtlSeconds: number;
  /** Lifetime of a refresh-token family (a working day, then sign in again). */
  readonly refreshTokenTtlSeconds: number;
  readonly signInLimits: SignInLimits;
}

/**
 * OWASP Password Storage Cheat Sheet (2025): argon2id with m = 19 MiB, t = 2, p = 1 — the
 * first of its equivalent settings, cheapest in memory for a gateway that signs many in at once.
 */
export const OWASP_ARGON2ID: Argon2Cost = { memoryKib: 19_456, iterations: 2, parallelism: 1 };

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw new ConfigError(name, `须为 ${min}–${max} 之间的整数 / must be an integer ${min}–${max}`, text);
  return value;
}

/**
 * Reads the sign-in configuration: the one place the gateway's identity reads `process.env`.
 * @throws ConfigError naming the variable at fault.
 */
export function loadIdentityConfig(env: Env = process.env): IdentityConfig {
  return {
    argon2: {
      memoryKib: integer(env, 'AUTH_ARGON2_MEMORY_KIB', OWASP_ARGON2ID.memoryKib, 8_192, 1_048_576),
      iterations: integer(env, 'AUTH_ARGON2_ITERATIONS', OWASP_ARGON2ID.iterations, 1, 10),
      parallelism: integer(env, 'AUTH_ARGON2_PARALLELISM', OWASP_ARGON2ID.parallelism, 1, 8),
    },
    accessTokenTtlSeconds: integer(env, 'AUTH_ACCESS_TOKEN_TTL_SECONDS', 300, 30, 3_600),
    refreshTokenTtlSeconds: integer(env, 'AUTH_REFRESH_TOKEN_TTL_SECONDS', 12 * 3_600, 300, 30 * 24 * 3_600),
    signInLimits: {
      perUser: integer(env, 'AUTH_SIGN_IN_LIMIT_PER_USER', 5, 1, 1_000),
      perAddress: integer(env, 'AUTH_SIGN_IN_LIMIT_PER_ADDRESS', 20, 1, 100_000),
      windowSeconds: integer(env, 'AUTH_SIGN_IN_WINDOW_SECONDS', 15 * 60, 10, 24 * 3_600),
    },
  };
}
