import { describe, expect, it } from '@jest/globals';
import { fixedOffsetClock } from '@relapse-watch/domain-kernel';
import { SeededRandom } from '@relapse-watch/household-registry';
import { demoCampaignDays, instantOn } from './demo-calendar';
import { planCoverage, villagesByTownship } from './demo-campaign.seed';

describe('the demo campaign’s days', () => {
  it('launched two weeks before today, teams 4 days and inspections 18 days after the launch (DOMAIN.md)', () => {
    expect(demoCampaignDays('2026-12-07')).toEqual({
      today: '2026-12-07',
      year: 2026,
      launchedOn: '2026-11-23',
      teamsInPlaceBy: '2026-11-27',
      inspectBy: '2026-12-11',
    });
  });

  it('early in January: launched on 1 January of the year (one campaign per province and year)', () => {
    expect(demoCampaignDays('2027-01-05')).toMatchObject({
      year: 2027,
      launchedOn: '2027-01-01',
      inspectBy: '2027-01-19',
    });
  });

  it('a step of today is recorded no later than now; an earlier day at 10:00 local', () => {
    const now = new Date('2026-12-07T01:30:00Z'); // 09:30 in UTC+8
    const clock = fixedOffsetClock(480, () => now);
    expect(instantOn('2026-12-07', clock)).toEqual(now);
    expect(instantOn('2026-12-01', clock).toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });
});

describe('the demo teams’ coverage', () => {
  const villages = Array.from(
    { length: 40 },
    (_, i) => `5119231${String(i % 4).padStart(2, '0')}2${String(i).padStart(2, '0')}`,
  );

  it('groups villages by township, sorted', () => {
    const townships = villagesByTownship(['511923102201', '511923101202', '511923101201', '511923101201']);
    expect([...townships]).toEqual([
      ['511923101000', ['511923101201', '511923101202']],
      ['511923102000', ['511923102201']],
    ]);
  });

  it('is the same for the same seed, and leaves at least one village late and one uncovered', () => {
    const plan = planCoverage(villages, new SeededRandom('spec'));
    expect(planCoverage(villages, new SeededRandom('spec'))).toEqual(plan);
    const kinds = [...plan.values()];
    expect(kinds).toContain('late');
    expect(kinds).toContain('uncovered');
    expect(kinds.filter((k) => k === 'on-time').length).toBeGreaterThan(villages.length / 2);
  });
});
