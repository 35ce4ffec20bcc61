import type { ErasedPersonalData } from './member.values';
import { isDeepStrictEqual } from 'node:util';
import type { HouseholdCommand, ImportHousehold } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent, HouseholdImported } from './household.events';
import type { HouseholdState } from './household.state';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  DAUGHTER,
  FATHER,
  HEAD,
  HOUSEHOLD_ID,
  MIGRANT_SON,
  registered,
  registerHousehold,
  SPOUSE,
  MEMBER_FACTS,
  TODAY,
} from '../testing/household.fixtures';
import type { HouseholdMember } from './household.state';

const spec = deciderSpecification(householdDecider);

const income = {
  period: { kind: 'calendar-year', year: 2023 },
  components: {
    wagesYuan: '21600',
    grossBusinessYuan: 8500.5,
    propertyYuan: 0,
    transferYuan: '4360',
    productionCostsYuan: '3900',
  },
} as const;
const rigidExpenditure = {
  period: { kind: 'calendar-year', year: 2023 },
  medicalAfterReimbursementYuan: '12800.50',
  educationYuan: 6000,
  disasterLossYuan: '0',
} as const;
const threePlusOne = {
  foodAndClothingSecured: true,
  compulsoryEducationSecured: true,
  medicalInsuranceCovered: false,
  housingGrade: 'C',
  drinkingWaterSafe: true,
} as const;
const flags = { relocatedToResettlementSite: true, urbanHukou: false };
const members: readonly HouseholdMember[] = [HEAD, SPOUSE, DAUGHTER, FATHER, MIGRANT_SON];

function importHousehold(
  overrides: Partial<ImportHousehold['data']> = {},
  known: readonly boolean[] = members.map(() => true),
): ImportHousehold {
  return {
    type: 'ImportHousehold',
    data: {
      registration: registerHousehold().data,
      members,
      income,
      rigidExpenditure,
      threePlusOne,
      flags,
      ...overrides,
    },
    facts: {
      today: TODAY,
      householdNumberInUse: false,
      registrationDivisionKnown: known,
      perCapitaDivisorRule: 'household-members',
    },
  };
}

/** The same household through the separate commands, folded: what the one event must leave. */
function separately(command: ImportHousehold): { events: HouseholdEvent[]; state: HouseholdState } {
  const { registration, income: i, rigidExpenditure: r, threePlusOne: t, flags: f } = command.data;
  const commands: HouseholdCommand[] = [
    { type: 'RegisterHousehold', data: registration, facts: { today: TODAY, householdNumberInUse: false } },
    ...command.data.members.map((data): HouseholdCommand => ({
      type: 'AddMember',
      data,
      facts: MEMBER_FACTS,
    })),
    ...(i
      ? [{ type: 'RecordIncome', data: i, facts: { today: TODAY, perCapitaDivisorRule: 'household-members' } } as const]
      : []),
    ...(r ? [{ type: 'RecordRigidExpenditure', data: r, facts: { today: TODAY } } as const] : []),
    ...(t ? [{ type: 'Record3Plus1Status', data: t } as const] : []),
    ...(f ? [{ type: 'SetFlags', data: f } as const] : []),
  ];
  let state = householdDecider.initialState;
  const events: HouseholdEvent[] = [];
  for (const c of commands) {
    for (const e of householdDecider.decide(c, state)) {
      events.push(e);
      state = householdDecider.evolve(state, e);
    }
  }
  return { events, state };
}

