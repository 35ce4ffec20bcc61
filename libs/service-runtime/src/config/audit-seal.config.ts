import { join } from 'node:path';
import { parseLogSealKeys } from '@relapse-watch/event-store-core';
import { ConfigError, maskValue } from './config.errors';

/** Variable holding the keys seals over the log are signed with: `id:base64[,id:base64…]`, the first current. */
export const AUDIT_SEAL_KEY = 'AUDIT_SEAL_KEY';
/** Variable: a seal is cut every this many events. */
export const AUDIT_SEAL_INTERVAL_EVENTS = 'AUDIT_SEAL_INTERVAL_EVENTS';
/** Variable: whatever is committed is sealed at least this often (ms; 0: only by event count). */
export const AUDIT_SEAL_INTERVAL_MS = 'AUDIT_SEAL_INTERVAL_MS';

/** Value used when `AUDIT_SEAL_INTERVAL_EVENTS` is not set. */
export const DEFAULT_AUDIT_SEAL_INTERVAL_EVENTS = 10_000;
/** Value used when `AUDIT_SEAL_INTERVAL_MS` is not set: a minute's events at most stay unsealed. */
export const DEFAULT_AUDIT_SEAL_INTERVAL_MS = 60_000;

/**
 * Where the seal keys come from: configured (`AUDIT_SEAL_KEY`, a deployment secret, required in
 * distributed mode, where every service process seals the shared log and all must sign alike), or
 * in embedded mode a file in the data folder made once (owner-only).
 */
export type AuditSealKeyConfig =
  { readonly kind: 'configured'; readonly keys: string } | { readonly kind: 'generated'; readonly file: string };

/** Tamper evidence over the global log (issue 13): the seal keys and how often seals are cut. */
export interface AuditSealConfig {
  readonly key: AuditSealKeyConfig;
  readonly intervalEvents: number;
  readonly intervalMs: number;
}

/**
 * Reads `AUDIT_SEAL_KEY` (checked when set; required in distributed mode; in embedded mode
 * `<DATA_DIR>/audit-seal-key` when unset), `AUDIT_SEAL_INTERVAL_EVENTS` (1–10,000,000, default 10,000) and
 * `AUDIT_SEAL_INTERVAL_MS` (0–86,400,000, default 60,000).
 * @throws {@link ConfigError} naming the variable; a key's secret is never shown.
 */
export function parseAuditSealConfig(
  read: (name: string) => string | undefined,
  embedded: boolean,
  dataDir: string,
): AuditSealConfig {
  const intervalEvents = whole(AUDIT_SEAL_INTERVAL_EVENTS, read(AUDIT_SEAL_INTERVAL_EVENTS), 1, 10_000_000);
  const intervalMs = whole(AUDIT_SEAL_INTERVAL_MS, read(AUDIT_SEAL_INTERVAL_MS), 0, 86_400_000);
  const settings = {
    intervalEvents: intervalEvents ?? DEFAULT_AUDIT_SEAL_INTERVAL_EVENTS,
    intervalMs: intervalMs ?? DEFAULT_AUDIT_SEAL_INTERVAL_MS,
  };
  const keys = read(AUDIT_SEAL_KEY);
  if (keys === undefined && !embedded)
    throw new ConfigError(
      AUDIT_SEAL_KEY,
      '分布式模式下须设置（id:base64 的密钥，逗号分隔，首个为当前密钥） / is required in distributed mode (id:base64 keys, comma-separated, the first current)',
    );
  if (keys === undefined) return { key: { kind: 'generated', file: join(dataDir, 'audit-seal-key') }, ...settings };
  try {
    parseLogSealKeys(keys);
  } catch (error) {
    // The parser's message names the entry by its place, never a secret.
    throw new ConfigError(AUDIT_SEAL_KEY, (error as Error).message);
  }
  return { key: { kind: 'configured', keys }, ...settings };
}

function whole(variable: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(
      variable,
      `必须是 ${min}–${max} 之间的整数 / must be an integer ${min}–${max}`,
      maskValue(value),
    );
  return n;
}
