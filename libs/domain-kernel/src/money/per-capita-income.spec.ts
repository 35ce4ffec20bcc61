import { DomainError } from '../errors/domain-error';
import { netIncomeFen, perCapitaNetIncomeFen, type IncomeComponents } from './per-capita-income';

function components(
  wages: number,
  business: number,
  property: number,
  transfer: number,
  costs: number,
): IncomeComponents {
  return {
    wagesFen: wages,
    grossBusinessFen: business,
    propertyFen: property,
    transferFen: transfer,
    productionCostsFen: costs,
  };
}

describe('per-capita net income', () => {
  it.each([
    // 18000 + 6500.50 + 300 + 2400.25 − 3200.75 = 24000.00 yuan; ÷ 3 = 8000.00
    ['three members, even split', components(1_800_000, 650_050, 30_000, 240_025, 320_075), 3, 2_400_000, 800_000],
    // 10000.00 ÷ 3 = 3333.333… → 3333.33
    ['rounds a third down', components(1_000_000, 0, 0, 0, 0), 3, 1_000_000, 333_333],
    // 100.01 ÷ 2 = 50.005 → half up → 50.01
    ['rounds a half fen up', components(10_001, 0, 0, 0, 0), 2, 10_001, 5_001],
    // 1000 − 1500.05 = −500.05; ÷ 2 = −250.025 → away from zero → −250.03
    ['costs above income give a negative figure', components(100_000, 0, 0, 0, 150_005), 2, -50_005, -25_003],
    // 6000 yuan, one person: the 2021 national line exactly
    ['one member', components(360_000, 120_000, 0, 120_000, 0), 1, 600_000, 600_000],
    // Gross business 20000, costs 12000 subtracted once: 5000 + 20000 + 0 + 1000 − 12000 = 14000; ÷ 4 = 3500
    [
      'business income is gross, its costs come off once',
      components(500_000, 2_000_000, 0, 100_000, 1_200_000),
      4,
      1_400_000,
      350_000,
    ],
  ])('%s', (_case, income, members, net, perCapita) => {
    expect(netIncomeFen(income)).toBe(net);
    expect(perCapitaNetIncomeFen(income, members)).toBe(perCapita);
  });

  it.each([0, -1, 1.5])('refuses %p members', (members) => {
    let thrown: unknown;
    try {
      perCapitaNetIncomeFen(components(100, 0, 0, 0, 0), members);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'income.no-members', field: 'members' });
  });
});
