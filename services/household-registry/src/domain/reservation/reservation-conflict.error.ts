import { DomainError, type DomainProblem } from '@relapse-watch/domain-kernel';

/** Who holds a reservation: internal ids only, never a person's name or ID number. */
export interface ReservationHolder {
  readonly householdId: string;
  /** Set for a person's reservation; absent for a household number's. */
  readonly memberId?: string;
}

/**
 * A reservation already held by someone else. It is a DomainError (a 422 with the rule code) that
 * also says who holds it, in a field apart from the message: the holder's household id is an
 * internal id an official needs to resolve the clash (which household to correct), while the
 * message stays free of values so it can reach logs and import error files.
 */
export class ReservationConflict extends DomainError {
  constructor(
    problem: DomainProblem,
    /** The current holder. */
    readonly holder: ReservationHolder,
  ) {
    super(problem);
    this.name = 'ReservationConflict';
  }
}
