import { describe, expect, it } from '@jest/globals';
import { contextIds } from './reporting-context';

// The contracts (ThresholdPublished, CampaignLaunched, KeyRegionDesignated) carry '51'; the
// queries ask by the unit code 510000000000. Found by the reporting scenario (test/): with two
// ids, live reports showed no campaign and nobody below a line.
describe('the province-year context id', () => {
  it('is the same for the contracts’ 2-digit code and the 12-digit unit code', () => {
    expect(contextIds.provinceYear('51', 2024)).toBe(contextIds.provinceYear('510000000000', 2024));
    expect(contextIds.provinceYear('51', 2024)).toBe('province-year:510000000000:2024');
  });

  it('differs by province and year', () => {
    expect(contextIds.provinceYear('51', 2024)).not.toBe(contextIds.provinceYear('42', 2024));
    expect(contextIds.provinceYear('51', 2024)).not.toBe(contextIds.provinceYear('51', 2023));
  });
});
