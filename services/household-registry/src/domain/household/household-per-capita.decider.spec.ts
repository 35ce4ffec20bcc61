import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type { HouseholdCommand } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent, IncomeRecorded, PerCapitaIncomeRecomputed } from './household.events';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  addMember,
  DAUGHTER,
  FATHER,
  HEAD,
  HOUSEHOLD_ID,
  memberAdded,
  memberUpdated,
  MIGRANT_SON,
  registered,
  TODAY,
  updateMember,
  withProfile,
} from '../testing/household.fixtures';

// DOMAIN.md: the divisor is the household's members, members working away included; a member
// who leaves the household leaves the divisor and the figure is recomputed from that day. The
// province may count resident members instead; the rule arrives as a fact.
const spec = deciderSpecification(householdDecider);
const YEAR_2023 = { kind: 'calendar-year', year: 2023 } as const;
const TWELVE_MONTHS = { kind: 'twelve-months', endingOn: '2024-06-30' } as const;

/** 24000.00 yuan of wages over the head, the daughter and the son working away. */
function incomeOver(
  members: number,
  rule: PerCapitaDivisorRule = 'household-members',
  period: IncomeRecorded['data']['period'] = YEAR_2023,
): IncomeRecorded {
  return {
    type: 'IncomeRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period,
      components: { wagesFen: 2_400_000, grossBusinessFen: 0, propertyFen: 0, transferFen: 0, productionCostsFen: 0 },
      netIncomeFen: 2_400_000,
      divisorRule: rule,
      divisorMembers: members,
      perCapitaNetIncomeFen: members === 0 ? 0 : Math.round(2_400_000 / members),
    },
  };
}
const family = [registered, memberAdded(HEAD), memberAdded(DAUGHTER), memberAdded(MIGRANT_SON)];

function recomputed(
  period: PerCapitaIncomeRecomputed['data']['period'],
  from: { members: number; perCapita: number | null; rule?: PerCapitaDivisorRule },
  to: { members: number; perCapita: number | null; rule?: PerCapitaDivisorRule },
  cause: PerCapitaIncomeRecomputed['data']['cause'],
): PerCapitaIncomeRecomputed {
  return {
    type: 'PerCapitaIncomeRecomputed',
    data: {
      householdId: HOUSEHOLD_ID,
      period,
      divisorRule: to.rule ?? 'household-members',
      divisorMembers: to.members,
      perCapitaNetIncomeFen: to.perCapita,
      previous: {
        divisorRule: from.rule ?? 'household-members',
        divisorMembers: from.members,
        perCapitaNetIncomeFen: from.perCapita,
      },
      cause,
      effectiveOn: TODAY,
    },
  };
}

const removeMember = (memberId: string, rule: PerCapitaDivisorRule = 'household-members'): HouseholdCommand => ({
  type: 'RemoveMember',
  data: { memberId, reason: 'married-out' },
  facts: { today: TODAY, perCapitaDivisorRule: rule },
});

