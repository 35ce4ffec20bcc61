import { freeTextFault, isIsoDate, throwIfAny, type DomainProblem } from '@relapse-watch/domain-kernel';
import { CONTACT_METHODS, INSPECTION_AREAS, type ContactMethod } from '@relapse-watch/inspection-rules';
import type {
  CompleteInspection,
  CompletionFacts,
  ContactData,
  RecordContact,
  RecordVisit,
} from './household-inspection.commands';
import { opening, started } from './household-inspection.guards';
import { inspectionError, inspectionProblem, inspectionProblemWith } from './household-inspection.errors';
import type { HouseholdInspectionEvent } from './household-inspection.events';
import { decideSuggestions } from './household-inspection-suggestions.decide';
import { contactsOfRound, evolve, type HouseholdInspectionState } from './household-inspection.state';

/** Records a contact of the current round; the same contact again is a no-op. */
export function recordContact(
  command: RecordContact,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { data, facts } = command;
  throwIfAny(contactProblems(data, facts.launchedOn, facts.today));
  if (state.kind === 'opened') {
    const earlier = state.contacts.find((c) => c.contactId === data.contactId);
    if (earlier !== undefined) {
      const same =
        earlier.method === data.method &&
        earlier.contactedOn === data.contactedOn &&
        JSON.stringify(earlier.findings) === JSON.stringify(data.findings);
      if (same) return [];
      throw inspectionError('inspection.contact-id-taken', 'contactId');
    }
    // A completed round takes no more contacts: a revisit reopens it first, so the completion stays what was decided.
    if (state.completion !== null) throw inspectionError('inspection.completed');
  }
  const round = state.kind === 'opened' ? state.round : 1;
  const { contactId, method, contactedOn, findings } = data;
  return [
    ...opening(facts, state),
    { type: 'HouseholdContactRecorded', data: { round, contactId, method, contactedOn, findings } },
  ];
}

function contactProblems(data: ContactData, launchedOn: string, today: string): DomainProblem[] {
  const problems: DomainProblem[] = [];
  if (freeTextFault(data.contactId, 100) !== null)
    problems.push(inspectionProblem('inspection.contact-id-required', 'contactId'));
  if (!(CONTACT_METHODS as readonly string[]).includes(data.method))
    problems.push(inspectionProblem('inspection.method', 'method'));
  const date = data.contactedOn;
  if (!isIsoDate(date) || date < launchedOn || date > today)
    problems.push(inspectionProblem('inspection.contact-date', 'contactedOn'));
  return problems;
}

/**
 * Completes the current round: a household in a key group or key region needs a household visit
 * in the round; all seven areas must be answered; after the deadline it is accepted and marked
 * late. Every unmet rule is reported at once, each naming what fired it. The round is dated by
 * its last contact — the day the household was inspected in the field — not by the day the
 * completion reaches the service: a visit recorded offline, or a sheet uploaded after the
 * deadline, is late only when the inspection itself was.
 */
export function completeInspection(
  command: CompleteInspection,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const inspection = started(state, 'inspection.no-contact');
  if (inspection.completion !== null) return [];
  const contacts = contactsOfRound(inspection);
  if (contacts.length === 0) throw inspectionError('inspection.no-contact');
  const methods = contacts.reduce<ContactMethod[]>(
    (seen, c) => (seen.includes(c.method) ? seen : [...seen, c.method]),
    [],
  );
  const visited = methods.includes('household-visit');
  throwIfAny(completionProblems(command.facts, visited));
  const { inspectBy, keyGroupRuleIds, keyRegionIds } = command.facts;
  const completedOn = contacts.reduce(
    (last, c) => (c.contactedOn > last ? c.contactedOn : last),
    contacts[0].contactedOn,
  );
  return [
    {
      type: 'HouseholdInspectionCompleted',
      data: {
        round: inspection.round,
        completedOn,
        late: completedOn > inspectBy,
        methods,
        visited,
        keyGroupRuleIds: [...keyGroupRuleIds],
        keyRegionIds: [...keyRegionIds],
      },
    },
  ];
}

function completionProblems(facts: CompletionFacts, visited: boolean): DomainProblem[] {
  const problems: DomainProblem[] = [];
  const reasons = [...facts.keyGroupRuleIds, ...facts.keyRegionIds];
  if (reasons.length > 0 && !visited)
    problems.push(inspectionProblemWith('inspection.household-visit-required', 'method', reasons));
  const unanswered = INSPECTION_AREAS.filter((area) => !facts.answeredAreas.includes(area));
  if (unanswered.length > 0)
    problems.push(inspectionProblemWith('inspection.areas-unanswered', 'findings', unanswered));
  return problems;
}

/**
 * A whole visit: the contact, then the rules' suggestions, then (when asked) the completion,
 * each decided on the state the one before leaves, so a refused completion writes nothing.
 */
export function recordVisit(
  command: RecordVisit,
  state: HouseholdInspectionState,
): readonly HouseholdInspectionEvent[] {
  const { complete, ...contact } = command.data;
  const { facts } = command;
  const contacted = recordContact({ type: 'RecordContact', data: contact, facts }, state);
  const afterContact = contacted.reduce(evolve, state);
  const suggested = decideSuggestions(facts.suggestions, afterContact);
  const afterSuggestions = suggested.reduce(evolve, afterContact);
  const completed = complete
    ? completeInspection({ type: 'CompleteInspection', data: {}, facts }, afterSuggestions)
    : [];
  return [...contacted, ...suggested, ...completed];
}
