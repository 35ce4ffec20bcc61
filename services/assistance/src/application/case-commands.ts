import { authorizeCaller, actorOfCaller } from '@relapse-watch/access';
import { DomainError, type Clock, type IsoDate } from '@relapse-watch/domain-kernel';
import {
  foldStream,
  handleCommand,
  type CommandContext,
  type CommandResult,
  type EventStore,
} from '@relapse-watch/event-store-core';
import type { Permission } from '@relapse-watch/access';
import { placedContext, withoutKey, type RequestContext } from '@relapse-watch/service-runtime';
import {
  householdEpisodeDecider,
  householdEpisodeStreamId,
  type HouseholdEpisodeState,
} from '../domain/household-episode/household-episode';
import type { LeadInput, MonitoringCaseCommand } from '../domain/monitoring-case/monitoring-case.commands';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import type { MonitoringCaseEvent } from '../domain/monitoring-case/monitoring-case.events';
import type { MonitoringCaseState, OpenedCase } from '../domain/monitoring-case/monitoring-case.state';
import type { CaseSuggestion } from '../domain/monitoring-case/monitoring-case.values';
import type { CaseHouseholds } from './case-households';
import { caseIdOf } from './case-ids';
import { createdIdFor } from './created-ids';
import type { CaseSchedule } from './case-policy';
import { checkEliminationOf, incomeYearsOf, type EliminationAssessment } from './elimination-check';
import type { RiskEliminationCheck } from '../domain/risk-elimination/risk-elimination.guard';

/** What a case command answers. */
export type CaseResult = CommandResult<MonitoringCaseEvent, MonitoringCaseState>;

/** Dependencies of {@link CaseCommands}. */
export interface CaseCommandDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly schedule: CaseSchedule;
  readonly households: CaseHouseholds;
}

/** A lead as it reaches the service: from an official, a department's system or the inspection. */
export interface LeadSubmission {
  readonly householdId: string;
  readonly lead: LeadInput;
  /** The inspection's suggestion, for a lead from the concentrated inspection. */
  readonly suggestion?: CaseSuggestion | null;
  /** The day the lead was received; today when omitted. */
  readonly on?: IsoDate;
  /** The household's village as a service's lead names it; used only while the household is not in this service's view. */
  readonly villageCode?: string;
}

/** Where a lead went: the case it opened, or the running case it was added to. */
export interface LeadOutcome {
  readonly caseId: string;
  readonly opened: boolean;
  readonly result: CaseResult;
}

/** The data of a step command as a request brings it (the handler adds the facts). */
type StepData<T extends MonitoringCaseCommand['type']> = Extract<MonitoringCaseCommand, { type: T }>['data'];

/** The steps that decide for the county (识别审定, 风险消除审定): officials with `case.decide`. */
const DECISIONS = new Set<MonitoringCaseCommand['type']>([
  'ApproveIdentification',
  'RejectIdentification',
  'GrantElimination',
  'RejectElimination',
]);

function unknownHousehold(): DomainError {
  return new DomainError({
    code: 'household.unknown',
    field: 'householdId',
    message: '未找到该户（或户籍事件尚未到达）/ no such household (or its registry events have not arrived yet)',
  });
}

/** A case that still runs: not dismissed, rejected or eliminated, and not followed by a relapse case. */
export function isRunning(state: MonitoringCaseState): state is OpenedCase {
  return (
    state.kind === 'opened' &&
    state.relapse === null &&
    state.phase !== 'dismissed' &&
    state.phase !== 'rejected' &&
    state.phase !== 'eliminated'
  );
}

/**
 * The monitoring-case use cases (issue 12). A lead goes to the household's running case or opens
 * the household's next episode (the household's episode stream says which); every step checks the
 * caller against the case's village, adds what the decider cannot look up itself (today, the
 * deadlines from the province's limits and the working-day calendar, the notice's first closing
 * day) and runs on `assistance-case-<caseId>`.
 */
export class CaseCommands {
  constructor(private readonly deps: CaseCommandDeps) {}

