import type { RecordIncome, RecordRigidExpenditure } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent, IncomeRecorded } from './household.events';
import type { PerCapitaDivisorRule } from '../province-policy/province-policy.values';
import type { ReportingPeriod } from './household.values';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
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
  grossBusinessYuan: '6500.50',
  propertyYuan: 300,
  transferYuan: '2400.25',
  productionCostsYuan: '3200.75',
};
const recordIncome = (
  components: Components = components2023,
  period: ReportingPeriod = YEAR_2023,
  perCapitaDivisorRule: PerCapitaDivisorRule = 'household-members',
): RecordIncome => ({
  type: 'RecordIncome',
  data: { period, components },
  facts: { today: TODAY, perCapitaDivisorRule },
});
// 18000 + 6500.50 (gross) + 300 + 2400.25 − 3200.75 (costs, once) = 24000.00 yuan; ÷ 4 household members = 6000.00
const income2023: IncomeRecorded = {
  type: 'IncomeRecorded',
  data: {
    householdId: HOUSEHOLD_ID,
    period: YEAR_2023,
    components: {
      wagesFen: 1_800_000,
      grossBusinessFen: 650_050,
      propertyFen: 30_000,
      transferFen: 240_025,
      productionCostsFen: 320_075,
    },
    netIncomeFen: 2_400_000,
    divisorRule: 'household-members',
    divisorMembers: 4,
    perCapitaNetIncomeFen: 600_000,
  },
};

describe('RecordIncome', () => {
  it('when income is recorded, then IncomeRecorded over the household members, the one working away included', () => {
    spec.given(family).when(recordIncome()).thenEmits([income2023]);
  });

  it('given the province counts resident members, then the member working away is left out of the divisor', () => {
    // 24000.00 ÷ 3 residents = 8000.00
    spec
      .given(family)
      .when(recordIncome(components2023, YEAR_2023, 'resident-members'))
      .thenEmits([
        {
          type: 'IncomeRecorded',
          data: {
            ...income2023.data,
            divisorRule: 'resident-members',
            divisorMembers: 3,
            perCapitaNetIncomeFen: 800_000,
          },
        },
      ]);
  });

  it('subtracts production costs once from the gross business income', () => {
    // 0 + 20000 gross − 12000 costs = 8000.00; ÷ 4 = 2000.00 (a net figure entered as gross would give 5000)
    const business = {
      wagesYuan: 0,
      grossBusinessYuan: 20_000,
      propertyYuan: 0,
      transferYuan: 0,
      productionCostsYuan: 12_000,
    };
    spec
      .given(family)
      .when(recordIncome(business))
      .thenEmits([
        {
          type: 'IncomeRecorded',
          data: {
            ...income2023.data,
            components: {
              wagesFen: 0,
              grossBusinessFen: 2_000_000,
              propertyFen: 0,
              transferFen: 0,
              productionCostsFen: 1_200_000,
            },
            netIncomeFen: 800_000,
            perCapitaNetIncomeFen: 200_000,
          },
        },
      ]);
  });

  it('rounds per-capita income half up to the fen', () => {
    // 10000.00 ÷ 3 residents = 3333.333… → 3333.33; the 12 months ending 31 July 2024
    const period: ReportingPeriod = { kind: 'twelve-months', endingOn: '2024-07-31' };
    const zero = { grossBusinessYuan: 0, propertyYuan: 0, transferYuan: 0, productionCostsYuan: 0 };
    spec
      .given(family)
      .when(recordIncome({ wagesYuan: 10_000, ...zero }, period, 'resident-members'))
      .thenEmits([
        {
          type: 'IncomeRecorded',
          data: {
            householdId: HOUSEHOLD_ID,
            period,
            components: {
              wagesFen: 1_000_000,
              grossBusinessFen: 0,
              propertyFen: 0,
              transferFen: 0,
              productionCostsFen: 0,
            },
            netIncomeFen: 1_000_000,
            divisorRule: 'resident-members',
            divisorMembers: 3,
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
          grossBusinessYuan: 6500.5,
          propertyYuan: '300.00',
          transferYuan: 2400.25,
          productionCostsYuan: 3200.75,
        }),
      )
      .thenEmitsNothing();
  });

  it('when the figures for a period are corrected, then a new IncomeRecorded replaces them', () => {
    // wages 18000 → 21000: 27000.00 ÷ 4 = 6750.00
    const corrected = {
      ...income2023.data,
      components: { ...income2023.data.components, wagesFen: 2_100_000 },
      netIncomeFen: 2_700_000,
      perCapitaNetIncomeFen: 675_000,
    };
    spec
      .given([...family, income2023])
      .when(recordIncome({ ...components2023, wagesYuan: '21000' }))
      .thenEmits([{ type: 'IncomeRecorded', data: corrected }]);
  });

  it('given the province now counts residents, when the same figures come again, then they are recorded under that rule', () => {
    // 24000.00 ÷ 3 = 8000.00: same figures, another divisor, so not a re-send
    spec
      .given([...family, income2023])
      .when(recordIncome(components2023, YEAR_2023, 'resident-members'))
      .thenEmits([
        {
          type: 'IncomeRecorded',
          data: {
            ...income2023.data,
            divisorRule: 'resident-members',
            divisorMembers: 3,
            perCapitaNetIncomeFen: 800_000,
          },
        },
      ]);
  });

  it.each([
    [
      'a negative component',
      { grossBusinessYuan: '-500' },
      'income.component-negative',
      'components.grossBusinessYuan',
    ],
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

  it('when there is nobody to divide by, then it is refused', () => {
    const headAway = withProfile(HEAD, { livesInHousehold: false });
    spec.given([registered]).when(recordIncome()).thenRejects({ code: 'income.no-members' });
    spec
      .given([registered, memberAdded(headAway)])
      .when(recordIncome(components2023, YEAR_2023, 'resident-members'))
      .thenRejects({ code: 'income.no-resident-members' });
  });

  it('given the head works away, then the default rule still divides by the household member', () => {
    const headAway = withProfile(HEAD, { livesInHousehold: false });
    spec
      .given([registered, memberAdded(headAway)])
      .when(recordIncome())
      .thenEmits([
        { type: 'IncomeRecorded', data: { ...income2023.data, divisorMembers: 1, perCapitaNetIncomeFen: 2_400_000 } },
      ]);
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
