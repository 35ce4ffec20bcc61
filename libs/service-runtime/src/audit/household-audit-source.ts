import type { Caller } from '@relapse-watch/access';
import type { AuditTrailPart } from './audit-entry';

/**
 * One service's side of a household's audit trail, read from its own event store: what each
 * service's `HouseholdAuditTrail` offers its HTTP route and the `relapse-watch audit household`
 * command, which asks every service's source and merges the parts (`mergeAuditTrails`).
 */
export interface HouseholdAuditSource {
  /** The bounded context the part comes from (`registry`, `inspection`, `assistance`). */
  readonly context: string;
  /**
   * The household's part, in the service's log order; null when the service knows nothing of
   * the household (then no area is checked: an id tells nothing of a place).
   * @throws DomainError `access.outside-area` (field `householdId`) when the household's village
   *   lies outside the caller's area, `access.permission-denied` without `audit.read`.
   */
  trail(householdId: string, caller: Caller): Promise<AuditTrailPart | null>;
}