  /**
   * Takes a lead: adds it to the household's running case, or opens the household's next case
   * (linked to an eliminated one before it: a relapse). `permission` is the caller's right to
   * submit it (`case.write` for officials, `warning.submit` for a department's system).
   */
  async submitLead(
    submission: LeadSubmission,
    ctx: RequestContext,
    permission: Permission = 'case.write',
  ): Promise<LeadOutcome> {
    const facts = await this.deps.households.facts(submission.householdId);
    // A service's lead (the inspection's) names the village itself: its event may arrive before the
    // registry's events have reached this service's view; a person's request needs the household known.
    const villageCode = facts?.villageCode ?? (ctx.caller.kind === 'operator' ? submission.villageCode : undefined);
    if (villageCode === undefined) throw unknownHousehold();
    authorizeCaller(ctx.caller, permission, villageCode, 'householdId');
    const placed = placedContext(ctx, villageCode, this.deps.clock);
    const on = submission.on ?? this.today(placed);
    // Two rounds at most: a lead that loses the race for the household's next case finds it on the second.
    for (let round = 0; ; round++) {
      const episodes = await foldStream(
        this.deps.store,
        householdEpisodeStreamId(submission.householdId),
        householdEpisodeDecider,
      );
      const current = episodes.currentCaseId;
      const state =
        current === null
          ? null
          : await foldStream(this.deps.store, monitoringCaseStreamId(current), monitoringCaseDecider);
      if (current !== null && state !== null && isRunning(state)) {
        const result = await this.runOn(
          current,
          this.command('AddLeadEvidence', { on, lead: submission.lead }, placed),
          placed,
        );
        return { caseId: current, opened: false, result };
      }
      if (current !== null && state?.kind === 'none') return this.open(current, submission, on, villageCode, placed);
      if (round > 0) throw new Error(`household episode of ${submission.householdId} did not settle`);
      await this.assignNext(submission.householdId, episodes, current, state, on, placed);
    }
  }

  /**
   * Asks for risk elimination: runs the guard on the household as the service knows it today, the
   * province's lines and policy and the official's assessment; a refusal is recorded on the case
   * with its reasons (so the history shows why), an allowed one starts the procedure.
   */
  async proposeElimination(
    caseId: string,
    data: StepData<'ProposeElimination'> & { readonly assessment: EliminationAssessment },
    ctx: RequestContext,
  ): Promise<{ readonly result: CaseResult; readonly check: RiskEliminationCheck }> {
    const state = await this.caseOf(caseId);
    const { villageCode, householdId } = state.opening;
    authorizeCaller(ctx.caller, 'case.write', villageCode, 'caseId');
    const placed = placedContext(ctx, villageCode, this.deps.clock);
    const today = this.today(placed);
    const facts = await this.deps.households.facts(householdId);
    if (facts === null) throw unknownHousehold();
    const check = checkEliminationOf(
      facts,
      state.identification.identification?.riskTypes ?? [],
      data.assessment,
      await this.deps.households.monitoringLinesFen(villageCode.slice(0, 2), incomeYearsOf(facts)),
      await this.deps.schedule.eliminationPolicy(villageCode, data.on),
      today,
    );
    const command: MonitoringCaseCommand = {
      type: 'ProposeElimination',
      actor: placed.actor,
      data: { on: data.on, reason: data.reason },
      facts: { today, guard: check },
    };
    return { result: await this.runOn(caseId, command, placed), check };
  }

  /** Runs one step of a case for the caller, who must reach the case's village. */
  async step<
    T extends Exclude<
      MonitoringCaseCommand['type'],
      'OpenCase' | 'AddLeadEvidence' | 'MarkOverdue' | 'ProposeElimination'
    >,
  >(caseId: string, type: T, data: StepData<T>, ctx: RequestContext): Promise<CaseResult> {
    const villageCode = (await this.caseOf(caseId)).opening.villageCode;
    authorizeCaller(ctx.caller, DECISIONS.has(type) ? 'case.decide' : 'case.write', villageCode, 'caseId');
    const placed = placedContext(ctx, villageCode, this.deps.clock);
    const facts = await this.factsFor(type, data, villageCode, placed);
    const command = { type, actor: actorOfCaller(ctx.caller), data, facts } as MonitoringCaseCommand;
    return this.runOn(caseId, command, placed);
  }

  /**
   * Records an objection to the open notice; its id is the sender's, else derived from the
   * request's idempotency key (a re-sent request is the same objection).
   */
  async recordObjection(
    caseId: string,
    data: Omit<StepData<'RecordObjection'>, 'objectionId'> & { readonly objectionId?: string },
    ctx: RequestContext,
  ): Promise<{ readonly objectionId: string; readonly result: CaseResult }> {
    const objectionId = data.objectionId ?? createdIdFor(`objection\n${caseId}`, ctx.idempotencyKey);
    return { objectionId, result: await this.step(caseId, 'RecordObjection', { ...data, objectionId }, ctx) };
  }

  /** Records a follow-up visit after elimination; its id as for {@link recordObjection}. */
  async recordFollowUpVisit(
    caseId: string,
    data: Omit<StepData<'RecordFollowUpVisit'>, 'visitId'> & { readonly visitId?: string },
    ctx: RequestContext,
  ): Promise<{ readonly visitId: string; readonly result: CaseResult }> {
    const visitId = data.visitId ?? createdIdFor(`follow-up-visit\n${caseId}`, ctx.idempotencyKey);
    return { visitId, result: await this.step(caseId, 'RecordFollowUpVisit', { ...data, visitId }, ctx) };
  }

