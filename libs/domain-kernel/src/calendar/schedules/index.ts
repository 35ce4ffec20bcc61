import type { PublicHolidaySchedule } from '../public-holiday-schedule';
import { PUBLIC_HOLIDAYS_2024 } from './public-holidays-2024';
import { PUBLIC_HOLIDAYS_2025 } from './public-holidays-2025';
import { PUBLIC_HOLIDAYS_2026 } from './public-holidays-2026';

export { PUBLIC_HOLIDAYS_2024, PUBLIC_HOLIDAYS_2025, PUBLIC_HOLIDAYS_2026 };

/**
 * The national schedules the project ships, one per year, oldest first. A deployment adds the next
 * year through configuration when its notice appears (late October to December); until then that
 * year is refused.
 */
export const CHINA_PUBLIC_HOLIDAY_SCHEDULES: readonly PublicHolidaySchedule[] = [
  PUBLIC_HOLIDAYS_2024,
  PUBLIC_HOLIDAYS_2025,
  PUBLIC_HOLIDAYS_2026,
];
