import { assertNever, divideFen, type IsoDate } from '@relapse-watch/domain-kernel';
import { isDeepStrictEqual } from 'node:util';
import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type { HouseholdEvent, PerCapitaIncomeRecomputed } from './household.events';
import type { HouseholdMember, HouseholdState, RegisteredHousehold } from './household.state';

// Per-capita net income divides by the members the province's rule counts (DOMAIN.md
// "Households and people"). The figure is stored with each income record, so when a membership
// change moves the divisor the household records the new figure as an event: the history then
// shows which figure held when, and every reader compares the same number with the line.

/** How many members the rule divides by: everyone (members working away included), or those living in the household. */
export function divisorMembers(members: readonly HouseholdMember[], rule: PerCapitaDivisorRule): number {
  switch (rule) {
    case 'household-members':
      return members.length;
    case 'resident-members':
      return members.filter((m) => m.profile.livesInHousehold).length;
    default:
      return assertNever(rule, 'per-capita divisor rule');
  }
}

/** What caused a recomputation. */
export interface RecomputationCause {
  readonly memberId: string;
  readonly change: PerCapitaIncomeRecomputed['data']['cause']['change'];
  readonly today: IsoDate;
  readonly rule: PerCapitaDivisorRule;
}

/**
 * The recomputations a membership change calls for: none unless it moved the divisor under the
 * rule in force; then one per income record whose rule or divisor differs from the new ones.
 * Pure: `before` is the household before the member events, `after` with them folded in.
 */
export function perCapitaRecomputations(
  before: RegisteredHousehold,
  after: HouseholdState,
  cause: RecomputationCause,
): readonly PerCapitaIncomeRecomputed[] {
  if (after.kind !== 'registered') return [];
  const members = divisorMembers(after.members, cause.rule);
  if (members === divisorMembers(before.members, cause.rule)) return [];
  const events: PerCapitaIncomeRecomputed[] = [];
  for (const record of after.incomes) {
    const figure = {
      divisorRule: cause.rule,
      divisorMembers: members,
      perCapitaNetIncomeFen: members === 0 ? null : divideFen(record.netIncomeFen, members, 'half-up'),
    };
    const previous = {
      divisorRule: record.divisorRule,
      divisorMembers: record.divisorMembers,
      perCapitaNetIncomeFen: record.perCapitaNetIncomeFen,
    };
    if (isDeepStrictEqual(figure, previous)) continue;
    events.push({
      type: 'PerCapitaIncomeRecomputed',
      data: {
        householdId: after.householdId,
        period: record.period,
        ...figure,
        previous,
        cause: { memberId: cause.memberId, change: cause.change },
        effectiveOn: cause.today,
      },
    });
  }
  return events;
}

/** Member events followed by the recomputations they call for. */
export function withPerCapitaRecomputed(
  memberEvents: readonly HouseholdEvent[],
  before: RegisteredHousehold,
  evolve: (state: HouseholdState, event: HouseholdEvent) => HouseholdState,
  cause: RecomputationCause,
): readonly HouseholdEvent[] {
  if (memberEvents.length === 0) return memberEvents;
  const after = memberEvents.reduce(evolve, before as HouseholdState);
  return [...memberEvents, ...perCapitaRecomputations(before, after, cause)];
}
