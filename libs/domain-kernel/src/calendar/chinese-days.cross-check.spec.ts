import { getDayDetail, isWorkday } from 'chinese-days';
import { addDays, type IsoDate } from './calendar-date';
import { CHINA_PUBLIC_HOLIDAY_SCHEDULES } from './schedules';
import { WorkingDayCalendar } from './working-day-calendar';

// A second, independent reading of the State Council notices: the npm package chinese-days
// (1.5.7, a pinned devDependency). Where it and our schedules disagree, the official notice wins
// and the day goes here with the reason. None found in 1.5.7 for 2024–2026.
const NOTICE_WINS: Readonly<Record<IsoDate, string>> = {};

const calendar = WorkingDayCalendar.of(CHINA_PUBLIC_HOLIDAY_SCHEDULES);
const holidays = new Set(CHINA_PUBLIC_HOLIDAY_SCHEDULES.flatMap((schedule) => schedule.holidays));
const makeUpDays = new Set(CHINA_PUBLIC_HOLIDAY_SCHEDULES.flatMap((schedule) => schedule.makeUpWorkingDays));

function everyDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

const DAYS = everyDay('2024-01-01', '2026-12-31');

// chinese-days names an ordinary day by its weekday ("Saturday") and a notice day by its festival
// ("National Day,国庆节,3").
function listedByNotice(date: IsoDate): boolean {
  return getDayDetail(date).name.includes(',');
}

describe('our schedules against chinese-days 1.5.7, every day of 2024–2026', () => {
  it('covers all 1,096 days', () => {
    expect(DAYS).toHaveLength(366 + 365 + 365);
  });

  it('agrees on whether each day is a working day', () => {
    const disagreements = DAYS.filter(
      (date) => !(date in NOTICE_WINS) && calendar.isWorkingDay(date) !== isWorkday(date),
    );
    expect(disagreements).toEqual([]);
  });

  it('agrees on which days the notices give off and which weekend days they make working days', () => {
    const disagreements = DAYS.filter((date) => {
      if (date in NOTICE_WINS) return false;
      const listed = listedByNotice(date);
      return (
        holidays.has(date) !== (listed && !isWorkday(date)) || makeUpDays.has(date) !== (listed && isWorkday(date))
      );
    });
    expect(disagreements).toEqual([]);
  });

  it('is needed only where we have data: chinese-days guesses from weekdays for 2027, we refuse', () => {
    // 1 October 2027 will be National Day whatever the 2027 notice says; chinese-days has no 2027 data.
    expect(isWorkday('2027-10-01')).toBe(true);
    expect(() => calendar.isWorkingDay('2027-10-01')).toThrow('2027');
  });
});