  /** The deadline watcher's mark: the step is overdue (once per step). */
  async markOverdue(caseId: string, data: StepData<'MarkOverdue'>, ctx: RequestContext): Promise<CaseResult> {
    const state = await foldStream(this.deps.store, monitoringCaseStreamId(caseId), monitoringCaseDecider);
    const villageCode = state.kind === 'none' ? undefined : state.opening.villageCode;
    authorizeCaller(ctx.caller, 'case.write', villageCode, 'caseId');
    const placed = placedContext(ctx, villageCode ?? '000000000000', this.deps.clock);
    return this.runOn(caseId, this.command('MarkOverdue', data, placed), placed);
  }

  private async assignNext(
    householdId: string,
    episodes: HouseholdEpisodeState,
    current: string | null,
    state: MonitoringCaseState | null,
    on: IsoDate,
    placed: CommandContext,
  ): Promise<void> {
    const caseId = caseIdOf(householdId, episodes.caseIds.length);
    await handleCommand(
      this.deps.store,
      householdEpisodeStreamId(householdId),
      householdEpisodeDecider,
      { type: 'AssignCase', data: { householdId, caseId, on }, facts: { currentCaseRunning: false } },
      withoutKey(placed),
    );
    // An eliminated case links forward before the new one opens (a crash in between: the retry opens it).
    if (current !== null && state?.kind === 'opened' && state.phase === 'eliminated')
      await this.runOn(
        current,
        this.command(
          'RecordRelapse',
          { on, newCaseId: caseId, reason: '风险消除后再次出现风险 / risk returned after elimination' },
          placed,
        ),
        withoutKey(placed),
      );
  }

  private async open(
    caseId: string,
    submission: LeadSubmission,
    on: IsoDate,
    villageCode: string,
    placed: CommandContext,
  ): Promise<LeadOutcome> {
    const episodes = await foldStream(
      this.deps.store,
      householdEpisodeStreamId(submission.householdId),
      householdEpisodeDecider,
    );
    const previousCaseId = episodes.caseIds.at(-2) ?? null;
    const previous =
      previousCaseId === null
        ? null
        : await foldStream(this.deps.store, monitoringCaseStreamId(previousCaseId), monitoringCaseDecider);
    const relapseOf = previous?.kind === 'opened' && previous.phase === 'eliminated' ? previousCaseId : null;
    const command: MonitoringCaseCommand = {
      type: 'OpenCase',
      actor: placed.actor,
      data: {
        on,
        caseId,
        householdId: submission.householdId,
        villageCode,
        lead: submission.lead,
        previousCaseId: relapseOf,
        suggestion: submission.suggestion ?? null,
      },
      facts: { today: this.today(placed), acceptBy: await this.deps.schedule.acceptBy(villageCode, on) },
    };
    return { caseId, opened: true, result: await this.runOn(caseId, command, placed) };
  }

  private async caseOf(caseId: string): Promise<OpenedCase> {
    const state = await foldStream(this.deps.store, monitoringCaseStreamId(caseId), monitoringCaseDecider);
    if (state.kind === 'none')
      throw new DomainError({
        code: 'case.not-found',
        field: 'caseId',
        message: '未找到该监测案件 / no such monitoring case',
      });
    return state;
  }

  private async factsFor(
    type: MonitoringCaseCommand['type'],
    data: { readonly on: IsoDate },
    villageCode: string,
    placed: CommandContext,
  ): Promise<MonitoringCaseCommand['facts']> {
    const today = this.today(placed);
    switch (type) {
      case 'AcceptLead':
        return { today, ...(await this.deps.schedule.procedureDeadlines(villageCode, data.on)) };
      case 'PostPublicNotice':
        return { today, ...(await this.deps.schedule.notice(villageCode, data.on)) };
      default:
        return { today };
    }
  }

  private command<T extends MonitoringCaseCommand['type']>(
    type: T,
    data: StepData<T>,
    placed: CommandContext,
  ): MonitoringCaseCommand {
    return { type, actor: placed.actor, data, facts: { today: this.today(placed) } } as MonitoringCaseCommand;
  }

  private runOn(caseId: string, command: MonitoringCaseCommand, placed: CommandContext): Promise<CaseResult> {
    return handleCommand(this.deps.store, monitoringCaseStreamId(caseId), monitoringCaseDecider, command, placed);
  }

  private today(placed: CommandContext): IsoDate {
    return this.deps.clock.dateAt(placed.now);
  }
}
