import { ApiError } from '@relapse-watch/service-runtime';
import type { SignInLimits } from '../config/identity.config';

/** 429 with the seconds until the next attempt may succeed (the `Retry-After` header). */
export class TooManySignInAttempts extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, {
      code: 'auth.too-many-attempts',
      message: `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试 / too many failed sign-ins: try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    });
    this.name = 'TooManySignInAttempts';
  }
}

// Past this many keys, expired ones are swept at the next failure, so an attacker cycling
// through names or addresses cannot grow the map without bound.
const SWEEP_ABOVE = 10_000;

/**
 * Failed sign-ins per sign-in name and per client address, in a sliding window. In memory:
 * right for one gateway process (embedded mode, or one gateway in front of the services); with
 * several gateway replicas each counts its own, so the limit multiplies by their number. A
 * success clears the name's count only: the address keeps its failures, so a guesser who also
 * knows one password does not earn fresh attempts on other names.
 */
export class SignInAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: SignInLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** @throws {@link TooManySignInAttempts} when the name or the address has used its attempts. */
  check(signInName: string, address: string): void {
    const wait = Math.max(
      this.waitSeconds(`user:${signInName}`, this.limits.perUser),
      this.waitSeconds(`address:${address}`, this.limits.perAddress),
    );
    if (wait > 0) throw new TooManySignInAttempts(wait);
  }

  recordFailure(signInName: string, address: string): void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep();
    for (const key of [`user:${signInName}`, `address:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  recordSuccess(signInName: string): void {
    this.failures.delete(`user:${signInName}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }

  private waitSeconds(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    const oldestCounted = list[list.length - limit];
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowSeconds * 1000 - this.now()) / 1000));
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }
}
