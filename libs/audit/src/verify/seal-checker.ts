import { LogSealDigest, sealSignatureHolds, type LogSeal, type LogSealKeyring } from '@relapse-watch/event-store-core';
import { sealProblem, type VerifyProblem } from './verify-problem';

/**
 * The seal half of {@link LogVerifier}: as events stream past in position order, opens each seal
 * when the log enters its range (checking its chain to the previous seal and its signature),
 * digests the range's events as stored, and compares count and digest when the log leaves it.
 */
export class SealChecker {
  private next = 0;
  private current: { readonly seal: LogSeal; readonly digest: LogSealDigest } | null = null;
  private previous: LogSeal | null = null;
  private sealsChecked = 0;
  private unsealed = 0;
  constructor(
    private readonly seals: readonly LogSeal[],
    private readonly keyring: LogSealKeyring | null,
    /** True when the scan starts at position 0: the first seal must then start there too. */
    private readonly wholeLog: boolean,
    /** The log's last sealed position: events after it are unsealed. */
    readonly lastSealedPosition: number,
    private readonly found: (problem: VerifyProblem) => void,
  ) {}

  /** The next event, in position order, with its stored hash. */
  event(position: number, hash: string): void {
    for (;;) {
      if (this.current !== null && position > this.current.seal.toPosition) this.close();
      else if (this.current === null && this.next < this.seals.length && position > this.seals[this.next].fromPosition)
        this.open(this.seals[this.next++]);
      else break;
    }
    this.current?.digest.add(position, hash);
    if (position > this.lastSealedPosition) this.unsealed++;
  }

  /** The log ended: the open seal and any seal past the last event are checked. */
  finish(): void {
    if (this.current !== null) this.close();
    while (this.next < this.seals.length) {
      this.open(this.seals[this.next++]);
      this.close();
    }
  }

  get checked(): number {
    return this.sealsChecked;
  }

  get unsealedEvents(): number {
    return this.unsealed;
  }

  private open(seal: LogSeal): void {
    this.sealsChecked++;
    for (const problem of sealFaults(seal, this.previous, this.keyring, this.wholeLog)) this.found(problem);
    this.current = { seal, digest: new LogSealDigest(seal.prevDigest, seal.fromPosition) };
    this.previous = seal;
  }

  private close(): void {
    const { seal, digest } = this.current!;
    this.current = null;
    if (digest.eventCount < seal.eventCount)
      this.found(
        sealProblem('event.missing', seal, {
          zh: `封签范围内的事件缺失（封签记录 ${seal.eventCount} 个，现存 ${digest.eventCount} 个）`,
          en: `events missing in the sealed range (sealed ${seal.eventCount}, found ${digest.eventCount})`,
        }),
      );
    else if (digest.eventCount !== seal.eventCount || digest.digest() !== seal.digest)
      this.found(
        sealProblem('seal.digest-mismatch', seal, {
          zh: '封签范围内的事件与封签摘要不符（被修改、调换或插入）',
          en: 'events in the sealed range do not match the seal digest (changed, reordered or inserted)',
        }),
      );
  }
}

/**
 * What is wrong with a seal by itself: its chain to `previous` (null: the first seal read; when
 * the scan covers the whole log it must then start at 0), its key and its signature. Its digest
 * needs the events and is compared when its range has been read.
 */
export function sealFaults(
  seal: LogSeal,
  previous: LogSeal | null,
  keyring: LogSealKeyring | null,
  wholeLog: boolean,
): VerifyProblem[] {
  const faults: VerifyProblem[] = [];
  // From a position other than 0 the first seal's predecessor is not read: its own prevDigest is
  // taken as given (the signature covers it).
  const chained =
    previous !== null
      ? seal.fromPosition === previous.toPosition && seal.prevDigest === previous.digest
      : !wholeLog || (seal.fromPosition === 0 && seal.prevDigest === null);
  if (!chained)
    faults.push(
      sealProblem('seal.chain-broken', seal, {
        zh: '封签未接续上一封签（封签被删除或替换）',
        en: 'seal does not continue the previous seal (a seal removed or replaced)',
      }),
    );
  const key = keyring?.byId.get(seal.keyId);
  if (key === undefined)
    faults.push(
      sealProblem('seal.key-unknown', seal, {
        zh: `封签密钥 ${seal.keyId} 未配置（AUDIT_SEAL_KEY）`,
        en: `seal key ${seal.keyId} is not configured (AUDIT_SEAL_KEY)`,
      }),
    );
  else if (!sealSignatureHolds(seal, key))
    faults.push(
      sealProblem('seal.signature-invalid', seal, {
        zh: '封签签名无效（伪造或被修改）',
        en: 'seal signature is invalid (forged or altered)',
      }),
    );
  return faults;
}
