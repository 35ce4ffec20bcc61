import { describe, expect, it } from '@jest/globals';
import { loadRegistrationPrefixes } from './registration-prefixes';
import { RETIRED_COUNTY_CODES } from './retired-county-codes';

describe('registration prefixes', () => {
  const prefixes = loadRegistrationPrefixes();

  it('knows counties of every province, not only the loaded one', () => {
    expect(prefixes.has('511923')).toBe(true); // 平昌县, Sichuan
    expect(prefixes.has('500101')).toBe(true); // 万州区, Chongqing
    expect(prefixes.has('110101')).toBe(true); // 东城区, Beijing
  });

  it('knows the retired county codes old ID numbers were issued under, and that their successors exist today', () => {
    for (const retired of RETIRED_COUNTY_CODES) {
      expect(prefixes.has(retired.code)).toBe(true);
      expect(prefixes.has(retired.successor)).toBe(true);
    }
    expect(prefixes.has('510122')).toBe(true); // 双流县, retired 2016
  });

  it('refuses prefixes that were never a division', () => {
    expect(prefixes.has('519999')).toBe(false);
    expect(prefixes.has('000000')).toBe(false);
  });
});
