import { householdIdFor } from './household-id';

describe('householdIdFor', () => {
  // Ids the registry derived (and stored as stream names) before the function moved here.
  it.each([
    ['511923100201', '0001', '789e182f-7495-5afc-8f58-05744f77e7f6'],
    ['510121102203', '0042', 'b7336f30-6f21-52ae-bbaf-b52c9181dc55'],
    ['513433200201', '户12', '5c0de468-1d3c-5122-8fe8-f6da6287e02a'],
  ])('village %s, number %s is %s', (villageCode, householdNumber, id) => {
    expect(householdIdFor(villageCode, householdNumber)).toBe(id);
  });

  it('tells households apart by village and by number', () => {
    expect(householdIdFor('511923100201', '0002')).not.toBe(householdIdFor('511923100201', '0001'));
    expect(householdIdFor('511923100202', '0001')).not.toBe(householdIdFor('511923100201', '0001'));
  });
});
