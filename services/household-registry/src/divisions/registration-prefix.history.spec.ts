import { describe, expect, it } from '@jest/globals';
import { registrationPrefixHistory } from './registration-prefix.history';

describe('registrationPrefixHistory', () => {
  const history = registrationPrefixHistory();
  const retired = new Map(history.retired.map((r) => [r.code, r]));

  it('lists today’s counties, not provinces or prefectures, and not retired codes', () => {
    expect(history.current).toContain('510116'); // 双流区
    expect(history.current).not.toContain('510100');
    expect(history.current).not.toContain('510122');
    expect(history.current.length).toBeGreaterThan(2_800);
  });

  it('dates a retired county and guesses its successor by name within the prefecture', () => {
    expect(retired.get('510122')).toEqual({ code: '510122', name: '双流县', retired: 2016, successor: '510116' });
    expect(retired.get('512224')).toMatchObject({ name: '梁平县', retired: 1992, successor: null });
  });
});
