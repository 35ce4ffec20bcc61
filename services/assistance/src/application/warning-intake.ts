import { DomainError, parseResidentId, residentIdHash, type Clock, type IsoDate } from '@relapse-watch/domain-kernel';
import type { RequestContext } from '@relapse-watch/service-runtime';
import type { CaseCommands, LeadOutcome } from './case-commands';

/**
 * A department's screening warning (部门筛查预警) as its system sends it: the sender's own id,
 * the household by its id or by a member's resident ID, and the indicator that crossed a line.
 */
export interface DepartmentWarning {
  /** The sending department's code, e.g. `health-insurance`. */
  readonly department: string;
  /** The sender's id of the warning: the same id again is the same lead. */
  readonly warningId: string;
  readonly householdId?: string;
  /** A member's resident ID number: hashed at once, never stored, logged or echoed. */
  readonly residentId?: string;
  /** What crossed a line, e.g. `self-paid-medical-cost`. */
  readonly indicator: string;
  readonly value: number;
  readonly unit: string;
  readonly observedOn: IsoDate;
}

/** Where the service finds a person's household: the registry's salted hash of their ID. */
export interface ResidentLookup {
  householdIdByResidentHash(residentIdHash: string): Promise<string | null>;
}

/** Dependencies of {@link WarningIntake}. */
export interface WarningIntakeDeps {
  readonly commands: CaseCommands;
  readonly residents: ResidentLookup;
  /** The registry's RESIDENT_ID_SALT: the hashes must be the ones it publishes. */
  readonly salt: string;
  readonly clock: Clock;
}

function problem(code: string, field: string, message: string): DomainError {
  return new DomainError({ code, field, message });
}

/**
 * Department warnings (issue 12, item 6): each opens the household's case or joins its running
 * one as a `department-warning` lead, with the caller's `warning.submit` right checked against the
 * household's village. A warning naming a person is found by the hash of the ID, which the
 * registry's `HouseholdMembersChanged` published; the ID itself goes no further than this method.
 */
export class WarningIntake {
  constructor(private readonly deps: WarningIntakeDeps) {}

  /**
   * @throws DomainError `warning.household-required` (neither or both of householdId and residentId),
   * the kernel's `resident-id.*` codes, `household.unknown` (at `residentId` for an unknown person).
   */
  async submit(warning: DepartmentWarning, ctx: RequestContext): Promise<LeadOutcome> {
    const householdId = await this.householdOf(warning);
    const summary = `${warning.indicator}: ${warning.value} ${warning.unit}（${warning.observedOn}）`;
    return this.deps.commands.submitLead(
      {
        householdId,
        lead: {
          source: 'department-warning',
          referenceId: warning.warningId,
          department: warning.department,
          summary,
        },
      },
      ctx,
      'warning.submit',
    );
  }

  private async householdOf(warning: DepartmentWarning): Promise<string> {
    const { householdId, residentId } = warning;
    if ((householdId === undefined) === (residentId === undefined))
      throw problem(
        'warning.household-required',
        'householdId',
        '须且只能填写户ID或成员身份证号之一 / give either the household id or a member’s resident ID, not both',
      );
    if (householdId !== undefined) return householdId;
    const today = this.deps.clock.dateAt(this.deps.clock.now());
    const parsed = parseResidentId(residentId as string, { today });
    if (!parsed.ok) throw DomainError.of(parsed.problems);
    const found = await this.deps.residents.householdIdByResidentHash(
      residentIdHash(parsed.residentId.value, this.deps.salt),
    );
    if (found === null)
      throw problem(
        'household.unknown',
        'residentId',
        '未找到该身份证号所在的农户（或户籍事件尚未到达）/ no household has a member with this resident ID (or its registry events have not arrived yet)',
      );
    return found;
  }
}
