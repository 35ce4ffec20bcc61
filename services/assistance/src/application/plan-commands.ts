import { authorizeCaller } from '@relapse-watch/access';
import { DomainError, type Clock } from '@relapse-watch/domain-kernel';
import { foldStream, handleCommand, type CommandResult, type EventStore } from '@relapse-watch/event-store-core';
import { placedContext, type RequestContext } from '@relapse-watch/service-runtime';
import type { AssistancePlanCommand, PlanFacts } from '../domain/assistance-plan/assistance-plan.commands';
import { assistancePlanDecider, assistancePlanStreamId } from '../domain/assistance-plan/assistance-plan.decider';
import type { AssistancePlanEvent } from '../domain/assistance-plan/assistance-plan.events';
import type { AssistancePlanState } from '../domain/assistance-plan/assistance-plan.state';
import { monitoringCaseDecider, monitoringCaseStreamId } from '../domain/monitoring-case/monitoring-case.decider';
import type { OpenedCase } from '../domain/monitoring-case/monitoring-case.state';
import type { CaseHouseholds } from './case-households';
import type { CaseSchedule } from './case-policy';
import { createdIdFor } from './created-ids';

/** What a plan command answers. */
export type PlanResult = CommandResult<AssistancePlanEvent, AssistancePlanState>;

/** Dependencies of {@link PlanCommands}. */
export interface PlanCommandDeps {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly schedule: CaseSchedule;
  readonly households: CaseHouseholds;
}

/** The data of a plan command as a request brings it (the handler adds the facts). */
type PlanData<T extends AssistancePlanCommand['type']> = Extract<AssistancePlanCommand, { type: T }>['data'];

/**
 * The assistance-plan use cases: one plan per monitoring case (`assistance-plan-<caseId>`). Each
 * command is checked against the case's village (`case.write`) and gets what the plan's rules
 * judge by: the day the case was identified and its risk types (a measure started earlier is
 * flagged early, unless the risk is a natural disaster), and whether the household has labour
 * capacity by the province's policy (then a development measure is required).
 */
export class PlanCommands {
  constructor(private readonly deps: PlanCommandDeps) {}

  run<T extends AssistancePlanCommand['type']>(
    caseId: string,
    type: T,
    data: PlanData<T>,
    ctx: RequestContext,
  ): Promise<PlanResult> {
    return this.runWith(caseId, (facts) => ({ type, data, facts }) as AssistancePlanCommand, ctx);
  }

  /**
   * Plans a measure; its id is the sender's, else derived from the request's idempotency key (a
   * re-sent request plans the same measure, which the plan sees as a repeat).
   */
  async planMeasure(
    caseId: string,
    data: Omit<PlanData<'PlanMeasure'>, 'measureId'> & { readonly measureId?: string },
    ctx: RequestContext,
  ): Promise<{ readonly measureId: string; readonly result: PlanResult }> {
    const measureId = data.measureId ?? createdIdFor(`measure\n${caseId}`, ctx.idempotencyKey);
    return { measureId, result: await this.run(caseId, 'PlanMeasure', { ...data, measureId }, ctx) };
  }

  private async runWith(
    caseId: string,
    commandOf: (facts: PlanFacts) => AssistancePlanCommand,
    ctx: RequestContext,
  ): Promise<PlanResult> {
    const state = await foldStream(this.deps.store, monitoringCaseStreamId(caseId), monitoringCaseDecider);
    if (state.kind === 'none')
      throw new DomainError({
        code: 'case.not-found',
        field: 'caseId',
        message: '未找到该监测案件 / no such monitoring case',
      });
    const { villageCode } = state.opening;
    authorizeCaller(ctx.caller, 'case.write', villageCode, 'caseId');
    const placed = placedContext(ctx, villageCode, this.deps.clock);
    const facts = await this.planFacts(state, this.deps.clock.dateAt(placed.now));
    return handleCommand(
      this.deps.store,
      assistancePlanStreamId(caseId),
      assistancePlanDecider,
      commandOf(facts),
      placed,
    );
  }

  private async planFacts(state: OpenedCase, today: string): Promise<PlanFacts> {
    const { caseId, householdId, villageCode } = state.opening;
    const household = await this.deps.households.facts(householdId);
    const policy = await this.deps.schedule.eliminationPolicy(villageCode, today);
    const counted: readonly string[] = policy.labourCapacitiesCounted;
    const identification = state.identification.identification;
    return {
      caseId,
      householdId,
      caseIdentifiedOn: identification?.on ?? null,
      riskTypes: identification?.riskTypes ?? state.opening.suggestion?.riskTypes ?? [],
      hasLabourCapacity: (household?.members ?? []).some((m) => counted.includes(m.labourCapacity)),
      today,
    };
  }
}
