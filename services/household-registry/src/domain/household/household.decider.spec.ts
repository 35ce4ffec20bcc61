import type { HouseholdCommand } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent } from './household.events';
import type { HouseholdStatus, ThreePlusOneStatus } from './household.values';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import {
  HEAD,
  HOUSEHOLD_ID,
  MEMBER_FACTS,
  registered,
  registerHousehold,
  TODAY,
  VILLAGE_CODE,
} from '../testing/household.fixtures';

const spec = deciderSpecification(householdDecider);

describe('RegisterHousehold', () => {
  it('given no history, when registering, then HouseholdRegistered', () => {
    spec.given([]).when(registerHousehold()).thenEmits([registered]);
  });

  it('given the household is registered, when the same registration comes again, then nothing happens', () => {
    spec.given([registered]).when(registerHousehold()).thenEmitsNothing();
  });

  it('given the household is registered, when an import re-run registers it again and the village index sees its number taken (by itself), then nothing happens', () => {
    spec
      .given([registered])
      .when(registerHousehold({}, { householdNumberInUse: true }))
      .thenEmitsNothing();
  });

  it('given the household is registered, when registering it with other details, then it is refused', () => {
    spec
      .given([registered])
      .when(registerHousehold({ householdNumber: '5119231002010099' }))
      .thenRejects({ code: 'household.already-registered' });
  });

  it('when another household of the village has the number (a looked-up fact), then it is refused', () => {
    spec
      .given([])
      .when(registerHousehold({}, { householdNumberInUse: true }))
      .thenRejects({ code: 'household.number-in-use', field: 'householdNumber' });
  });

  it.each([
    ['a malformed village code', { villageCode: '51192310020' }, 'division-code.format', 'villageCode'],
    ['a township instead of a village', { villageCode: '511923100000' }, 'household.village-code-tier', 'villageCode'],
    ['a county instead of a village', { villageCode: '511923000000' }, 'household.village-code-tier', 'villageCode'],
    ['an empty household number', { householdNumber: '' }, 'household.number-required', 'householdNumber'],
    ['a blank household number', { householdNumber: '   ' }, 'household.number-required', 'householdNumber'],
    [
      'a household number with a trailing space',
      { householdNumber: '5119231002010012 ' },
      'household.number-format',
      'householdNumber',
    ],
    [
      'a household number of 65 characters',
      { householdNumber: '1'.repeat(65) },
      'household.number-format',
      'householdNumber',
    ],
    [
      'a household number with a line break',
      { householdNumber: '51192310\n02010012' },
      'household.number-format',
      'householdNumber',
    ],
    ['an empty household id', { householdId: '' }, 'household.id-required', 'householdId'],
    [
      'the monitored status, which is the assistance context’s overlay',
      { status: { kind: 'monitored' } },
      'household.status-kind',
      'status.kind',
    ],
    ['no status at all', { status: null }, 'household.status-kind', 'status.kind'],
    [
      'a year left poverty after the 2014–2020 campaign',
      { status: { kind: 'poverty-alleviated', yearLeftPoverty: 2021 } },
      'household.year-left-poverty',
      'status.yearLeftPoverty',
    ],
    [
      'a year left poverty before the campaign',
      { status: { kind: 'poverty-alleviated', yearLeftPoverty: 2013 } },
      'household.year-left-poverty',
      'status.yearLeftPoverty',
    ],
    [
      'a fractional year left poverty',
      { status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019.5 } },
      'household.year-left-poverty',
      'status.yearLeftPoverty',
    ],
  ] as const)('when registering with %s, then it is refused', (_case, data, code, field) => {
    spec
      .given([])
      .when(registerHousehold(data as Parameters<typeof registerHousehold>[0]))
      .thenRejects({ code, field });
  });

  it('accepts a household number of exactly 64 characters and the campaign’s first and last years', () => {
    for (const yearLeftPoverty of [2014, 2020]) {
      const data = {
        householdNumber: '7'.repeat(64),
        status: { kind: 'poverty-alleviated', yearLeftPoverty },
      } as const;
      spec
        .given([])
        .when(registerHousehold(data))
        .thenEmits([{ type: 'HouseholdRegistered', data: { ...registered.data, ...data } }]);
    }
  });

  it('reports every input problem at once, for the import error file', () => {
    const error = spec
      .given([])
      .when(
        registerHousehold({
          villageCode: '511923100000',
          householdNumber: '',
          status: { kind: 'monitored' } as unknown as HouseholdStatus,
        }),
      )
      .thenRejects({ code: 'household.village-code-tier', field: 'villageCode' });
    expect(error.problems.map((p) => p.code)).toEqual([
      'household.village-code-tier',
      'household.number-required',
      'household.status-kind',
    ]);
  });

  it('copies only known fields into the event', () => {
    const status = { kind: 'ordinary', note: 'not part of a status' } as unknown as HouseholdStatus;
    spec
      .given([])
      .when(registerHousehold({ status }))
      .thenEmits([{ type: 'HouseholdRegistered', data: { ...registered.data, status: { kind: 'ordinary' } } }]);
  });

  it('treats a malformed today as the handler’s bug', () => {
    expect(() =>
      householdDecider.decide(registerHousehold({}, { today: '20240820' }), householdDecider.initialState),
    ).toThrow(RangeError);
  });
});

