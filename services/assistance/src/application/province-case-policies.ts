import { authorizeCaller } from '@relapse-watch/access';
import { DEFAULT_CASE_TIME_LIMITS, type Clock } from '@relapse-watch/domain-kernel';
import { foldStream, handleCommand, type CommandResult, type EventStore } from '@relapse-watch/event-store-core';
import { placedContext, type RequestContext } from '@relapse-watch/service-runtime';
import {
  casePolicyDecider,
  casePolicyStreamId,
  type CasePolicyCommand,
  type CasePolicyEvent,
  type CasePolicyState,
} from '../domain/case-policy/case-policy';
import { DEFAULT_RISK_ELIMINATION_POLICY } from '../domain/risk-elimination/risk-elimination.policy';
import type { CasePolicy, CasePolicySource } from './case-policy';

/** What a policy command answers. */
export type CasePolicyResult = CommandResult<CasePolicyEvent, CasePolicyState>;

/**
 * The provinces' case policies as set in the event store (`assistance-policy-<province>-<year>`),
 * each part the national default where the province set none for that year.
 */
export class ProvinceCasePolicies implements CasePolicySource {
  constructor(private readonly deps: { readonly store: EventStore; readonly clock: Clock }) {}

  async policyFor(provinceCode: string, year: number): Promise<CasePolicy> {
    const state = await foldStream(this.deps.store, casePolicyStreamId(provinceCode, year), casePolicyDecider);
    return {
      timeLimits: state.timeLimits ?? DEFAULT_CASE_TIME_LIMITS,
      elimination: state.elimination ?? DEFAULT_RISK_ELIMINATION_POLICY,
    };
  }

  /** The policy a province set for a year, or null parts where it set none. */
  setFor(provinceCode: string, year: number): Promise<CasePolicyState> {
    return foldStream(this.deps.store, casePolicyStreamId(provinceCode, year), casePolicyDecider);
  }

  /** Sets a part of a province's policy of a year: the province's officials only (`policy.write` at the province). */
  async set(command: CasePolicyCommand, ctx: RequestContext): Promise<CasePolicyResult> {
    const { provinceCode, year } = command.data;
    const unit = String(provinceCode).padEnd(12, '0');
    authorizeCaller(ctx.caller, 'policy.write', unit, 'provinceCode');
    return handleCommand(
      this.deps.store,
      casePolicyStreamId(provinceCode, year),
      casePolicyDecider,
      command,
      placedContext(ctx, unit, this.deps.clock),
    );
  }
}
