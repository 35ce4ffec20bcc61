import { createHash, createHmac, timingSafeEqual, type Hash } from 'node:crypto';
import type { LogSeal } from './log-seals.port';

/** One key seals are signed with: its id (stored with every seal) and its secret. */
export interface LogSealKey {
  readonly keyId: string;
  readonly secret: Buffer;
}

/** The keys of `AUDIT_SEAL_KEY`: the first signs new seals, every one verifies old seals. */
export interface LogSealKeyring {
  readonly current: LogSealKey;
  readonly byId: ReadonlyMap<string, LogSealKey>;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Shorter secrets are refused: an HMAC key below 128 bits can be searched. */
const MIN_SECRET_BYTES = 16;

/**
 * Parses `<keyId>:<base64 secret>[,<keyId>:<base64 secret>…]`, the first the current key (a
 * rotated-out key stays listed after it so that older seals still verify).
 * @throws Error naming the entry by its place, never showing a secret.
 */
export function parseLogSealKeys(text: string): LogSealKeyring {
  const keys = text.split(',').map((entry, i) => parseEntry(entry.trim(), i + 1));
  const byId = new Map<string, LogSealKey>();
  for (const [i, key] of keys.entries()) {
    if (byId.has(key.keyId))
      throw new Error(`第 ${i + 1} 个密钥的 id 重复 / entry ${i + 1} repeats key id ${key.keyId}`);
    byId.set(key.keyId, key);
  }
  return { current: keys[0], byId };
}

function parseEntry(entry: string, place: number): LogSealKey {
  const colon = entry.indexOf(':');
  const keyId = entry.slice(0, colon);
  const encoded = entry.slice(colon + 1);
  if (colon < 1 || !KEY_ID.test(keyId))
    throw new Error(
      `第 ${place} 个密钥须为 <id>:<base64>（id 为字母、数字、. _ -）/ entry ${place} must be <id>:<base64> (id of letters, digits, . _ -)`,
    );
  const secret = Buffer.from(encoded, 'base64');
  if (!BASE64.test(encoded) || secret.length < MIN_SECRET_BYTES)
    throw new Error(
      `第 ${place} 个密钥须为至少 ${MIN_SECRET_BYTES} 字节的 base64 / entry ${place} must be base64 of at least ${MIN_SECRET_BYTES} bytes`,
    );
  return { keyId, secret };
}

/**
 * The running digest of one seal: SHA-256 over the previous seal's digest ("" for the first) and
 * then, for each covered event in position order, `<position>:<hash>\n`. Positions are in it so
 * that moving an event to another place changes the digest even when every stream's chain holds.
 */
export class LogSealDigest {
  private readonly hash: Hash;
  private count = 0;
  private last: number;

  constructor(
    readonly prevDigest: string | null,
    readonly fromPosition: number,
  ) {
    this.hash = createHash('sha256').update(`${prevDigest ?? ''}\n`);
    this.last = fromPosition;
  }

  /** Adds the next covered event. */
  add(position: number, eventHash: string): void {
    this.hash.update(`${position}:${eventHash}\n`);
    this.count++;
    this.last = position;
  }

  /** Events added so far. */
  get eventCount(): number {
    return this.count;
  }

  /** Position of the last event added (`fromPosition` when none). */
  get lastPosition(): number {
    return this.last;
  }

  /** The digest of the events added so far; more may be added after. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

/** The signed fields of a seal, in the order the signature covers them. */
export type SealedFields = Pick<
  LogSeal,
  'fromPosition' | 'toPosition' | 'eventCount' | 'digest' | 'prevDigest' | 'keyId'
>;

/**
 * HMAC-SHA256 (hex) over a seal's canonical form: a version tag and the fields joined by "\n"
 * (none can hold a newline: numbers, hex and a checked key id).
 */
export function sealSignature(fields: SealedFields, secret: Buffer): string {
  const canonical = [
    'relapse-watch.log-seal.v1',
    fields.fromPosition,
    fields.toPosition,
    fields.eventCount,
    fields.digest,
    fields.prevDigest ?? '',
    fields.keyId,
  ].join('\n');
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

/** The seal of what `digest` holds, signed with `key`. `sealedAt` comes from the caller's clock. */
export function signLogSeal(digest: LogSealDigest, key: LogSealKey, sealedAt: string): LogSeal {
  const fields: SealedFields = {
    fromPosition: digest.fromPosition,
    toPosition: digest.lastPosition,
    eventCount: digest.eventCount,
    digest: digest.digest(),
    prevDigest: digest.prevDigest,
    keyId: key.keyId,
  };
  return { ...fields, signature: sealSignature(fields, key.secret), sealedAt };
}

/** Whether `seal` carries `key`'s signature over its fields (compared in constant time). */
export function sealSignatureHolds(seal: LogSeal, key: LogSealKey): boolean {
  const expected = Buffer.from(sealSignature(seal, key.secret), 'hex');
  const found = Buffer.from(/^[0-9a-f]{64}$/.test(seal.signature) ? seal.signature : '', 'hex');
  return found.length === expected.length && timingSafeEqual(found, expected);
}
