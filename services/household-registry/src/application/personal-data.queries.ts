import { actorOf, type Principal } from '@relapse-watch/access';
import type { Clock } from '@relapse-watch/domain-kernel';
import { DomainError } from '@relapse-watch/domain-kernel';
import { handleCommand, type EventStore } from '@relapse-watch/event-store-core';
import {
  disclosureLogDecider,
  disclosureStreamId,
  type DisclosedField,
} from '../domain/personal-data-disclosure/personal-data-disclosure';
import type { HouseholdRegisterQueries } from '../read-model/household-register.queries';
import { authorizeCaller, callerOf } from '@relapse-watch/access';

/** One member's personal data as handed out: in plain text, or marked erased (已删除). */
export type DisclosedMember =
  | { readonly memberId: string; readonly erased: false; readonly name: string; readonly residentId: string }
  | { readonly memberId: string; readonly erased: true; readonly name: null; readonly residentId: null };

/** The answer of a disclosure. */
export interface PersonalDataDisclosure {
  readonly householdId: string;
  readonly members: readonly DisclosedMember[];
}

/** What a disclosure request carries besides the household. */
export interface DisclosureRequest {
  readonly principal: Principal;
  readonly reason: string;
  /** One member only; all current members when absent. */
  readonly memberId?: string;
  readonly correlationId: string;
}

const FIELDS: readonly DisclosedField[] = ['name', 'residentId'];

/**
 * The unmasked read of a household's people (issue 10 items 6 and 7): allowed to a principal
 * with `personal.read` whose area holds the household's village, and recorded — who, which
 * members, which fields, why — in the household's disclosure log before anything is handed out,
 * so a read that could not be recorded is not made.
 */
export class PersonalDataQueries {
  constructor(
    private readonly deps: {
      readonly events: EventStore;
      readonly households: HouseholdRegisterQueries;
      readonly clock: Clock;
    },
  ) {}

  /** @returns null when the household is not registered. */
  async disclose(householdId: string, request: DisclosureRequest): Promise<PersonalDataDisclosure | null> {
    const view = (await this.deps.households.get(householdId))?.data;
    if (view === undefined) return null;
    authorizeCaller(callerOf(request.principal), 'personal.read', view.villageCode, 'householdId');
    const members = view.household.members.filter(
      (m) => request.memberId === undefined || m.memberId === request.memberId,
    );
    if (members.length === 0 && request.memberId !== undefined) {
      throw new DomainError({
        code: 'member.not-found',
        field: 'memberId',
        message: '未找到该成员 / member not found',
      });
    }
    await handleCommand(
      this.deps.events,
      disclosureStreamId(householdId),
      disclosureLogDecider,
      {
        type: 'DisclosePersonalData',
        data: { householdId, memberIds: members.map((m) => m.memberId), fields: FIELDS, reason: request.reason },
      },
      {
        actor: actorOf(request.principal),
        divisionCode: view.villageCode,
        correlationId: request.correlationId,
        now: this.deps.clock.now(),
      },
    );
    return {
      householdId,
      members: members.map(({ memberId, personal }) =>
        personal.erased === true
          ? { memberId, erased: true, name: null, residentId: null }
          : { memberId, erased: false, name: personal.name, residentId: personal.residentId },
      ),
    };
  }
}
