import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { HouseholdCommand } from '../domain/household/household.commands';
import { householdDecider } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import { HOUSEHOLD_EVENT_TYPES } from '../domain/household/household.events';
import {
  DAUGHTER,
  HEAD,
  MEMBER_FACTS,
  MIGRANT_SON,
  registerHousehold,
  SPOUSE,
  TODAY,
  noteLegacyMonitoringRecord,
} from '../domain/testing/household.fixtures';
import { householdRegisterProjection, type HouseholdView } from './household-register.projection';

const members = [HEAD, SPOUSE, DAUGHTER, MIGRANT_SON];
const income = {
  period: { kind: 'calendar-year', year: 2023 },
  components: {
    wagesYuan: '21600',
    grossBusinessYuan: 0,
    propertyYuan: 0,
    transferYuan: '4360',
    productionCostsYuan: 0,
  },
} as const;
const flags = { relocatedToResettlementSite: true, urbanHukou: false };
const DIVISOR_FACTS = { today: TODAY, perCapitaDivisorRule: 'household-members' } as const;

/** Decides the commands in turn, as the store would have them: stored events of one stream. */
function stored(commands: readonly HouseholdCommand[]): StoredEvent[] {
  let state = householdDecider.initialState;
  const out: StoredEvent[] = [];
  for (const command of commands) {
    for (const event of householdDecider.decide(command, state)) {
      state = householdDecider.evolve(state, event);
      out.push({
        ...event,
        id: `e-${out.length}`,
        streamId: 'registry-household-x',
        revision: out.length,
        position: out.length + 1,
        schemaVersion: 1,
        metadata: {} as StoredEvent['metadata'],
        recordedAt: '',
        hash: '',
        prevHash: null,
      });
    }
  }
  return out;
}

function project(events: readonly StoredEvent[]): HouseholdView | null {
  return events.reduce<HouseholdView | null>(
    (doc, event) =>
      householdRegisterProjection.handles.includes(event.type) ? householdRegisterProjection.evolve(doc, event) : doc,
    null,
  );
}

describe('household register projection', () => {
  it('handles every event of the Household aggregate', () => {
    expect([...householdRegisterProjection.handles].sort()).toEqual([...HOUSEHOLD_EVENT_TYPES].sort());
  });

  it('shows an imported household (one HouseholdImported) as the separate commands would have shown it', () => {
    const separately = stored([
      registerHousehold(),
      ...members.map((data): HouseholdCommand => ({
        type: 'AddMember',
        data,
        facts: MEMBER_FACTS,
      })),
      { type: 'RecordIncome', data: income, facts: DIVISOR_FACTS },
      { type: 'SetFlags', data: flags },
    ]);
    const imported = stored([
      {
        type: 'ImportHousehold',
        data: { registration: registerHousehold().data, members, income, flags },
        facts: { ...DIVISOR_FACTS, householdNumberInUse: false, registrationDivisionKnown: members.map(() => true) },
      },
    ]);
    expect(imported.map((e) => e.type)).toEqual(['HouseholdImported'] satisfies HouseholdEvent['type'][]);
    const [one, reference] = [project(imported), project(separately)];
    expect(one).not.toBeNull();
    expect({ ...one, revision: 0 }).toEqual({ ...reference, revision: 0 });
    expect(one).toMatchObject({
      memberCount: 4,
      residentMemberCount: 3,
      statusKind: 'poverty-alleviated',
      revision: 0,
    });
  });

  it('shows the per-capita figure in force after a member leaves, and a declared monitoring record without changing the status', () => {
    const events = stored([
      registerHousehold(),
      ...members.map((data): HouseholdCommand => ({ type: 'AddMember', data, facts: MEMBER_FACTS })),
      { type: 'RecordIncome', data: income, facts: DIVISOR_FACTS },
      { type: 'RemoveMember', data: { memberId: MIGRANT_SON.memberId, reason: 'moved-out' }, facts: DIVISOR_FACTS },
      noteLegacyMonitoringRecord(),
    ]);
    expect(events.map((e) => e.type).slice(-3)).toEqual([
      'MemberRemoved',
      'PerCapitaIncomeRecomputed',
      'LegacyMonitoringRecordNoted',
    ] satisfies HouseholdEvent['type'][]);
    const view = project(events);
    // 21600 + 4360 = 25960.00 yuan: ÷ 4 members = 6490.00, ÷ 3 once the son left
    expect(view?.household.incomes).toEqual([
      expect.objectContaining({ divisorMembers: 3, perCapitaNetIncomeFen: 865_333 }),
    ]);
    expect(view).toMatchObject({ memberCount: 3, statusKind: 'poverty-alleviated' });
    expect(view?.household.legacyMonitoring).toEqual([
      expect.objectContaining({ category: 'unstable-poverty-alleviated' }),
    ]);
  });

  it('lists the open warnings with their messages and a flat key per rule for the list filter', () => {
    const facts = { today: TODAY, villageIsUrbanCommittee: true };
    const events = stored([
      registerHousehold({}, { villageIsUrbanCommittee: true }),
      { type: 'AddMember', data: HEAD, facts: { ...facts, ...DIVISOR_FACTS, registrationDivisionKnown: false } },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'HouseholdRegistered',
      'HouseholdWarningRaised',
      'MemberAdded',
      'HouseholdWarningRaised',
    ]);
    const view = project(events);
    expect(view?.openWarnings.map((w) => [w.rule, w.message.split(' / ').length])).toEqual([
      ['household.rural-in-urban-committee', 2],
      ['resident-id.division-unknown', 2],
    ]);
    expect(view).toMatchObject({
      hasOpenWarnings: true,
      warningRules: { ruralInUrbanCommittee: true, residentIdDivisionUnknown: true },
    });

    const flagged = stored([
      registerHousehold({}, { villageIsUrbanCommittee: true }),
      { type: 'AddMember', data: HEAD, facts: { ...facts, ...DIVISOR_FACTS, registrationDivisionKnown: false } },
      { type: 'SetFlags', data: { relocatedToResettlementSite: true, urbanHukou: false }, facts },
    ]);
    expect(project(flagged)).toMatchObject({
      hasOpenWarnings: true,
      warningRules: { residentIdDivisionUnknown: true },
    });
    expect(project(flagged)?.warningRules).not.toHaveProperty('ruralInUrbanCommittee');
  });
});
