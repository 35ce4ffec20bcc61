import { describe, expect, it } from '@jest/globals';
import { isUrbanResidentsCommittee } from './village-committee-kind';

describe('isUrbanResidentsCommittee', () => {
  it.each([
    ['水井坊社区居委会', true],
    ['银闸社区居民委员会', true],
    ['平桥社区村民委员会', false],
    ['白鹤村村委会', false],
    ['锦官驿街道', undefined],
  ])('%s → %s', (name, expected) => {
    expect(isUrbanResidentsCommittee(name)).toBe(expected);
  });
});
