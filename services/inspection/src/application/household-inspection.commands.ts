import { handleCommand, type CommandResult, type Decider } from '@relapse-watch/event-store-core';
import type { Checklist, Findings } from '@relapse-watch/inspection-rules';
import type {
  AcceptSuggestion,
  CompleteInspection,
  CompletionFacts,
  ContactData,
  HouseholdInspectionCommand,
  RecordVisit,
} from '../domain/household-inspection/household-inspection.commands';
import { householdInspectionDecider } from '../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../domain/household-inspection/household-inspection.events';
import { decideSuggestions } from '../domain/household-inspection/household-inspection-suggestions.decide';
import {
  evolve,
  withLatestAnswers,
  type HouseholdInspectionState,
  type LatestAnswers,
} from '../domain/household-inspection/household-inspection.state';
import { FindingsInvalid } from './inspection-application.errors';
import {
  checklistOf,
  place,
  type HouseholdInspectionDeps,
  type InspectionAddress,
  type InspectionRequestContext,
  type Placement,
} from './household-inspection.placement';
import { contactIdFor, withSuggestionIds } from './household-inspection-ids';

export type InspectionResult = CommandResult<HouseholdInspectionEvent, HouseholdInspectionState>;
/** A contact as a request brings it: without an id, one is derived from the idempotency key. */
export type ContactRequest = Omit<ContactData, 'contactId'> & { readonly contactId?: string };
/** A whole visit as a request brings it: the contact and whether to complete the round with it. */
export type VisitData = ContactRequest & { readonly complete: boolean };
/** A result with the id of the contact recorded. */
export type ContactResult = InspectionResult & { readonly contactId: string };
type Decided = Decider<HouseholdInspectionCommand, HouseholdInspectionEvent, HouseholdInspectionState>;

/**
 * The household inspection's use cases, free of HTTP: each places the request (household,
 * campaign, caller's area), builds the command with its facts — the checklist's answered areas,
 * the key groups and regions, the rules' suggestions — and runs it through `handleCommand`:
 * one stream read, one append, whatever the command records.
 */
export class HouseholdInspectionCommands {
  constructor(private readonly deps: HouseholdInspectionDeps) {}

  async assign(
    address: InspectionAddress,
    data: { teamId: string; inspectorIds: readonly string[] },
    ctx: InspectionRequestContext,
  ) {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    return this.run(placed, { type: 'AssignInspection', data, facts: placed.facts });
  }

  /** A contact without completion: the contact and the rules' suggestions on the answers after it. */
  recordContact(
    address: InspectionAddress,
    data: ContactRequest,
    ctx: InspectionRequestContext,
  ): Promise<ContactResult> {
    return this.recordVisit(address, { ...data, complete: false }, ctx);
  }

  /**
   * A whole visit in one call (the field app's): the findings checked against the campaign's
   * checklist (every problem at once), then the contact, the suggestions and, when asked, the
   * completion decided together on one read of the stream and appended at once.
   * @throws FindingsInvalid (400) when the findings do not fit the checklist
   */
  async recordVisit(
    address: InspectionAddress,
    data: VisitData,
    ctx: InspectionRequestContext,
  ): Promise<ContactResult> {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    const contactId = data.contactId ?? contactIdFor(placed.streamId, ctx.idempotencyKey);
    const checklist = checklistOf(this.deps.rules, placed.campaign);
    this.checkFindings(checklist, data.findings);
    const command: RecordVisit = {
      type: 'RecordVisit',
      data: {
        contactId,
        method: data.method,
        contactedOn: data.contactedOn,
        findings: data.findings,
        complete: data.complete,
      },
      facts: { ...this.completionFacts(placed), launchedOn: placed.campaign.launchedOn, suggestions: [] },
    };
    // The answered areas, key groups and suggestions depend on the answers after this contact:
    // decided on the state read once, inside the one handleCommand.
    const decider: Decided = {
      ...householdInspectionDecider,
      decide: (cmd, state) => {
        // A closed campaign refuses before any rule is read (its rule set may be retired).
        if (placed.facts.campaignClosed) return householdInspectionDecider.decide(cmd, state);
        const answers = withLatestAnswers(answersOf(state), data.findings);
        const visit = cmd as RecordVisit;
        const facts = { ...visit.facts, ...this.ruleFacts(placed, checklist, answers) };
        const suggestions = this.suggestions(placed, state, answers);
        return householdInspectionDecider.decide({ ...visit, facts: { ...facts, suggestions } }, state);
      },
    };
    return { ...(await handleCommand(this.deps.store, placed.streamId, decider, command, placed.context)), contactId };
  }

