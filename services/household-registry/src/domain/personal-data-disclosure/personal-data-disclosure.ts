import type { Decider, DomainEvent } from '@relapse-watch/event-store-core';
import { DomainError, freeTextFault } from '@relapse-watch/domain-kernel';

// Every read of a household's people in plain text — an official's unmasking, a client system's
// fetch of what an integration event refers to — is recorded here (issue 10, PIPL art. 51): who
// (the event's actor), what (the members, the fields), why (the reason), when. One stream per
// household, apart from the household's own, so an audited read never moves the household's
// revision under an official's `If-Match`.

/** Prefix of a household's disclosure log: `registry-disclosure-<householdId>`. */
export const DISCLOSURE_STREAM_PREFIX = 'registry-disclosure-';

/** The disclosure log of a household. */
export function disclosureStreamId(householdId: string): string {
  return `${DISCLOSURE_STREAM_PREFIX}${householdId}`;
}

/** Longest reason accepted. */
export const DISCLOSURE_REASON_MAX = 200;

/** The personal fields a disclosure hands out. */
export type DisclosedField = 'name' | 'residentId';

/** Record that personal data of a household's members is being read unmasked. */
export interface DisclosePersonalData {
  readonly type: 'DisclosePersonalData';
  readonly data: {
    readonly householdId: string;
    readonly memberIds: readonly string[];
    readonly fields: readonly DisclosedField[];
    readonly reason: string;
  };
}

/** Personal data of these members was read unmasked, for this reason (the actor is in the metadata). */
export type PersonalDataDisclosed = DomainEvent<'PersonalDataDisclosed', DisclosePersonalData['data']>;

/** How many disclosures the log holds: all a decision needs (each is accepted on its own). */
export type DisclosureLogState = { readonly disclosures: number };

/** Refuses a disclosure without a usable reason; never refuses one for its count. */
function decide(command: DisclosePersonalData): readonly PersonalDataDisclosed[] {
  const { householdId, memberIds, fields, reason } = command.data;
  const fault = freeTextFault(reason, DISCLOSURE_REASON_MAX);
  if (fault !== null) {
    throw new DomainError({
      code: fault === 'required' ? 'disclosure.reason-required' : 'disclosure.reason-format',
      field: 'reason',
      message:
        fault === 'required'
          ? '查看个人信息须说明理由 / a reason is required to read personal data'
          : `理由须为不超过 ${DISCLOSURE_REASON_MAX} 字、首尾无空格、无控制字符的文字 / the reason must be text of at most ${DISCLOSURE_REASON_MAX} characters without surrounding spaces or control characters`,
    });
  }
  return [
    { type: 'PersonalDataDisclosed', data: { householdId, memberIds: [...memberIds], fields: [...fields], reason } },
  ];
}

/** The disclosure log as a decider: append-only, every well-reasoned disclosure recorded. */
export const disclosureLogDecider: Decider<DisclosePersonalData, PersonalDataDisclosed, DisclosureLogState> = {
  decide: (command) => decide(command),
  evolve: (state) => ({ disclosures: state.disclosures + 1 }),
  initialState: { disclosures: 0 },
};
