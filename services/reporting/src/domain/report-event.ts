import { calendarDateAt } from '@relapse-watch/domain-kernel';

/**
 * An integration event as the reporting folds it: the CloudEvent the inbox kept, with the inbox
 * position it was kept at. The reporting reads only the public contracts (libs/contracts), never
 * another service's internal events.
 */
export interface ReportEvent {
  /** Position in the reporting's inbox log: the fold's order, and each document's write guard. */
  readonly position: number;
  /** The CloudEvent id. */
  readonly id: string;
  /** Publishing context: `registry`, `inspection` or `assistance`. */
  readonly context: string;
  /** PascalCase contract name, e.g. `HouseholdRegistered`. */
  readonly name: string;
  readonly version: number;
  /** The CloudEvent subject: the household, case, campaign or province-year it is about. */
  readonly subject: string;
  /** When the fact happened (the CloudEvent `time`), RFC 3339 UTC. */
  readonly time: string;
  /** The tenant division code of the event (its village for a household's events). */
  readonly divisionCode: string;
  readonly data: unknown;
}

/** The officials' calendar date of an instant given as text (the kernel's `calendarDateAt`). */
export function localDateOf(time: string, utcOffsetMinutes: number): string {
  return calendarDateAt(new Date(time), utcOffsetMinutes);
}
