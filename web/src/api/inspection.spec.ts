import { describe, expect, it } from '@jest/globals';
import { campaignYears, filenameOf, followUpPath } from './inspection';

describe('the follow-up lists’ requests', () => {
  it('names the list, its filters and its page in the query string', () => {
    const query = {
      campaignId: '51-2024',
      divisionCode: '511923000000',
      status: 'open',
      ruleId: 'rectification.housing',
    } as const;
    expect(followUpPath('rectification', query, { limit: '20', offset: '40' })).toBe(
      '/api/inspection/campaigns/51-2024/rectification-items?divisionCode=511923000000&status=open&ruleId=rectification.housing&limit=20&offset=40',
    );
    expect(
      followUpPath('data-quality', { campaignId: '51-2024', divisionCode: '510000000000' }, { format: 'xlsx' }, true),
    ).toBe('/api/inspection/campaigns/51-2024/data-quality-issues/export?divisionCode=510000000000&format=xlsx');
  });

  it('asks for each year’s campaign from this year back to the first rule set’s', () => {
    expect(campaignYears(new Date(2026, 11, 8))).toEqual([2026, 2025, 2024]);
    expect(campaignYears(new Date(2024, 0, 1))).toEqual([2024]);
  });

  it('reads a download’s name from Content-Disposition, the UTF-8 name first', () => {
    expect(
      filenameOf(
        `attachment; filename="rectification-items-51-2024.xlsx"; filename*=UTF-8''${encodeURIComponent('整改事项-51-2024.xlsx')}`,
      ),
    ).toBe('整改事项-51-2024.xlsx');
    expect(filenameOf('attachment; filename="a.csv"')).toBe('a.csv');
    expect(filenameOf(null)).toBeNull();
  });
});
