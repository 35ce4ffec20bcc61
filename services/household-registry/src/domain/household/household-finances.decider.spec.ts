import type { RecordIncome, RecordRigidExpenditure, ReportRiskEvent } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent, IncomeRecorded } from './household.events';
import type { ReportingPeriod } from './household.values';
import { deciderSpecification } from '../testing/decider-specification';
import {
  DAUGHTER,
  HEAD,
  HOUSEHOLD_ID,
  memberAdded,
  MIGRANT_SON,
  registered,
  SPOUSE,
  TODAY,
  withProfile,
} from '../testing/household.fixtures';

const spec = deciderSpecification(householdDecider);
// Four members, three living in the household: the son works in another province.
const family = [registered, memberAdded(HEAD), memberAdded(SPOUSE), memberAdded(DAUGHTER), memberAdded(MIGRANT_SON)];
const YEAR_2023: ReportingPeriod = { kind: 'calendar-year', year: 2023 };

type Components = RecordIncome['data']['components'];
const components2023: Components = {
  wagesYuan: '18000',
  netBusinessYuan: '6500.50',
  netPropertyYuan: 300,
  netTransferYuan: '2400.25',
  productionCostsYuan: '3200.75',
};
const recordIncome = (components: Components = components2023, period: ReportingPeriod = YEAR_2023): RecordIncome => ({
  type: 'RecordIncome',
  data: { period, components },
  facts: { today: TODAY },
});
// 18000 + 6500.50 + 300 + 2400.25 − 3200.75 = 24000.00 yuan; ÷ 3 resident members = 8000.00
const income2023: IncomeRecorded = {
  type: 'IncomeRecorded',
  data: {
    householdId: HOUSEHOLD_ID,
    period: YEAR_2023,
    components: {
      wagesFen: 1_800_000,
      netBusinessFen: 650_050,
      netPropertyFen: 30_000,
      netTransferFen: 240_025,
      productionCostsFen: 320_075,
    },
    netIncomeFen: 2_400_000,
    residentMembers: 3,
    perCapitaNetIncomeFen: 800_000,
  },
};

describe('RecordIncome', () => {
  it('when income is recorded, then IncomeRecorded with per-capita net income over resident members', () => {
    spec.given(family).when(recordIncome()).thenEmits([income2023]);
  });

  it('rounds per-capita income half up to the fen', () => {
    // 10000.00 ÷ 3 = 3333.333… → 3333.33; the 12 months ending 31 July 2024
    const period: ReportingPeriod = { kind: 'twelve-months', endingOn: '2024-07-31' };
    const zero = { netBusinessYuan: 0, netPropertyYuan: 0, netTransferYuan: 0, productionCostsYuan: 0 };
    spec
      .given(family)
      .when(recordIncome({ wagesYuan: 10_000, ...zero }, period))
      .thenEmits([
        {
          type: 'IncomeRecorded',
          data: {
            householdId: HOUSEHOLD_ID,
            period,
            components: {
              wagesFen: 1_000_000,
              netBusinessFen: 0,
              netPropertyFen: 0,
              netTransferFen: 0,
              productionCostsFen: 0,
            },
            netIncomeFen: 1_000_000,
            residentMembers: 3,
            perCapitaNetIncomeFen: 333_333,
          },
        },
      ]);
  });

  it('given the income was recorded, when the same figures come again (in any spelling), then nothing happens', () => {
    spec
      .given([...family, income2023])
      .when(recordIncome())
      .thenEmitsNothing();
    spec
      .given([...family, income2023])
      .when(
        recordIncome({
          wagesYuan: 18_000,
          netBusinessYuan: 6500.5,
          netPropertyYuan: '300.00',
          netTransferYuan: 2400.25,
          productionCostsYuan: 3200.75,
        }),
      )
      .thenEmitsNothing();
  });

  it('when the figures for a period are corrected, then a new IncomeRecorded replaces them', () => {
    // wages 18000 → 21000: 27000.00 ÷ 3 = 9000.00
    const corrected = {
      ...income2023.data,
      components: { ...income2023.data.components, wagesFen: 2_100_000 },
      netIncomeFen: 2_700_000,
      perCapitaNetIncomeFen: 900_000,
    };
    spec
      .given([...family, income2023])
      .when(recordIncome({ ...components2023, wagesYuan: '21000' }))
      .thenEmits([{ type: 'IncomeRecorded', data: corrected }]);
  });

  it('given a resident member moved away since, when the same figures come again, then it is recorded over two members', () => {
    const daughterMovedAway = {
      type: 'MemberUpdated',
      data: { householdId: HOUSEHOLD_ID, ...withProfile(DAUGHTER, { livesInHousehold: false }) },
    } as const;
    // 24000.00 ÷ 2 = 12000.00
    spec
      .given([...family, income2023, daughterMovedAway])
      .when(recordIncome())
      .thenEmits([
        { type: 'IncomeRecorded', data: { ...income2023.data, residentMembers: 2, perCapitaNetIncomeFen: 1_200_000 } },
      ]);
  });

  it.each([
    ['a negative component', { netBusinessYuan: '-500' }, 'income.component-negative', 'components.netBusinessYuan'],
    ['three decimals', { wagesYuan: '18000.005' }, 'money.precision', 'components.wagesYuan'],
    ['text that is no amount', { productionCostsYuan: '三千' }, 'money.format', 'components.productionCostsYuan'],
    ['a thousands separator', { wagesYuan: '18,000' }, 'money.format', 'components.wagesYuan'],
  ])('when a component has %s, then it is refused', (_case, change, code, field) => {
    spec
      .given(family)
      .when(recordIncome({ ...components2023, ...change }))
      .thenRejects({ code, field });
  });

  it.each([
    ['a year after this one', { kind: 'calendar-year', year: 2025 }, 'period.in-future', 'period.year'],
    [
      '12 months ending after today',
      { kind: 'twelve-months', endingOn: '2024-08-21' },
      'period.in-future',
      'period.endingOn',
    ],
    [
      '12 months ending on no real date',
      { kind: 'twelve-months', endingOn: '2024-02-30' },
      'period.format',
      'period.endingOn',
    ],
    ['a two-digit year', { kind: 'calendar-year', year: 24 }, 'period.format', 'period.year'],
  ] as const)('when the period is %s, then it is refused', (_case, period, code, field) => {
    spec.given(family).when(recordIncome(components2023, period)).thenRejects({ code, field });
  });

  it('accepts the current year (expected income) and 12 months ending today', () => {
    for (const period of [
      { kind: 'calendar-year', year: 2024 },
      { kind: 'twelve-months', endingOn: TODAY },
    ] as const) {
      spec
        .given(family)
        .when(recordIncome(components2023, period))
        .thenEmits([{ type: 'IncomeRecorded', data: { ...income2023.data, period } }]);
    }
  });

  it('when nobody lives in the household, then it is refused', () => {
    const headAway = withProfile(HEAD, { livesInHousehold: false });
    spec
      .given([registered, memberAdded(headAway)])
      .when(recordIncome())
      .thenRejects({ code: 'income.no-resident-members' });
    spec.given([registered]).when(recordIncome()).thenRejects({ code: 'income.no-resident-members' });
  });
});

