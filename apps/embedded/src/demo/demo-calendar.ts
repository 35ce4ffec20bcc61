import { addDays, type Clock, type IsoDate } from '@relapse-watch/domain-kernel';

/** The days of the demo campaign, counted back from the clock's today. */
export interface DemoCampaignDays {
  readonly today: IsoDate;
  readonly year: number;
  readonly launchedOn: IsoDate;
  /** DOMAIN.md's reference case: teams in place 4 days after the launch. */
  readonly teamsInPlaceBy: IsoDate;
  /** … and every household inspected 18 days after it. */
  readonly inspectBy: IsoDate;
}

/** How long before today the demo campaign was launched: two weeks, so it is under way with days left. */
const WEEKS_UNDER_WAY = 2;

/**
 * The demo campaign's days: launched two weeks before today, or on 1 January when today is
 * earlier in the year (one campaign per province and year), with Sichuan's reference gaps to the
 * two deadlines (DOMAIN.md: 12 → 16 → 30 August).
 */
export function demoCampaignDays(today: IsoDate): DemoCampaignDays {
  const year = Number(today.slice(0, 4));
  const twoWeeksBefore = addDays(today, -7 * WEEKS_UNDER_WAY);
  const launchedOn = twoWeeksBefore.startsWith(String(year)) ? twoWeeksBefore : `${year}-01-01`;
  return {
    today,
    year,
    launchedOn,
    teamsInPlaceBy: addDays(launchedOn, 4),
    inspectBy: addDays(launchedOn, 18),
  };
}

/** The earlier of two days. */
export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/**
 * The instant a demo step of `day` is recorded at: 10:00 in the officials' time zone, or now for
 * today when that is earlier, so no command is dated after the clock.
 */
export function instantOn(day: IsoDate, clock: Clock, hour = 10): Date {
  const offset = clock.utcOffsetMinutes;
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  const at = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00${sign}${hh}:${mm}`);
  const now = clock.now();
  return at > now ? now : at;
}
