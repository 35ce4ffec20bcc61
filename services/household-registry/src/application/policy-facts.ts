import type { IsoDate } from '@relapse-watch/domain-kernel';
import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { provincePolicyDecider, provincePolicyStreamId } from '../domain/province-policy/province-policy.decider';
import { divisorRuleInForceOn, riskTypesOf } from '../domain/province-policy/province-policy.queries';
import type { PerCapitaDivisorRule } from '../domain/province-policy/province-policy.values';
import type { RiskType } from '../domain/risk-types/risk-types';

/** What a household's commands need from its province's policy: looked up here, passed to the decider as facts. */
export interface HouseholdPolicyFacts {
  /** The per-capita divisor rule in force today (household members when the province set none). */
  readonly perCapitaDivisorRule: PerCapitaDivisorRule;
  /** The risk types a household of the province may report this year: national, then the province's own. */
  readonly riskTypes: readonly RiskType[];
}

/**
 * The policy facts for a household of a province on a day, from that year's policy stream
 * (`registry-policy-<province>-<year>`): the policy that governs a figure is the one in force when
 * it is computed or reported, as with the year's monitoring line.
 */
export async function householdPolicyFacts(
  store: EventStore,
  provinceCode: string,
  today: IsoDate,
): Promise<HouseholdPolicyFacts> {
  const state = await foldStream(
    store,
    provincePolicyStreamId(provinceCode, Number(today.slice(0, 4))),
    provincePolicyDecider,
  );
  return { perCapitaDivisorRule: divisorRuleInForceOn(state, today), riskTypes: riskTypesOf(state) };
}