describe('RecordRigidExpenditure', () => {
  const record = (
    medical: string | number,
    education: string | number,
    disaster: string | number,
    period: ReportingPeriod = YEAR_2023,
  ): RecordRigidExpenditure => ({
    type: 'RecordRigidExpenditure',
    data: { period, medicalAfterReimbursementYuan: medical, educationYuan: education, disasterLossYuan: disaster },
    facts: { today: TODAY },
  });
  // 12000.50 + 3000 + 0 = 15000.50 yuan
  const recorded: HouseholdEvent = {
    type: 'RigidExpenditureRecorded',
    data: {
      householdId: HOUSEHOLD_ID,
      period: YEAR_2023,
      medicalAfterReimbursementFen: 1_200_050,
      educationFen: 300_000,
      disasterLossFen: 0,
      totalFen: 1_500_050,
    },
  };

  it('when rigid expenditure is recorded, then RigidExpenditureRecorded with its total', () => {
    spec
      .given(family)
      .when(record('12000.50', 3000, '0'))
      .thenEmits([recorded]);
  });

  it('given it was recorded, when the same figures come again, then nothing happens', () => {
    spec
      .given([...family, recorded])
      .when(record(12000.5, '3000.00', 0))
      .thenEmitsNothing();
  });

  it('when an amount is negative, then it is refused', () => {
    spec
      .given(family)
      .when(record('12000.50', -1, 0))
      .thenRejects({ code: 'rigid-expenditure.amount-negative', field: 'educationYuan' });
  });

  it('when the period lies after today, then it is refused', () => {
    spec
      .given(family)
      .when(record(1, 0, 0, { kind: 'calendar-year', year: 2025 }))
      .thenRejects({ code: 'period.in-future', field: 'period.year' });
  });
});

describe('ReportRiskEvent', () => {
  const report = (data: Partial<ReportRiskEvent['data']> = {}): ReportRiskEvent => ({
    type: 'ReportRiskEvent',
    data: { riskEventId: 'risk-2024-001', kind: 'illness', occurredOn: '2024-06-15', lossYuan: '8000', ...data },
    facts: { today: TODAY },
  });
  const reported: HouseholdEvent = {
    type: 'RiskEventReported',
    data: {
      householdId: HOUSEHOLD_ID,
      riskEventId: 'risk-2024-001',
      kind: 'illness',
      occurredOn: '2024-06-15',
      lossFen: 800_000,
    },
  };

  it('when a risk event is reported, then RiskEventReported', () => {
    spec.given(family).when(report()).thenEmits([reported]);
  });

  it('accepts an event that happened today', () => {
    spec
      .given(family)
      .when(report({ occurredOn: TODAY }))
      .thenEmits([{ ...reported, data: { ...reported.data, occurredOn: TODAY } } as HouseholdEvent]);
  });

  it('given it was reported, when the same report is sent again, then nothing happens', () => {
    spec
      .given([...family, reported])
      .when(report({ lossYuan: 8000 }))
      .thenEmitsNothing();
  });

  it('when the same report id comes with other details, then it is refused', () => {
    spec
      .given([...family, reported])
      .when(report({ kind: 'disaster' }))
      .thenRejects({ code: 'risk-event.already-reported', field: 'riskEventId' });
  });

  it.each([
    ['an empty id', { riskEventId: ' ' }, 'risk-event.id-required', 'riskEventId'],
    ['a date after today', { occurredOn: '2024-08-21' }, 'risk-event.date-in-future', 'occurredOn'],
    ['no real date', { occurredOn: '2024-13-01' }, 'risk-event.date-format', 'occurredOn'],
    ['a negative loss', { lossYuan: '-1' }, 'risk-event.loss-negative', 'lossYuan'],
    ['a loss with three decimals', { lossYuan: 0.001 }, 'money.precision', 'lossYuan'],
  ] as const)('when the report has %s, then it is refused', (_case, data, code, field) => {
    spec.given(family).when(report(data)).thenRejects({ code, field });
  });
});
