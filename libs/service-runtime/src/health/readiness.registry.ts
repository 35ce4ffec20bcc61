/**
 * One dependency the service needs before it can take traffic. Resolves (optionally with
 * details to show) when the dependency answers; throws when it does not.
 */
export type ReadinessCheck = () => Promise<Record<string, unknown> | void>;

/**
 * The dependencies `GET /health/ready` checks. The runtime registers the event store; the read
 * store and the bus register here the same way when their modules are added.
 */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** Adds (or replaces) the check named `name`, e.g. `eventStore`. */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** The registered checks, in registration order. */
  entries(): [string, ReadinessCheck][] {
    return [...this.checks];
  }
}