describe('per-capita net income when the membership changes', () => {
  it('given income over three members, when the son who works away leaves the household, then the figure is recomputed over two from today', () => {
    spec
      .given([...family, incomeOver(3)])
      .when(removeMember(MIGRANT_SON.memberId))
      .thenEmits([
        {
          type: 'MemberRemoved',
          data: { householdId: HOUSEHOLD_ID, memberId: MIGRANT_SON.memberId, reason: 'married-out' },
        },
        recomputed(
          YEAR_2023,
          { members: 3, perCapita: 800_000 },
          { members: 2, perCapita: 1_200_000 },
          { memberId: MIGRANT_SON.memberId, change: 'member-removed' },
        ),
      ]);
  });

  it('recomputes every recorded period, and the state then holds the new figures', () => {
    const history = [...family, incomeOver(3), incomeOver(3, 'household-members', TWELVE_MONTHS)];
    const events = householdDecider.decide(
      addMember(FATHER),
      history.reduce(householdDecider.evolve, householdDecider.initialState),
    );
    // 24000.00 ÷ 4 = 6000.00 for both periods
    expect(events.map((e) => e.type)).toEqual([
      'MemberAdded',
      'PerCapitaIncomeRecomputed',
      'PerCapitaIncomeRecomputed',
    ]);
    const after = [...history, ...events].reduce(householdDecider.evolve, householdDecider.initialState);
    expect(
      after.kind === 'registered' && after.incomes.map((r) => [r.divisorMembers, r.perCapitaNetIncomeFen]),
    ).toEqual([
      [4, 600_000],
      [4, 600_000],
    ]);
  });

  it('given no income recorded, when a member joins, then only the member event', () => {
    spec
      .given(family)
      .when(addMember(FATHER))
      .thenEmits([memberAdded(FATHER)]);
  });

  it('given the default rule, when a member moves away but stays in the household, then the figure stays', () => {
    const away = withProfile(DAUGHTER, { livesInHousehold: false });
    spec
      .given([...family, incomeOver(3)])
      .when(updateMember(away))
      .thenEmits([memberUpdated(away)]);
  });

  it('given the province counts residents, when a resident moves away, then the figure is recomputed over the residents left', () => {
    const away = withProfile(DAUGHTER, { livesInHousehold: false });
    spec
      .given([...family, incomeOver(2, 'resident-members')])
      .when(updateMember(away, undefined, { perCapitaDivisorRule: 'resident-members' }))
      .thenEmits([
        memberUpdated(away),
        recomputed(
          YEAR_2023,
          { members: 2, perCapita: 1_200_000, rule: 'resident-members' },
          { members: 1, perCapita: 2_400_000, rule: 'resident-members' },
          { memberId: DAUGHTER.memberId, change: 'member-updated' },
        ),
      ]);
  });

  it('given the rule changed since the figure was recorded, when the membership moves the divisor, then the figure follows the rule in force', () => {
    // Recorded over 3 household members; the province now counts residents; the son (away) leaves:
    // residents stay 2, so nothing moved under the rule in force and nothing is recomputed.
    spec
      .given([...family, incomeOver(3)])
      .when(removeMember(MIGRANT_SON.memberId, 'resident-members'))
      .thenEmits([
        {
          type: 'MemberRemoved',
          data: { householdId: HOUSEHOLD_ID, memberId: MIGRANT_SON.memberId, reason: 'married-out' },
        },
      ]);
    // The daughter (resident) leaves instead: 1 resident left, recomputed under the residents rule.
    spec
      .given([...family, incomeOver(3)])
      .when(removeMember(DAUGHTER.memberId, 'resident-members'))
      .thenEmits([
        {
          type: 'MemberRemoved',
          data: { householdId: HOUSEHOLD_ID, memberId: DAUGHTER.memberId, reason: 'married-out' },
        },
        recomputed(
          YEAR_2023,
          { members: 3, perCapita: 800_000 },
          { members: 1, perCapita: 2_400_000, rule: 'resident-members' },
          { memberId: DAUGHTER.memberId, change: 'member-removed' },
        ),
      ]);
  });

  it('when the last member leaves, then the figure has nobody to divide by and is null', () => {
    spec
      .given([registered, memberAdded(HEAD), incomeOver(1)])
      .when(removeMember(HEAD.memberId))
      .thenEmits([
        { type: 'MemberRemoved', data: { householdId: HOUSEHOLD_ID, memberId: HEAD.memberId, reason: 'married-out' } },
        recomputed(
          YEAR_2023,
          { members: 1, perCapita: 2_400_000 },
          { members: 0, perCapita: null },
          { memberId: HEAD.memberId, change: 'member-removed' },
        ),
      ]);
  });

  it('is idempotent: a re-sent membership change recomputes nothing', () => {
    const left = [
      ...family,
      incomeOver(3),
      {
        type: 'MemberRemoved',
        data: { householdId: HOUSEHOLD_ID, memberId: MIGRANT_SON.memberId, reason: 'married-out' },
      } as HouseholdEvent,
      recomputed(
        YEAR_2023,
        { members: 3, perCapita: 800_000 },
        { members: 2, perCapita: 1_200_000 },
        { memberId: MIGRANT_SON.memberId, change: 'member-removed' },
      ),
    ];
    spec.given(left).when(removeMember(MIGRANT_SON.memberId)).thenEmitsNothing();
    spec
      .given([...family, incomeOver(3)])
      .when(addMember(DAUGHTER))
      .thenEmitsNothing();
  });

  it('a refused membership change recomputes nothing: the refusal stands', () => {
    spec
      .given([...family, incomeOver(3)])
      .when(removeMember(HEAD.memberId))
      .thenRejects({ code: 'member.head-required', field: 'memberId' });
  });
});