describe('a household that is not registered', () => {
  const commands: HouseholdCommand[] = [
    { type: 'AddMember', data: HEAD, facts: MEMBER_FACTS },
    { type: 'UpdateMember', data: HEAD, facts: MEMBER_FACTS },
    {
      type: 'RemoveMember',
      data: { memberId: HEAD.memberId, reason: 'deceased' },
      facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
    },
    {
      type: 'RecordIncome',
      data: {
        period: { kind: 'calendar-year', year: 2023 },
        components: {
          wagesYuan: 1,
          grossBusinessYuan: 0,
          propertyYuan: 0,
          transferYuan: 0,
          productionCostsYuan: 0,
        },
      },
      facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
    },
    {
      type: 'RecordRigidExpenditure',
      data: {
        period: { kind: 'calendar-year', year: 2023 },
        medicalAfterReimbursementYuan: 1,
        educationYuan: 0,
        disasterLossYuan: 0,
      },
      facts: { today: TODAY },
    },
    {
      type: 'ReportRiskEvent',
      data: { riskEventId: 'r-1', kind: 'illness', occurredOn: '2024-08-01', lossYuan: 1 },
      facts: { today: TODAY, riskTypeKnown: true },
    },
    {
      type: 'Record3Plus1Status',
      data: {
        foodAndClothingSecured: true,
        compulsoryEducationSecured: true,
        medicalInsuranceCovered: true,
        housingGrade: 'A',
        drinkingWaterSafe: true,
      },
    },
    { type: 'SetStatus', data: { status: { kind: 'ordinary' } }, facts: { today: TODAY } },
    { type: 'SetFlags', data: { relocatedToResettlementSite: true, urbanHukou: false } },
  ];

  it.each(commands.map((c) => [c.type, c] as const))('refuses %s', (_type, command) => {
    spec.given([]).when(command).thenRejects({ code: 'household.not-registered' });
  });
});

describe('SetStatus', () => {
  const setStatus = (status: HouseholdStatus): HouseholdCommand => ({
    type: 'SetStatus',
    data: { status },
    facts: { today: TODAY },
  });
  const changed = (status: HouseholdStatus): HouseholdEvent => ({
    type: 'HouseholdStatusChanged',
    data: { householdId: HOUSEHOLD_ID, status },
  });

  it('given a poverty-alleviated household, when set to ordinary, then HouseholdStatusChanged', () => {
    spec
      .given([registered])
      .when(setStatus({ kind: 'ordinary' }))
      .thenEmits([changed({ kind: 'ordinary' })]);
  });

  it('when the year left poverty is corrected, then HouseholdStatusChanged', () => {
    spec
      .given([registered])
      .when(setStatus({ kind: 'poverty-alleviated', yearLeftPoverty: 2018 }))
      .thenEmits([changed({ kind: 'poverty-alleviated', yearLeftPoverty: 2018 })]);
  });

  it('when set to the status it has, then nothing happens', () => {
    spec
      .given([registered])
      .when(setStatus({ kind: 'poverty-alleviated', yearLeftPoverty: 2019 }))
      .thenEmitsNothing();
    spec
      .given([registered, changed({ kind: 'ordinary' })])
      .when(setStatus({ kind: 'ordinary' }))
      .thenEmitsNothing();
  });

  it('when set to monitored, then it is refused: a monitoring subject is not a status', () => {
    spec
      .given([registered])
      .when(setStatus({ kind: 'monitored' } as unknown as HouseholdStatus))
      .thenRejects({ code: 'household.status-kind', field: 'status.kind' });
  });

  it('when the year left poverty lies outside 2014–2020, then it is refused', () => {
    for (const yearLeftPoverty of [2013, 2021, 2024])
      spec
        .given([registered])
        .when(setStatus({ kind: 'poverty-alleviated', yearLeftPoverty }))
        .thenRejects({ code: 'household.year-left-poverty', field: 'status.yearLeftPoverty' });
  });
});

