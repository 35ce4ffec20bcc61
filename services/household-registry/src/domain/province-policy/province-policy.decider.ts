import type { Decider } from '@relapse-watch/event-store-core';
import type { ProvincePolicyCommand } from './province-policy.commands';
import { decide } from './province-policy.decide';
import type { ProvincePolicyEvent } from './province-policy.events';
import { evolve, initialState, type ProvincePolicyState } from './province-policy.state';

/** Prefix of a province's yearly policy stream: `registry-policy-<province>-<year>`. */
export const PROVINCE_POLICY_STREAM_PREFIX = 'registry-policy-';

/** The policy stream of a province (two-digit code) and year. */
export function provincePolicyStreamId(provinceCode: string, year: number): string {
  return `${PROVINCE_POLICY_STREAM_PREFIX}${provinceCode}-${year}`;
}

/** The province policy aggregate (income lines and key regions of one year) as a decider. */
export const provincePolicyDecider: Decider<ProvincePolicyCommand, ProvincePolicyEvent, ProvincePolicyState> = {
  decide,
  evolve,
  initialState,
};