describe('ImportHousehold', () => {
  it('given no history, when importing a household, then one HouseholdImported leaves the state the separate commands leave', () => {
    const command = importHousehold();
    const events = householdDecider.decide(command, householdDecider.initialState);
    expect(events.map((e) => e.type)).toEqual(['HouseholdImported']);
    const [event] = events;
    const reference = separately(command);
    // Registration, five members, income, rigid expenditure, 3+1, flags: ten events the import stands for.
    expect(reference.events.map((e) => e.type)).toEqual([
      'HouseholdRegistered',
      ...Array(5).fill('MemberAdded'),
      'IncomeRecorded',
      'RigidExpenditureRecorded',
      'ThreePlusOneStatusRecorded',
      'HouseholdFlagsChanged',
    ]);
    expect(spec.given([event]).state()).toEqual(reference.state);
    expect(isDeepStrictEqual(spec.given([event]).state(), reference.state)).toBe(true);
  });

  it('keeps names and ID numbers only under `personal`', () => {
    const [event] = householdDecider.decide(importHousehold(), householdDecider.initialState) as [HouseholdImported];
    const { personal, ...rest } = event.data;
    expect((personal as Exclude<typeof personal, ErasedPersonalData>).members.map((m) => m.memberId)).toEqual(
      members.map((m) => m.memberId),
    );
    expect(JSON.stringify(rest)).not.toMatch(/张德明|李秀英|511923196804120318/);
    expect(JSON.stringify(personal)).toMatch(/张德明/);
  });

  it('records the per-capita income over the divisor the province’s rule counts, as RecordIncome does', () => {
    // 3,056,050 fen ÷ 5 household members (the migrant son included) = 611,210
    const [byHousehold] = householdDecider.decide(importHousehold(), householdDecider.initialState) as [
      HouseholdImported,
    ];
    expect(byHousehold.data.incomes).toEqual([
      expect.objectContaining({ divisorRule: 'household-members', divisorMembers: 5, perCapitaNetIncomeFen: 611_210 }),
    ]);
    // ÷ 4 resident members = 764,012.5 → half up 764,013
    const residents = {
      ...importHousehold(),
      facts: { ...importHousehold().facts, perCapitaDivisorRule: 'resident-members' },
    };
    const [byResidents] = householdDecider.decide(residents as ImportHousehold, householdDecider.initialState) as [
      HouseholdImported,
    ];
    expect(byResidents.data.incomes).toEqual([
      expect.objectContaining({ divisorRule: 'resident-members', divisorMembers: 4, perCapitaNetIncomeFen: 764_013 }),
    ]);
  });

  it('records the rigid expenditure in fen with its total, as RecordRigidExpenditure does', () => {
    const [event] = householdDecider.decide(importHousehold(), householdDecider.initialState) as [HouseholdImported];
    expect(event.data.rigidExpenditures).toEqual([
      {
        period: { kind: 'calendar-year', year: 2023 },
        medicalAfterReimbursementFen: 1_280_050,
        educationFen: 600_000,
        disasterLossFen: 0,
        totalFen: 1_880_050,
      },
    ]);
  });

  it('folds a HouseholdImported stored before it carried rigid expenditure as a household without any', () => {
    const [event] = householdDecider.decide(
      importHousehold({ rigidExpenditure: undefined }),
      householdDecider.initialState,
    ) as [HouseholdImported];
    expect(event.data).not.toHaveProperty('rigidExpenditures');
    expect(spec.given([event]).state()).toMatchObject({ kind: 'registered', rigidExpenditures: [] });
  });

  it('imports a household with only a head and nothing else recorded', () => {
    const command = importHousehold(
      { members: [HEAD], income: undefined, rigidExpenditure: undefined, threePlusOne: undefined, flags: undefined },
      [true],
    );
    const [event] = householdDecider.decide(command, householdDecider.initialState) as [HouseholdImported];
    expect(event.data).toMatchObject({
      householdId: HOUSEHOLD_ID,
      incomes: [],
      threePlusOne: null,
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
    });
    expect(spec.given([event]).state()).toEqual(separately(command).state);
  });

  it('given the household is registered, when importing it, then it is refused (changes go through the separate commands)', () => {
    spec.given([registered]).when(importHousehold()).thenRejects({ code: 'household.already-registered' });
  });

  it.each([
    [
      'a second member before the head',
      { members: [SPOUSE, HEAD] },
      'member.head-required',
      'members[0].profile.relationToHead',
    ],
    [
      'two members with one resident ID',
      { members: [HEAD, { ...SPOUSE, personal: { ...SPOUSE.personal, residentId: HEAD.personal.residentId } }] },
      'member.id-already-in-household',
      'members[1].personal.residentId',
    ],
    [
      'a township as the village',
      { registration: { ...registerHousehold().data, villageCode: '511923100000' } },
      'household.village-code-tier',
      'registration.villageCode',
    ],
    [
      'a negative wage',
      { income: { ...income, components: { ...income.components, wagesYuan: '-1' } } },
      'income.component-negative',
      'income.components.wagesYuan',
    ],
    [
      'a negative medical cost',
      { rigidExpenditure: { ...rigidExpenditure, medicalAfterReimbursementYuan: '-0.01' } },
      'rigid-expenditure.amount-negative',
      'rigidExpenditure.medicalAfterReimbursementYuan',
    ],
  ])('refuses the whole household for %s, naming the part at fault', (_name, overrides, code, field) => {
    const command = importHousehold(overrides as Partial<ImportHousehold['data']>, [true, true, true, true, true]);
    spec.given([]).when(command).thenRejects({ code, field });
  });

  it('accepts an ID whose division of registration is unknown and raises the warning after the import (a looked-up fact per member)', () => {
    const events = householdDecider.decide(
      importHousehold({}, [true, true, false, true, true]),
      householdDecider.initialState,
    );
    expect(events.map((e) => e.type)).toEqual(['HouseholdImported', 'HouseholdWarningRaised']);
    expect(events[1].data).toEqual({
      householdId: HOUSEHOLD_ID,
      rule: 'resident-id.division-unknown',
      field: 'personal.residentId',
      evidence: { memberId: members[2].memberId, registrationPrefix: members[2].personal.residentId.slice(0, 6) },
    });
  });

  it('after the import, the separate commands see the household they would have built: repeating them changes nothing', () => {
    const command = importHousehold();
    const [event] = householdDecider.decide(command, householdDecider.initialState);
    let state = householdDecider.evolve(householdDecider.initialState, event);
    for (const c of [
      registerHousehold(),
      ...members.map((data): HouseholdCommand => ({
        type: 'AddMember',
        data,
        facts: MEMBER_FACTS,
      })),
      {
        type: 'RecordIncome',
        data: income,
        facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
      } as const,
      { type: 'RecordRigidExpenditure', data: rigidExpenditure, facts: { today: TODAY } } as const,
      { type: 'Record3Plus1Status', data: threePlusOne } as const,
      { type: 'SetFlags', data: flags } as const,
    ]) {
      expect(householdDecider.decide(c, state)).toEqual([]);
      state = householdDecider.evolve(state, event);
    }
  });
});