  /** Completes the round; the rules are evaluated once more and their new suggestions recorded with it. */
  async complete(address: InspectionAddress, ctx: InspectionRequestContext): Promise<InspectionResult> {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    const checklist = checklistOf(this.deps.rules, placed.campaign);
    const command: CompleteInspection = { type: 'CompleteInspection', data: {}, facts: this.completionFacts(placed) };
    const decider: Decided = {
      ...householdInspectionDecider,
      decide: (cmd, state) => {
        if (placed.facts.campaignClosed) return householdInspectionDecider.decide(cmd, state);
        const answers = answersOf(state);
        const completion = cmd as CompleteInspection;
        const facts = { ...completion.facts, ...this.ruleFacts(placed, checklist, answers) };
        const completed = householdInspectionDecider.decide({ ...completion, facts }, state);
        const after = completed.reduce(evolve, state);
        return [...completed, ...decideSuggestions(this.suggestions(placed, after, answers), after)];
      },
    };
    return handleCommand(this.deps.store, placed.streamId, decider, command, placed.context);
  }

  async reopen(address: InspectionAddress, reason: string, ctx: InspectionRequestContext): Promise<InspectionResult> {
    const placed = await place(this.deps, address, 'inspection.write', ctx);
    return this.run(placed, { type: 'ReopenInspection', data: { reason }, facts: placed.facts });
  }

  async accept(address: InspectionAddress, data: AcceptSuggestion['data'], ctx: InspectionRequestContext) {
    const placed = await place(this.deps, address, 'inspection.decide', ctx);
    return this.run(placed, { type: 'AcceptSuggestion', data, facts: placed.facts });
  }

  async dismiss(
    address: InspectionAddress,
    data: { suggestionId: string; reason: string },
    ctx: InspectionRequestContext,
  ) {
    const placed = await place(this.deps, address, 'inspection.decide', ctx);
    return this.run(placed, { type: 'DismissSuggestion', data, facts: placed.facts });
  }

  async resolveIssue(
    address: InspectionAddress,
    data: { issueId: string; resolution: string },
    ctx: InspectionRequestContext,
  ) {
    const placed = await place(this.deps, address, 'inspection.decide', ctx);
    return this.run(placed, { type: 'ResolveDataQualityIssue', data, facts: placed.facts });
  }

  async closeItem(
    address: InspectionAddress,
    data: { itemId: string; resolution: string },
    ctx: InspectionRequestContext,
  ) {
    const placed = await place(this.deps, address, 'inspection.decide', ctx);
    return this.run(placed, { type: 'CloseRectificationItem', data, facts: placed.facts });
  }

  private run(placed: Placement, command: HouseholdInspectionCommand): Promise<InspectionResult> {
    return handleCommand(this.deps.store, placed.streamId, householdInspectionDecider, command, placed.context);
  }

  private checkFindings(checklist: Checklist, findings: Findings): void {
    const [first, ...rest] = this.deps.rules.validateFindings(checklist, findings);
    if (first !== undefined) throw new FindingsInvalid([first, ...rest]);
  }

  /** The completion facts known before the stream is read: the deadline, the key regions covering the village. */
  private completionFacts(placed: Placement): CompletionFacts {
    const { campaign, household, facts } = placed;
    return {
      ...facts,
      inspectBy: campaign.inspectBy,
      keyGroupRuleIds: [],
      keyRegionIds: this.deps.rules.inKeyRegions(household.villageCode, campaign.keyRegions),
      answeredAreas: [],
    };
  }

  /** What the rules say of the answers after the command: the areas answered, the key groups selecting the household. */
  private ruleFacts(placed: Placement, checklist: Checklist, answers: LatestAnswers) {
    return {
      answeredAreas: this.deps.rules.answeredAreas(checklist, answers),
      // Only the key-group rules the campaign was launched with select households.
      keyGroupRuleIds: this.deps.rules
        .selectKeyGroups({ ...this.evaluation(placed), answers })
        .map((s) => s.ruleId)
        .filter((ruleId) => placed.campaign.keyGroupRuleIds.includes(ruleId)),
    };
  }

  private suggestions(placed: Placement, state: HouseholdInspectionState, answers: LatestAnswers) {
    const round = state.kind === 'opened' ? state.round : 1;
    const suggested = this.deps.rules.evaluateHousehold({ ...this.evaluation(placed), answers });
    return withSuggestionIds(placed.streamId, round, suggested);
  }

  /**
   * What the rules read: the household as the inspection knows it today, the campaign's rule set and the lines it
   * was launched with. Today, not the visit's day: the facts' dates are the days the inspection learnt them, so a
   * visit's day before them would hide what is known (see the README).
   */
  private evaluation(placed: Placement) {
    const { campaign, household, facts } = placed;
    return {
      facts: household,
      ruleSetVersion: campaign.ruleSetVersion,
      provinceCode: campaign.provinceCode,
      year: campaign.year,
      lines: campaign.lines,
      today: facts.today,
    };
  }
}

function answersOf(state: HouseholdInspectionState): LatestAnswers {
  return state.kind === 'opened' ? state.answers : {};
}
