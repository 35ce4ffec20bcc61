import type { IsoDate } from '../calendar/calendar-date';
import type { DomainProblem } from '../errors/domain-error';

/** Sex as encoded by the parity of the ID's 17th digit (GB 11643-1999 §5.3: odd male, even female). */
export type Sex = 'male' | 'female';

/** A valid 18-character citizen identity number and what it encodes (GB 11643-1999). */
export interface ResidentId {
  /** The number, normalised: a lower-case check character `x` becomes `X`. */
  readonly value: string;
  /** The 6-digit GB/T 2260 code of the division where the number was first registered. */
  readonly divisionCode: string;
  /** Birth date as `YYYY-MM-DD`. */
  readonly birthDate: IsoDate;
  readonly sex: Sex;
}

/** Rule codes a resident ID can fail. */
export type ResidentIdProblemCode =
  | 'resident-id.length'
  | 'resident-id.characters'
  | 'resident-id.birth-date'
  | 'resident-id.check-character'
  | 'resident-id.division-unknown';

/** One rule a resident ID fails. */
export interface ResidentIdProblem extends DomainProblem {
  readonly code: ResidentIdProblemCode;
}

/** What the caller supplies so the kernel can stay pure. */
export interface ResidentIdRules {
  /** Today's calendar date (`YYYY-MM-DD`): a birth date after it is rejected. */
  readonly today: IsoDate;
  /**
   * Whether a 6-digit division prefix is a known division of registration. A number keeps the
   * code of the county where it was issued even after that county was merged or re-coded
   * (e.g. 510122 Shuangliu County, now 510116 Shuangliu District), so the predicate should
   * accept every GB/T 2260 code ever issued, not only the current edition's. When omitted, the
   * prefix is not checked: a caller that treats an unknown prefix as something other than a
   * refusal (the registry makes it a data-quality warning) checks `divisionCode` itself.
   */
  readonly isKnownDivision?: (divisionPrefix: string) => boolean;
  /** Earliest acceptable birth date; `1900-01-01` when omitted (see `DEFAULT_EARLIEST_BIRTH_DATE`). */
  readonly earliestBirthDate?: IsoDate;
}

/** The outcome of parsing a resident ID: the parsed ID, or every rule it fails (at least one). */
export type ResidentIdResult =
  | { readonly ok: true; readonly residentId: ResidentId }
  | { readonly ok: false; readonly problems: readonly [ResidentIdProblem, ...ResidentIdProblem[]] };