describe('SetFlags', () => {
  const setFlags = (relocatedToResettlementSite: boolean, urbanHukou: boolean): HouseholdCommand => ({
    type: 'SetFlags',
    data: { relocatedToResettlementSite, urbanHukou },
  });

  it('when a household moved to a resettlement site, then HouseholdFlagsChanged', () => {
    spec
      .given([registered])
      .when(setFlags(true, false))
      .thenEmits([
        {
          type: 'HouseholdFlagsChanged',
          data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: true, urbanHukou: false } },
        },
      ]);
  });

  it('when the flags are set as they are, then nothing happens', () => {
    spec.given([registered]).when(setFlags(false, false)).thenEmitsNothing();
    const changed: HouseholdEvent = {
      type: 'HouseholdFlagsChanged',
      data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: true, urbanHukou: true } },
    };
    spec.given([registered, changed]).when(setFlags(true, true)).thenEmitsNothing();
  });
});

describe('Record3Plus1Status', () => {
  const safe: ThreePlusOneStatus = {
    foodAndClothingSecured: true,
    compulsoryEducationSecured: true,
    medicalInsuranceCovered: true,
    housingGrade: 'B',
    drinkingWaterSafe: true,
  };
  const record = (data: ThreePlusOneStatus): HouseholdCommand => ({ type: 'Record3Plus1Status', data });
  const recorded = (threePlusOne: ThreePlusOneStatus): HouseholdEvent => ({
    type: 'ThreePlusOneStatusRecorded',
    data: { householdId: HOUSEHOLD_ID, threePlusOne },
  });

  it('when first assessed, then ThreePlusOneStatusRecorded', () => {
    spec
      .given([registered])
      .when(record(safe))
      .thenEmits([recorded(safe)]);
  });

  it('when the house is found dangerous (grade C), then ThreePlusOneStatusRecorded', () => {
    spec
      .given([registered, recorded(safe)])
      .when(record({ ...safe, housingGrade: 'C' }))
      .thenEmits([recorded({ ...safe, housingGrade: 'C' })]);
  });

  it('when assessed the same again, then nothing happens', () => {
    spec
      .given([registered, recorded(safe)])
      .when(record(safe))
      .thenEmitsNothing();
  });
});

describe('evolve', () => {
  it('folds registration, status and flags into the state', () => {
    const state = spec
      .given([
        registered,
        { type: 'HouseholdStatusChanged', data: { householdId: HOUSEHOLD_ID, status: { kind: 'ordinary' } } },
        {
          type: 'HouseholdFlagsChanged',
          data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: false, urbanHukou: true } },
        },
      ])
      .state();
    expect(state).toMatchObject({
      kind: 'registered',
      householdId: HOUSEHOLD_ID,
      villageCode: VILLAGE_CODE,
      status: { kind: 'ordinary' },
      flags: { relocatedToResettlementSite: false, urbanHukou: true },
      members: [],
      threePlusOne: null,
    });
  });

  it('ignores events before a registration, which decide never emits', () => {
    const stray: HouseholdEvent = {
      type: 'HouseholdFlagsChanged',
      data: { householdId: HOUSEHOLD_ID, flags: { relocatedToResettlementSite: true, urbanHukou: true } },
    };
    expect(spec.given([stray]).state()).toEqual({ kind: 'unregistered' });
  });
});
