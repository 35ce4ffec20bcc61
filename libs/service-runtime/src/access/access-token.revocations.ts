/** Injection token of the process's {@link AccessTokenRevocations}. */
export const ACCESS_TOKEN_REVOCATIONS = Symbol.for('relapse-watch.access-token-revocations');

/**
 * Access tokens signed out before they expire. Held in memory until each token's own expiry
 * (minutes), so the list stays small. In embedded mode sign-out and every route share this
 * process; in distributed mode the gateway checks it before forwarding, and a service behind it
 * honours a revoked token only until it expires (the price of tokens it verifies on its own).
 */
export class AccessTokenRevocations {
  private readonly revoked = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  revoke(jti: string, expiresAt: Date): void {
    this.prune();
    this.revoked.set(jti, expiresAt.getTime());
  }

  isRevoked(jti: string): boolean {
    const until = this.revoked.get(jti);
    return until !== undefined && until > this.now();
  }

  private prune(): void {
    const now = this.now();
    for (const [jti, until] of this.revoked) if (until <= now) this.revoked.delete(jti);
  }
}
